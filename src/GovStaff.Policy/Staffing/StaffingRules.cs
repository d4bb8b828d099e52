using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// The selection rules of Chapter 1–2 as decisions: scope (Art. 2), director designation (Art. 3) and nomination
/// vetting (Art. 4–6), each judged under the policy version in force on the action's date.
/// </summary>
public sealed class StaffingRules
{
    private readonly PolicyEngine _engine;

    /// <summary>Creates the rules over an engine.</summary>
    /// <param name="engine">Resolves policy versions and stamps decisions.</param>
    public StaffingRules(PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Art. 2: is the person within the measures?</summary>
    /// <param name="staff">The person.</param>
    /// <param name="on">The date of the question; it selects the policy version.</param>
    public Decision CheckScope(StaffMember staff, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return _engine.Evaluate("scope.check", Subjects.Of(staff.Id), on, _ => [ScopeRule.Check(staff)]);
    }

    /// <summary>Art. 3: does every township and department have exactly one director? Judged as of the network's date.</summary>
    /// <param name="network">The network.</param>
    public Decision CheckDirectors(ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return _engine.Evaluate("directors.check", "network", network.AsOf, _ =>
        {
            var findings = DirectorDesignationRule.Check(network);
            return findings.Count > 0
                ? findings
                : [new Finding("art3.no-units", Severity.Notice, DirectorDesignationRule.Article,
                    new LocalizedText("网络中没有乡镇或部门，无需明确主任。", "The network has no township or department to designate a director."))];
        });
    }

    /// <summary>Art. 2–6: may this nomination go ahead?</summary>
    /// <param name="nomination">The nomination.</param>
    /// <param name="network">The network holding the candidate and the target.</param>
    /// <exception cref="KeyNotFoundException">The candidate or target is unknown.</exception>
    public Decision VetNomination(Nomination nomination, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        ArgumentNullException.ThrowIfNull(network);
        return _engine.Evaluate("nomination.vet", Subjects.Of(nomination.Candidate), nomination.NominatedOn,
            version => NominationRules.Check(nomination, network, version.Options));
    }
}
