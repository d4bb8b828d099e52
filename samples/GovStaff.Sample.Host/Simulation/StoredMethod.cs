using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;
using GovStaff.Sample.Host.Roster;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>
/// An appraisal method as the simulation stores it: who scores on which set, in the roster's order. The appraising
/// body is the hall (a service body) or a home unit, told apart by <paramref name="IsHomeUnit"/>.
/// </summary>
internal sealed record StoredMethod(string Id, int Order, string AppraisingBody, bool IsHomeUnit, bool ForDirectors, IndicatorSet Set)
{
    public static StoredMethod Of(AppraisalMethod method, int order) => method.AppraisingBody.ServiceBody is { } body
        ? new($"{order:D4}", order, body.Value, false, method.ForDirectors, method.Set)
        : new($"{order:D4}", order, method.AppraisingBody.HomeUnit!.Value.Value, true, method.ForDirectors, method.Set);

    public AppraisalMethod ToMethod() =>
        new(IsHomeUnit ? Party.Of(new HomeUnitId(AppraisingBody)) : Party.Of(new ServiceBodyId(AppraisingBody)), ForDirectors, Set);
}
