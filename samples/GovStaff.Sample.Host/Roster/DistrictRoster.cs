using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;
using GovStaff.Sample.Host.Simulation;
using NodaTime;

namespace GovStaff.Sample.Host.Roster;

/// <summary>A district as its roster workbook holds it: the service network and the appraisal methods.</summary>
internal sealed record DistrictRoster(ServiceNetwork Network, IReadOnlyList<AppraisalMethod> Methods)
{
    /// <summary>The methods as the library's <see cref="AppraisalSchemes"/>.</summary>
    public AppraisalSchemes Schemes() =>
        Methods.Aggregate(AppraisalSchemes.Default, (schemes, m) => schemes.With(Network, m.AppraisingBody, m.Set, m.ForDirectors));

    /// <summary>
    /// The sample district: every body that appraises (the service centre for the hall, Art. 23; each township for its
    /// centre and villages, Arts. 24–25) scores on Art. 27's defaults, written out so an office sees what is scored.
    /// </summary>
    public static DistrictRoster Sample(LocalDate asOf)
    {
        var network = ShapotouDistrict.Build(asOf);
        return new DistrictRoster(network, DefaultMethods(network));
    }

    /// <summary>Art. 27's defaults, written out for every body of the network that makes an appraisal method: its hall and its townships.</summary>
    public static IReadOnlyList<AppraisalMethod> DefaultMethods(ServiceNetwork network)
    {
        var appraisers = network.Bodies.Where(b => b.Kind == ServiceBodyKind.ServiceHall).Select(b => Party.Of(b.Id))
            .Concat(network.HomeUnits.Where(u => u.Kind == HomeUnitKind.Township).Select(u => Party.Of(u.Id)));
        return [.. appraisers.SelectMany(p => new[]
        {
            new AppraisalMethod(p, ForDirectors: true, IndicatorSet.DirectorDefault),
            new AppraisalMethod(p, ForDirectors: false, IndicatorSet.WindowStaffDefault),
        })];
    }
}
