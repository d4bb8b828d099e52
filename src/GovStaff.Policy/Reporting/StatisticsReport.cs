using NodaTime;

namespace GovStaff.Policy.Reporting;

/// <summary>The periodic report of Art. 21: every body, every tier and the district for one period.</summary>
/// <param name="From">First day of the period.</param>
/// <param name="To">Last day of the period.</param>
/// <param name="Bodies">One row per service body, in network order.</param>
/// <param name="Tiers">One row per tier: district (hall), township, village.</param>
/// <param name="District">The whole district.</param>
public sealed record StatisticsReport(LocalDate From, LocalDate To, IReadOnlyList<StatisticsRow> Bodies, IReadOnlyList<StatisticsRow> Tiers, StatisticsRow District)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Bodies, nameof(Bodies)) && Guard.NotNull(Tiers, nameof(Tiers)) && Guard.NotNull(District, nameof(District));
}
