using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// Art. 3 (第三条): each township designates exactly one township centre director (乡镇民生服务中心主任) and each
/// department exactly one approval office director (审批办公室主任). None, or two, is a violation naming the body.
/// </summary>
/// <remarks>
/// A director counts when stationed with the director role: at the township's centre for a township, anywhere for a
/// department's office director (Art. 3 and Art. 8 name the same person-role differently; both are
/// <see cref="Role.HallOfficeDirector"/>).
/// </remarks>
internal static class DirectorDesignationRule
{
    /// <summary>The citation the rule rests on.</summary>
    public static Citation Article { get; } = new(3);

    /// <summary>Checks every township and department of the network.</summary>
    /// <param name="network">The network.</param>
    /// <returns>One finding per township and per department.</returns>
    public static IReadOnlyList<Finding> Check(ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var findings = new List<Finding>();
        foreach (var unit in network.HomeUnits)
        {
            if (unit.Kind == HomeUnitKind.Township)
            {
                var centre = network.TownshipCentreOf(unit.Id);
                var directors = centre is null
                    ? []
                    : network.StaffAt(centre.Id).Where(s => s.Role == Role.TownshipCentreDirector).ToArray();
                findings.Add(Judge(unit, directors, new LocalizedText("乡镇民生服务中心主任", "township centre director")));
            }
            else if (unit.Kind == HomeUnitKind.Department)
            {
                var directors = network.Staff
                    .Where(s => s.HomeUnitId == unit.Id && s.Role == Role.HallOfficeDirector && s.StationedAt is not null)
                    .ToArray();
                findings.Add(Judge(unit, directors, new LocalizedText("审批办公室主任", "approval office director")));
            }
        }

        return findings;
    }

    private static Finding Judge(HomeUnit unit, StaffMember[] directors, LocalizedText title)
    {
        var subject = Subjects.Of(unit.Id);
        return directors.Length switch
        {
            1 => new Finding(
                "art3.director-designated",
                Severity.Satisfied,
                Article,
                new LocalizedText($"{unit.Name}已明确1名{title.Zh}（{directors[0].Name}）。", $"{unit.Name} has designated one {title.En} ({directors[0].Id})."),
                subject),
            0 => new Finding(
                "art3.director-missing",
                Severity.Violation,
                Article,
                new LocalizedText($"{unit.Name}未明确{title.Zh}，第三条要求明确1名。", $"{unit.Name} has no {title.En}; Art. 3 requires exactly one."),
                subject),
            _ => new Finding(
                "art3.director-multiple",
                Severity.Violation,
                Article,
                new LocalizedText(
                    $"{unit.Name}有{directors.Length}名{title.Zh}（{string.Join("、", directors.Select(d => d.Id))}），第三条要求只明确1名。",
                    $"{unit.Name} has {directors.Length} {title.En}s ({string.Join(", ", directors.Select(d => d.Id))}); Art. 3 requires exactly one."),
                subject),
        };
    }
}
