using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A training attended (Art. 18, Art. 10(1)).</summary>
/// <param name="Staff">Who attended.</param>
/// <param name="On">When.</param>
/// <param name="Organiser">Who organised it.</param>
/// <param name="Topic">What it covered.</param>
public sealed record TrainingRecord(StaffId Staff, LocalDate On, TrainingOrganiser Organiser, string Topic)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Topic, nameof(Topic));
}
