using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A recorded breach of the service norms (Art. 14), with its evidence.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Staff">Who.</param>
/// <param name="On">When.</param>
/// <param name="Kind">Which norm.</param>
/// <param name="Evidence">What shows it (a complaint id, a supervisor's note, a video reference).</param>
public sealed record ConductRecord(string Id, StaffId Staff, LocalDate On, ConductKind Kind, string Evidence)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Evidence, nameof(Evidence));
}
