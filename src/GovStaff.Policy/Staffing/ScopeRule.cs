using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// Art. 2 (第二条): the measures cover staff of service bodies at three tiers in five roles; anyone else is out of
/// scope. Out of scope is a finding, not an error: other systems hold people the measures do not cover.
/// </summary>
internal static class ScopeRule
{
    /// <summary>The citation the rule rests on.</summary>
    public static Citation Article { get; } = new(2);

    /// <summary>What Art. 2 says about a person.</summary>
    /// <param name="staff">The person.</param>
    /// <returns>One finding: <see cref="Severity.Satisfied"/> for the five roles, <see cref="Severity.Violation"/> otherwise.</returns>
    public static Finding Check(StaffMember staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var subject = Subjects.Of(staff.Id);
        if (staff.Role.IsInScope())
        {
            var role = staff.Role.DisplayName();
            return new Finding(
                "art2.in-scope",
                Severity.Satisfied,
                Article,
                new LocalizedText($"{role.Zh}属于本办法第二条所列政务服务人员。", $"A {role.En} is government-service staff under Art. 2."),
                subject);
        }

        return new Finding(
            "art2.out-of-scope",
            Severity.Violation,
            Article,
            new LocalizedText(
                "该人员不属于第二条所列五类政务服务人员，不适用本办法。",
                "The person is in none of the five roles of Art. 2; the measures do not apply."),
            subject);
    }
}
