using GovStaff.Policy.Decisions;
using GovStaff.Policy.Staffing;

namespace GovStaff.Policy.Appraisal;

/// <summary>What Art. 29 does after a graded quarter: nothing, an admonition, or a return to the home unit.</summary>
/// <param name="Decision">The decision with its citations.</param>
/// <param name="Admonition">The admonition, after one failed quarter.</param>
/// <param name="Recall">The recall, after consecutive failed quarters.</param>
/// <param name="Event">The event, when a sanction took effect.</param>
public sealed record SanctionOutcome(Decision Decision, Admonition? Admonition, Recall? Recall, DomainEvent? Event)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Decision, nameof(Decision));
}
