using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using NodaTime;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// The monitors: the deadline monitor (early warning, overdue and supervision of cases, Art. 21), the leave monitor
/// (report back overdue, Art. 12(2)), the adjustment monitor (unreported police adjustments, Art. 7) and the
/// quarter-end appraisal reminder (Art. 26). Each warning is recorded and notified once per subject, kind and day —
/// the store enforces it, so any number of hosts may run the monitors at once.
/// </summary>
public sealed class PolicyMonitors(IPolicyStore store, PolicyRecorder recorder, PolicyEngine engine, WorkCalendar calendar)
{
    /// <summary>Runs every monitor once for "now" on the engine's clock; returns the warnings newly raised.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var today = engine.Clock.GetCurrentInstant().InZone(OfficeHours.ChinaZone).Date;
        var raised = 0;
        var networkDoc = await store.LoadAsync(DocumentKinds.Network, DocumentKinds.DistrictId, cancellationToken).ConfigureAwait(false);
        var network = networkDoc is null ? null : GovStaffJson.Deserialize<ServiceNetwork>(networkDoc.Json);

        if (network is not null)
        {
            var cases = new CaseRules(engine, calendar);
            foreach (var doc in await store.LoadAllAsync(DocumentKinds.Case, cancellationToken).ConfigureAwait(false))
            {
                var @case = GovStaffJson.Deserialize<ServiceCase>(doc.Json);
                if (@case.State != CaseState.Open)
                {
                    continue;
                }

                var result = cases.Track(@case, network, today);
                var changed = result.Entity.UnderSupervision != @case.UnderSupervision
                    ? [new DocumentWrite(DocumentKinds.Case, doc.Id, GovStaffJson.Serialize(result.Entity), doc.Version)]
                    : Array.Empty<DocumentWrite>();
                raised += await RaiseAsync(result.Decision, result.Event, today, changed, cancellationToken).ConfigureAwait(false);
            }
        }

        // Reporting back binds window staff only (Art. 13): the check needs the person's role from the network.
        if (network is not null)
        {
            var leave = new LeaveLifecycle(engine, calendar);
            foreach (var doc in await store.LoadAllAsync(DocumentKinds.Leave, cancellationToken).ConfigureAwait(false))
            {
                var request = GovStaffJson.Deserialize<LeaveRequest>(doc.Json);
                if (request.State is LeaveState.OnLeave or LeaveState.Returned && network.TryGetStaff(request.Staff, out _))
                {
                    raised += await RaiseAsync(leave.CheckReportBack(request, network, today), null, today, [], cancellationToken).ConfigureAwait(false);
                }
            }
        }

        var transfers = new TransferLifecycle(engine, calendar);
        foreach (var doc in await store.LoadAllAsync(DocumentKinds.Transfer, cancellationToken).ConfigureAwait(false))
        {
            var request = GovStaffJson.Deserialize<TransferRequest>(doc.Json);
            if (request.State == TransferState.Executed)
            {
                raised += await RaiseAsync(transfers.CheckUnreported(request, today), null, today, [], cancellationToken).ConfigureAwait(false);
            }
        }

        raised += await QuarterEndReminderAsync(today, cancellationToken).ConfigureAwait(false);
        return raised;
    }

    private async Task<int> QuarterEndReminderAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var quarter = AppraisalPeriod.Containing(today);
        if (!calendar.Contains(today) || !calendar.Contains(quarter.End) || calendar.CountWorkingDays(today, quarter.End) > 5 || !calendar.IsWorkingDay(today))
        {
            return 0;
        }

        var subject = "quarter:" + quarter;
        var decision = engine.Evaluate("appraisal.quarter-end-reminder", subject, today, _ =>
            [new Finding("art26.quarter-end", Severity.Warning, new Citation(26),
                new LocalizedText($"{quarter}即将结束（{quarter.End:yyyy-MM-dd}），请组织季度考核。", $"{quarter} ends on {quarter.End:yyyy-MM-dd}: organise the quarterly appraisal."), subject)]);
        // One reminder per quarter, whichever day and host raises it first.
        return await RaiseAsync(decision, null, today, [], cancellationToken, key: $"{subject}|art26.quarter-end").ConfigureAwait(false);
    }

    private async Task<int> RaiseAsync(Decision decision, DomainEvent? @event, LocalDate today, IReadOnlyList<DocumentWrite> documents, CancellationToken cancellationToken, string? key = null)
    {
        var warnings = decision.Findings.Where(f => f.Severity == Severity.Warning).ToArray();
        if (warnings.Length == 0 && @event is null)
        {
            return 0;
        }

        var code = string.Join("+", warnings.Select(w => w.Code).DefaultIfEmpty(@event?.Kind ?? "event"));
        var idempotency = key ?? $"{decision.Subject}|{code}|{today:yyyy-MM-dd}";
        @event ??= new DomainEvent("warning." + code, decision.Subject ?? "-", null, decision.EvaluatedAt, today, decision.Citations, decision.PolicyVersion,
            warnings[0].Message, new Dictionary<string, string> { ["codes"] = code });
        try
        {
            var result = await recorder.RecordAsync(decision, @event, documents, notify: true, idempotencyKey: idempotency, cancellationToken).ConfigureAwait(false);
            return result.AuditAppended > 0 ? 1 : 0;
        }
        catch (ConcurrencyException)
        {
            return 0; // another host recorded this case's change first; its warning stands
        }
    }
}
