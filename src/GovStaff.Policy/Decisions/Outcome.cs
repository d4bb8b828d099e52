namespace GovStaff.Policy.Decisions;

/// <summary>What a <see cref="Decision"/> allows.</summary>
public enum Outcome
{
    /// <summary>The action complies with the measures.</summary>
    Permitted = 0,

    /// <summary>The action is allowed, but something needs attention (an overdue step, an assumption about the calendar).</summary>
    Warning = 1,

    /// <summary>The action may go ahead only once someone with authority approves it (e.g. a rotation within 2 years, Art. 4).</summary>
    RequiresApproval = 2,

    /// <summary>The action breaks a rule; nothing was changed.</summary>
    Refused = 3,
}
