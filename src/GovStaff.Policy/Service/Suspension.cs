using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A period the case clock stood still: from <see cref="From"/> (not counted) until <see cref="Until"/> (counted again).</summary>
/// <param name="From">The first day not counted.</param>
/// <param name="Until">The day the clock resumed (counted), or null while suspended.</param>
/// <param name="Kind">Why.</param>
/// <param name="Reason">The reason as told to the applicant.</param>
public sealed record Suspension(LocalDate From, LocalDate? Until, SuspensionKind Kind, string Reason)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Reason, nameof(Reason));
}
