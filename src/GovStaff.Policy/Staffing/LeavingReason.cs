namespace GovStaff.Policy.Staffing;

/// <summary>Why a stationing ended.</summary>
public enum LeavingReason
{
    /// <summary>Moved by an approved transfer or adjustment, carried out (Art. 4, 7).</summary>
    Transferred = 0,

    /// <summary>Returned to the home unit after consecutive failed quarters (Art. 29).</summary>
    Returned = 1,

    /// <summary>A documented ground outside the measures (<see cref="OutsideGround"/>).</summary>
    Other = 2,
}
