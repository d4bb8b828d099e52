namespace GovStaff.Policy.Service;

/// <summary>Where a case stands.</summary>
public enum CaseState
{
    /// <summary>Received but not accepted, or its acceptance refused: only accepting (again) is possible.</summary>
    Draft = 4,

    /// <summary>Accepted and being handled; the clock runs.</summary>
    Open = 0,

    /// <summary>The clock is stopped (a period the law does not count).</summary>
    Suspended = 1,

    /// <summary>Handled; the result awaits feedback to the applicant.</summary>
    Completed = 2,

    /// <summary>The result has been fed back to the applicant (Art. 10): closed.</summary>
    Closed = 3,
}
