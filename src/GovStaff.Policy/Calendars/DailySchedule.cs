using NodaTime;

namespace GovStaff.Policy.Calendars;

/// <summary>One working day's office hours: a morning and an afternoon session (坐班制, Art. 12(1)).</summary>
public sealed record DailySchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="morningStart">Opening time.</param>
    /// <param name="morningEnd">Start of the midday break.</param>
    /// <param name="afternoonStart">End of the midday break.</param>
    /// <param name="afternoonEnd">Closing time (the close of business that ends a deadline day, 《民法典》第二百零三条).</param>
    /// <exception cref="ArgumentException">The times are not in order.</exception>
    public DailySchedule(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart, LocalTime afternoonEnd)
    {
        if (!(morningStart < morningEnd && morningEnd <= afternoonStart && afternoonStart < afternoonEnd))
        {
            throw new ArgumentException(
                $"Office hours must run morning start < morning end ≤ afternoon start < afternoon end; got {morningStart:HH:mm}–{morningEnd:HH:mm}, {afternoonStart:HH:mm}–{afternoonEnd:HH:mm}.",
                nameof(afternoonEnd));
        }

        MorningStart = morningStart;
        MorningEnd = morningEnd;
        AfternoonStart = afternoonStart;
        AfternoonEnd = afternoonEnd;
    }

    /// <summary>Opening time.</summary>
    public LocalTime MorningStart { get; }

    /// <summary>Start of the midday break.</summary>
    public LocalTime MorningEnd { get; }

    /// <summary>End of the midday break.</summary>
    public LocalTime AfternoonStart { get; }

    /// <summary>Closing time.</summary>
    public LocalTime AfternoonEnd { get; }

    /// <summary>True when the time falls in a session (start inclusive, end exclusive).</summary>
    public bool IsOpenAt(LocalTime time) =>
        (time >= MorningStart && time < MorningEnd) || (time >= AfternoonStart && time < AfternoonEnd);

    /// <summary><c>09:00–12:00, 13:30–17:30</c></summary>
    public override string ToString() => $"{MorningStart:HH:mm}–{MorningEnd:HH:mm}, {AfternoonStart:HH:mm}–{AfternoonEnd:HH:mm}";
}
