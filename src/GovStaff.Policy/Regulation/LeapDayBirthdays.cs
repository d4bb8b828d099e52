namespace GovStaff.Policy.Regulation;

/// <summary>When a person born on 29 February completes a year of age in a common year.</summary>
public enum LeapDayBirthdays
{
    /// <summary>On 1 March: the full year has run only when 28 February has ended (the default).</summary>
    March1 = 0,

    /// <summary>On 28 February, the last day of the month (NodaTime's own year arithmetic).</summary>
    February28 = 1,
}
