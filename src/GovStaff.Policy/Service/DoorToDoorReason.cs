namespace GovStaff.Policy.Service;

/// <summary>Why a person cannot come (Art. 12(9): 老、弱、病、残).</summary>
public enum DoorToDoorReason
{
    /// <summary>老: old age.</summary>
    Elderly = 1,

    /// <summary>弱: frailty.</summary>
    Weak = 2,

    /// <summary>病: illness.</summary>
    Ill = 3,

    /// <summary>残: disability.</summary>
    Disabled = 4,

    /// <summary>Another reason of the same kind (the article's 等 leaves the list open), described when judged.</summary>
    Other = 5,
}
