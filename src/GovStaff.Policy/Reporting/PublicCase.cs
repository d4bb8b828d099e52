using GovStaff.Policy.Service;
using NodaTime;

namespace GovStaff.Policy.Reporting;

/// <summary>A case as it may be published (Art. 20): no secrets, no private data, the staff member's name masked.</summary>
/// <param name="Item">The item.</param>
/// <param name="Body">The body's name.</param>
/// <param name="Staff">The accepting staff member's name, masked (张*).</param>
/// <param name="Channel">Online or on site.</param>
/// <param name="AcceptedOn">Accepted.</param>
/// <param name="CompletedOn">Completed, if it was.</param>
public sealed record PublicCase(string Item, string Body, string Staff, ServiceChannel Channel, LocalDate AcceptedOn, LocalDate? CompletedOn)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Item, nameof(Item)) && Guard.NotNull(Body, nameof(Body)) && Guard.NotNull(Staff, nameof(Staff));
}
