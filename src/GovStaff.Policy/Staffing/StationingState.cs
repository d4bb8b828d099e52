namespace GovStaff.Policy.Staffing;

/// <summary>The states of a stationing (选派 → 进驻 → 离岗, Art. 3–6).</summary>
public enum StationingState
{
    /// <summary>Nominated by the home unit.</summary>
    Nominated = 0,

    /// <summary>Vetted against Art. 2–6.</summary>
    Vetted = 1,

    /// <summary>Serving at the body.</summary>
    Stationed = 2,

    /// <summary>No longer at the body (transferred, returned or recalled).</summary>
    Left = 3,
}

/// <summary>The triggers of a stationing.</summary>
public enum StationingTrigger
{
    /// <summary>The receiving body vets the nominee.</summary>
    Vet,

    /// <summary>The nominee starts at the body.</summary>
    Station,

    /// <summary>The person leaves the body.</summary>
    Leave,
}

/// <summary>Why a stationing ended.</summary>
public enum LeavingReason
{
    /// <summary>Moved by an approved transfer or adjustment (Art. 4, 7).</summary>
    Transferred = 0,

    /// <summary>Returned to the home unit after two failed quarters (Art. 29).</summary>
    Returned = 1,

    /// <summary>Any other end (retirement, resignation).</summary>
    Other = 2,
}
