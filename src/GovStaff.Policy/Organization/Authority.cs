using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Organization;

/// <summary>
/// Which body may do what to a person, and the article that says so. The lifecycles consult this before any state
/// change; <c>docs/authority.md</c> lists every row.
/// </summary>
public static class Authority
{
    /// <summary>
    /// The service authority (政务服务管理机构) that admonishes and approves replacements (Art. 29): the district
    /// government service centre, i.e. the service hall.
    /// </summary>
    /// <exception cref="InvalidOperationException">The network has no service hall.</exception>
    public static ServiceBodyId ServiceAuthority(ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        // Every sanction asks; a loop over the list makes nothing.
        var bodies = network.Bodies;
        for (var i = 0; i < bodies.Count; i++)
        {
            if (bodies[i].Kind == ServiceBodyKind.ServiceHall)
            {
                return bodies[i].Id;
            }
        }

        throw new InvalidOperationException("The network has no service hall, the service authority of Art. 29.");
    }

    /// <summary>
    /// Art. 7: a police station's adjustment of its stationed staff is reviewed and approved by the service centre or
    /// the township centre (政务服务中心或乡镇民生服务中心).
    /// </summary>
    public static (IReadOnlyList<Party> Parties, Citation Basis) AdjustmentApprovers(StaffMember staff, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(network);
        var parties = new List<Party> { Party.Of(ServiceAuthority(network)) };
        var township = network.GetHomeUnit(staff.HomeUnitId).TownshipId;
        if (township is { } t && network.TownshipCentreOf(t) is { } centre)
        {
            parties.Add(Party.Of(centre.Id));
        }

        return (parties, new Citation(7));
    }

    /// <summary>
    /// Art. 15–17: leave is approved by the body that manages the person's daily work: the service centre for hall
    /// staff (Art. 15), the township centre for township staff including police staff (Art. 16), and for village
    /// agents the township centre or the village committee (Art. 17).
    /// </summary>
    /// <exception cref="InvalidOperationException">The person is not stationed.</exception>
    public static (IReadOnlyList<Party> Parties, Citation Basis) LeaveApprovers(StaffMember staff, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(network);
        var body = network.GetBody(staff.StationedAt ?? throw new InvalidOperationException($"{staff.Id} is not stationed at a service body."));
        return body.Kind switch
        {
            ServiceBodyKind.ServiceHall => (Party.Of(body.Id).AsList(), new Citation(15)),
            ServiceBodyKind.TownshipCentre => (Party.Of(body.Id).AsList(), new Citation(16)),
            _ => ([Party.Of(body.ParentId!.Value), Party.Of(body.Locality!.Value)], new Citation(17)),
        };
    }

    private static readonly LocalizedText PoliceAppraisedJointly = new("公安派驻人员由原派驻单位与乡镇共同考核，须双方签署。", "Police staff are appraised jointly by the police station and the township; both must sign.");
    private static readonly LocalizedText TownshipAppraises = new("乡镇民生服务中心工作人员由所属乡镇考核。", "Township centre staff are appraised by their township.");
    private static readonly LocalizedText VillageAgentsByTownship = new("村（社区）代办人员由所属乡镇考核。", "Village agents are appraised by their township.");

    /// <summary>
    /// Art. 23–25: who appraises the person for a period, all of whom must sign (two for police staff at a township
    /// centre, Art. 24), with the reason in both languages.
    /// </summary>
    /// <param name="staff">The person.</param>
    /// <param name="network">The network.</param>
    /// <param name="stationedOn">The first day at the body (for the hall's six-month rule), if known.</param>
    /// <param name="periodEnd">The last day of the appraisal period.</param>
    /// <param name="options">The options in force (tenure months and reading).</param>
    /// <exception cref="InvalidOperationException">The person is not stationed.</exception>
    public static (IReadOnlyList<Party> Signatories, Citation Basis, LocalizedText Reason) Appraisers(
        StaffMember staff, ServiceNetwork network, LocalDate? stationedOn, LocalDate periodEnd, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var body = network.GetBody(staff.StationedAt ?? throw new InvalidOperationException($"{staff.Id} is not stationed at a service body."));
        switch (body.Kind)
        {
            case ServiceBodyKind.ServiceHall:
                var months = options.HallAppraisalTenureMonths;
                if (stationedOn is not { } from)
                {
                    // Art. 23 turns on the stationing date: without it nobody can say who appraises. The caller gets the
                    // home unit with a reason that says so, and the appraisal lifecycle refuses on it (MissingStationingDate).
                    return (Party.Of(staff.HomeUnitId).AsList(), new Citation(23),
                        new LocalizedText("进驻大厅日期未知，无法依第二十三条确定考核主体。", "The date of stationing at the hall is unknown, so Art. 23 cannot say who appraises."));
                }

                // 《民法典》第二百零一、二百零二条: the half year runs from the day after stationing to the corresponding day,
                // which is inside it; 以上 includes the number (第一千二百五十九条), so it is complete at the end of that day.
                var mark = from.PlusMonths(months);
                var longEnough = options.HallAppraisalTenureInclusive ? periodEnd >= mark : periodEnd > mark;
                if (longEnough)
                {
                    return (Party.Of(body.Id).AsList(), new Citation(23),
                        new LocalizedText($"进驻大厅满{months}个月（{from:yyyy-MM-dd}起，{mark:yyyy-MM-dd}届满），由政务服务中心考核。", $"Stationed at the hall for {months} months or more (since {from:yyyy-MM-dd}, complete with {mark:yyyy-MM-dd}): appraised by the service centre."));
                }

                // Art. 23 is silent on the others: who appraises them is this library's assumption, an option either way.
                // The basis is Art. 15 (dual management: daily work by the centre, business guided by the home unit), from
                // which the option infers; Art. 23 itself is not cited for what it does not say.
                return options.ServiceCentreAppraisesNewHallStaff
                    ? (Party.Of(body.Id).AsList(), new Citation(15),
                        new LocalizedText($"进驻大厅不满{months}个月；第二十三条未规定其考核主体，按本库选项（ServiceCentreAppraisesNewHallStaff）由政务服务中心考核。", $"Stationed at the hall for less than {months} months; Art. 23 does not say who appraises them, so by this library's option (ServiceCentreAppraisesNewHallStaff) the service centre does."))
                    : (Party.Of(staff.HomeUnitId).AsList(), new Citation(15),
                        new LocalizedText($"进驻大厅不满{months}个月；第二十三条未规定其考核主体，本库假定由原派驻单位考核（选项ServiceCentreAppraisesNewHallStaff，非本办法规定）。", $"Stationed at the hall for less than {months} months; Art. 23 does not say who appraises them, so this library assumes the home unit does (option ServiceCentreAppraisesNewHallStaff; not a rule of the measures)."));
            case ServiceBodyKind.TownshipCentre:
                var township = body.Locality!.Value;
                return network.IsPoliceStaff(staff)
                    ? ([Party.Of(staff.HomeUnitId), Party.Of(township)], new Citation(24), PoliceAppraisedJointly)
                    : (Party.Of(township).AsList(), new Citation(24), TownshipAppraises);
            default:
                return (Party.Of(network.TownshipOf(body)!.Value).AsList(), new Citation(25), VillageAgentsByTownship);
        }
    }
}
