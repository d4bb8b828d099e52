using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;
using GovStaff.Sample.Host.Roster;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>An appraisal method as the simulation stores it: who scores on which set, in the roster's order.</summary>
internal sealed record StoredMethod(string Id, int Order, string? ServiceBody, string? HomeUnit, bool ForDirectors, IndicatorSet Set)
{
    public static StoredMethod Of(AppraisalMethod method, int order) =>
        new($"{order:D4}", order, method.AppraisingBody.ServiceBody?.Value, method.AppraisingBody.HomeUnit?.Value, method.ForDirectors, method.Set);

    public AppraisalMethod ToMethod() =>
        new(ServiceBody is { } b ? Party.Of(new ServiceBodyId(b)) : Party.Of(new HomeUnitId(HomeUnit!)), ForDirectors, Set);
}
