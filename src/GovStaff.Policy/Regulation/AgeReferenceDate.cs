namespace GovStaff.Policy.Regulation;

/// <summary>On which date Art. 4's "under 45" is measured; the article does not say.</summary>
public enum AgeReferenceDate
{
    /// <summary>The nomination date (选派之日): the natural reading, and the default.</summary>
    NominationDate = 0,

    /// <summary>The date the person starts at the service body (进驻之日).</summary>
    StationingDate = 1,
}
