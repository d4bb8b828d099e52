namespace GovStaff.Policy.Decisions;

/// <summary>How much a <see cref="Finding"/> weighs in its decision's <see cref="Outcome"/>.</summary>
public enum Severity
{
    /// <summary>A condition of the article is met. Recorded so that a permitted decision still cites its basis.</summary>
    Satisfied = 0,

    /// <summary>Information worth keeping with the decision; no effect on the outcome.</summary>
    Notice = 1,

    /// <summary>Needs attention; the outcome is at least <see cref="Outcome.Warning"/>.</summary>
    Warning = 2,

    /// <summary>Needs approval before going ahead; the outcome is at least <see cref="Outcome.RequiresApproval"/>.</summary>
    ApprovalRequired = 3,

    /// <summary>Breaks the rule; the outcome is <see cref="Outcome.Refused"/>.</summary>
    Violation = 4,
}
