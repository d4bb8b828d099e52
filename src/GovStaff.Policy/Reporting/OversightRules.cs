using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Service;
using NodaTime;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// What the service authority publishes and reports (Art. 20: 公开办件; Art. 21: 定期通报, 督办), each as a decision that
/// cites its article — for a vendor's system to record and show like any other.
/// </summary>
public sealed class OversightRules
{
    private static readonly Citation Disclosure20 = new(20);
    private static readonly Citation Supervision21 = new(21);

    private readonly PolicyEngine _engine;

    /// <summary>Creates the rules.</summary>
    /// <param name="engine">Resolves the policy version and stamps decisions.</param>
    public OversightRules(PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>
    /// Publishes the cases accepted in a period (Art. 20): those touching state secrets, commercial secrets or personal
    /// privacy are withheld, every published text is masked (<see cref="Disclosure.PublicCases"/>).
    /// </summary>
    /// <param name="cases">The cases; those not accepted in the period are left out.</param>
    /// <param name="network">The district, for the bodies' names.</param>
    /// <param name="period">The period published.</param>
    /// <param name="on">The day of publication.</param>
    public Publication Publish(IEnumerable<ServiceCase> cases, ServiceNetwork network, DateInterval period, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(period);
        var (published, withheld) = Disclosure.PublicCases(cases.Where(c => c.State != CaseState.Draft && period.Contains(c.AcceptedOn)), network);
        var decision = _engine.Evaluate("disclosure.publish", Period(period), on, (Published: published.Count, Withheld: withheld, Subject: Period(period)), static (_, p) =>
            [new Finding("art20.published", Severity.Satisfied, Disclosure20,
                new LocalizedText($"公开办件{p.Published}件，涉及国家秘密、商业秘密、个人隐私的{p.Withheld}件不予公开。",
                    $"{p.Published} cases published; {p.Withheld} withheld (state secrets, commercial secrets, personal privacy)."), p.Subject)]);
        return new Publication(decision, published, withheld);
    }

    /// <summary>The three-tier report of a period (Art. 21: 定期通报县、乡、村三级政务服务及网上办件情况) as a decision.</summary>
    /// <param name="report">The report (<see cref="ServiceStatistics.Compute"/>).</param>
    /// <param name="on">The day of the report.</param>
    public Decision Report(StatisticsReport report, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(report);
        var subject = Period(new DateInterval(report.From, report.To));
        return _engine.Evaluate("statistics.report", subject, on, (report.District, Subject: subject), static (_, r) =>
            [new Finding("art21.reported", Severity.Satisfied, Supervision21,
                new LocalizedText($"全区受理{r.District.CasesAccepted}件，办结{r.District.CasesCompleted}件，按时办结{r.District.CompletedOnTime}件，评价{r.District.Ratings}次，投诉{r.District.Complaints}件。",
                    $"District: {r.District.CasesAccepted} accepted, {r.District.CasesCompleted} completed, {r.District.CompletedOnTime} on time, {r.District.Ratings} ratings, {r.District.Complaints} complaints."), r.Subject)]);
    }

    /// <summary>
    /// The district's deadline check (Art. 21, 督办) found nothing due or overdue on a day: what a check that raised no
    /// warning records, so the record shows the check was made.
    /// </summary>
    public Decision NothingDue(LocalDate on) =>
        _engine.Evaluate("deadlines.check", "district", on, on, static (_, day) =>
            [new Finding("art21.nothing-due", Severity.Satisfied, Supervision21,
                new LocalizedText($"{day:yyyy-MM-dd}无到期或逾期事项。", $"Nothing due or overdue on {day:yyyy-MM-dd}."), "district")]);

    private static string Period(DateInterval period) => $"period:{period.Start:yyyy-MM-dd}/{period.End:yyyy-MM-dd}";
}
