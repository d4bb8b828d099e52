using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// Vetting a nomination: Art. 2 (scope and tier), Art. 3 (one director per township centre and per department),
/// Art. 4 (hall and township windows: 45 or under, familiar with computers, business backbone), Art. 5 (police staff to
/// their own township's centre, backbone) and Art. 6 (village agents are grid workers or two-committee members).
/// </summary>
/// <remarks>Each condition is its own finding, met or not, so a refusal lists everything that is wrong at once.</remarks>
internal static class NominationRules
{
    /// <summary>Vets a nomination.</summary>
    /// <param name="nomination">The nomination.</param>
    /// <param name="network">The network holding the candidate and the target body.</param>
    /// <param name="options">The options of the policy version in force.</param>
    /// <returns>The findings, at least one.</returns>
    /// <exception cref="KeyNotFoundException">The candidate or the target body is not in the network.</exception>
    /// <exception cref="ArgumentException">The candidate's birth date is after the nomination date.</exception>
    public static IReadOnlyList<Finding> Check(Nomination nomination, ServiceNetwork network, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        var candidate = network.GetStaff(nomination.Candidate);
        var body = network.GetBody(nomination.Target);
        if (candidate.BirthDate > nomination.NominatedOn)
        {
            throw new ArgumentException(
                $"Staff member '{candidate.Id}': BirthDate {candidate.BirthDate:yyyy-MM-dd} is after the nomination date {nomination.NominatedOn:yyyy-MM-dd}.",
                nameof(nomination));
        }

        var subject = Subjects.Of(candidate.Id);
        var findings = new List<Finding>();
        if (!nomination.Role.IsInScope())
        {
            findings.Add(ScopeRule.Check(candidate with { Role = nomination.Role }));
            return findings;
        }

        var role = nomination.Role.DisplayName();
        if (nomination.Role.Tier() != body.Tier)
        {
            findings.Add(new Finding(
                "art2.tier-mismatch",
                Severity.Violation,
                ScopeRule.Article,
                new LocalizedText(
                    $"{role.Zh}属于{TierZh(nomination.Role.Tier())}，不能进驻{body.Name}（{TierZh(body.Tier)}）。",
                    $"A {role.En} serves at the {nomination.Role.Tier()} tier and cannot serve at {body.Name} ({body.Tier} tier)."),
                subject));
            return findings;
        }

        var isPolice = network.IsPoliceStaff(candidate);
        switch (nomination.Role)
        {
            case Role.HallWindowStaff or Role.TownshipWindowStaff when isPolice:
                CheckPolice(nomination, candidate, body, network, options, findings);
                if (options.ApplyArticle4ToPoliceStaff)
                {
                    CheckArticle4(nomination, candidate, options, findings, includeBackbone: false);
                }

                break;
            case Role.HallWindowStaff or Role.TownshipWindowStaff:
                CheckArticle4(nomination, candidate, options, findings, includeBackbone: true);
                break;
            case Role.VillageAgent:
                CheckArticle6(candidate, findings);
                break;
            case Role.TownshipCentreDirector or Role.HallOfficeDirector:
                CheckDirector(nomination, candidate, body, network, findings);
                break;
        }

        return findings;
    }

    private static void CheckArticle4(Nomination n, StaffMember c, PolicyOptions options, List<Finding> findings, bool includeBackbone)
    {
        var article = new Citation(4);
        var subject = Subjects.Of(c.Id);
        var on = options.AgeMeasuredOn == AgeReferenceDate.NominationDate ? n.NominatedOn : n.StationingOn;
        var onZh = options.AgeMeasuredOn == AgeReferenceDate.NominationDate ? "选派之日" : "进驻之日";
        var onEn = options.AgeMeasuredOn == AgeReferenceDate.NominationDate ? "the nomination date" : "the stationing date";
        var age = Ages.CompletedYears(c.BirthDate, on, options.LeapDayBirthdays);
        var limit = options.AgeLimitYears;
        // 《民法典》第一千二百五十九条: 以下 includes the number, so 45 qualifies by default; the strict reading is an option.
        var qualifies = options.AgeLimitInclusive ? age <= limit : age < limit;
        var reading = options.AgeLimitInclusive ? ("（含本数）", " (inclusive)") : ("（不含本数）", " (strict reading)");
        findings.Add(qualifies
            ? new Finding("art4.age-limit", Severity.Satisfied, article,
                new LocalizedText($"{onZh}（{on:yyyy-MM-dd}）年龄{age}周岁，在{limit}岁以下{reading.Item1}。", $"Aged {age} on {onEn} ({on:yyyy-MM-dd}): {limit} or under{reading.Item2}."), subject)
            : new Finding("art4.age-limit", Severity.Violation, article,
                new LocalizedText($"{onZh}（{on:yyyy-MM-dd}）已满{age}周岁，第四条要求选派{limit}岁以下{reading.Item1}人员。", $"Aged {age} on {onEn} ({on:yyyy-MM-dd}); Art. 4 requires staff aged {limit} or under{reading.Item2}."), subject));

        findings.Add(c.ComputerProficient
            ? new Finding("art4.computer", Severity.Satisfied, article,
                new LocalizedText("熟悉计算机操作。", "Familiar with computer operation."), subject)
            : new Finding("art4.computer", Severity.Violation, article,
                new LocalizedText("不熟悉计算机操作，第四条要求选派熟悉计算机操作的人员。", "Not familiar with computer operation, which Art. 4 requires."), subject));

        if (includeBackbone)
        {
            findings.Add(Backbone(c, article, "art4.backbone"));
        }
    }

    private static void CheckPolice(Nomination n, StaffMember c, ServiceBody body, ServiceNetwork network, PolicyOptions options, List<Finding> findings)
    {
        var article = new Citation(5);
        var subject = Subjects.Of(c.Id);
        var station = network.GetHomeUnit(c.HomeUnitId);
        // Art. 5 says where police staff go; it forbids nothing, so elsewhere is a notice unless the district binds it.
        var elsewhere = options.PoliceStaffOnlyAtOwnTownshipCentre ? Severity.Violation : Severity.Notice;
        if (n.Role != Role.TownshipWindowStaff || body.Kind != ServiceBodyKind.TownshipCentre)
        {
            findings.Add(new Finding("art5.township-centre", elsewhere, article,
                new LocalizedText($"第五条规定派出所选派人员进驻所属乡镇民生服务中心，本次拟进驻{body.Name}。",
                    $"Art. 5 has police station staff stationed at their own township's centre; this nomination is to {body.Name}."), subject));
        }
        else if (body.Locality != station.TownshipId)
        {
            findings.Add(new Finding("art5.own-township", elsewhere, article,
                new LocalizedText($"第五条规定{station.Name}选派人员进驻所属乡镇的民生服务中心，{body.Name}不属于该乡镇。",
                    $"Art. 5 has {station.Name} station staff at its own township's centre; {body.Name} serves another township."), subject));
        }
        else
        {
            findings.Add(new Finding("art5.own-township", Severity.Satisfied, article,
                new LocalizedText($"进驻所属乡镇民生服务中心（{body.Name}）。", $"Stationed at its own township's centre ({body.Name})."), subject));
        }

        findings.Add(Backbone(c, article, "art5.backbone"));
    }

    private static void CheckArticle6(StaffMember c, List<Finding> findings)
    {
        var subject = Subjects.Of(c.Id);
        findings.Add(c.GridWorker || c.TwoCommitteeMember
            ? new Finding("art6.concurrent-holder", Severity.Satisfied, new Citation(6),
                new LocalizedText(c.GridWorker ? "由网格员兼任代办服务人员。" : "由村“两委”班子成员兼任代办服务人员。",
                    c.GridWorker ? "A grid worker holds the agent post concurrently." : "A two-committee member holds the agent post concurrently."), subject)
            : new Finding("art6.concurrent-holder", Severity.Violation, new Citation(6),
                new LocalizedText("村级政务服务人员应由网格员或村“两委”班子成员兼任，该人员两者都不是。",
                    "Village agents must be grid workers or members of the village two committees; this person is neither."), subject));
    }

    private static void CheckDirector(Nomination n, StaffMember c, ServiceBody body, ServiceNetwork network, List<Finding> findings)
    {
        var article = DirectorDesignationRule.Article;
        var subject = Subjects.Of(c.Id);
        StaffMember[] incumbents;
        LocalizedText where;
        if (n.Role == Role.TownshipCentreDirector)
        {
            incumbents = network.StaffAt(body.Id).Where(s => s.Role == Role.TownshipCentreDirector && s.Id != c.Id).ToArray();
            where = new LocalizedText(body.Name, body.Name);
        }
        else
        {
            var unit = network.GetHomeUnit(c.HomeUnitId);
            if (unit.Kind != HomeUnitKind.Department)
            {
                findings.Add(new Finding("art3.office-director-department", Severity.Violation, article,
                    new LocalizedText($"审批办公室主任由各部门（单位）明确，{unit.Name}不是部门（单位）。",
                        $"An approval office director is designated by a department; {unit.Name} is a {unit.Kind}."), subject));
                return;
            }

            incumbents = network.Staff.Where(s => s.HomeUnitId == unit.Id && s.Role == Role.HallOfficeDirector && s.StationedAt is not null && s.Id != c.Id).ToArray();
            where = new LocalizedText(unit.Name, unit.Name);
        }

        var title = n.Role.DisplayName();
        findings.Add(incumbents.Length == 0
            ? new Finding("art3.single-director", Severity.Satisfied, article,
                new LocalizedText($"{where.Zh}尚无{title.Zh}，选派后为唯一主任。", $"{where.En} has no {title.En}; the nominee will be the only one."), subject)
            : new Finding("art3.single-director", Severity.Violation, article,
                new LocalizedText($"{where.Zh}已有{title.Zh}（{string.Join("、", incumbents.Select(i => i.Id))}），第三条要求只明确1名。",
                    $"{where.En} already has a {title.En} ({string.Join(", ", incumbents.Select(i => i.Id))}); Art. 3 allows exactly one."), subject));
    }

    private static Finding Backbone(StaffMember c, Citation article, string code) =>
        c.BusinessBackbone
            ? new Finding(code, Severity.Satisfied, article,
                new LocalizedText("为业务骨干。", "A designated business backbone."), Subjects.Of(c.Id))
            : new Finding(code, Severity.Violation, article,
                new LocalizedText($"不是业务骨干，{article.ToChinese()}要求选派业务骨干。", $"Not a designated business backbone, which {article} requires."), Subjects.Of(c.Id));

    internal static string TierZh(Tier tier) => tier switch
    {
        Tier.District => "县级",
        Tier.Township => "乡级",
        _ => "村级",
    };
}
