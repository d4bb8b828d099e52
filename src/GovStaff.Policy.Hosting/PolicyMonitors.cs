using System.Diagnostics.Metrics;
using System.Text.Json;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// The monitors: the deadline monitor (early warning, overdue and supervision of cases, Art. 21), the leave monitor
/// (report back overdue, Art. 12(2)), the adjustment monitor (unreported police adjustments, Art. 7) and the
/// quarter-end appraisal reminder (Art. 26). Each warning is recorded and notified once per subject, kind and day —
/// the store enforces it, so any number of hosts may run the monitors at once.
/// </summary>
/// <remarks>
/// Each round is logged per monitor and measured on the meter <see cref="MeterName"/>: the counters
/// <c>govstaff.monitor.items</c>, <c>govstaff.monitor.warnings</c> and <c>govstaff.monitor.errors</c> and the gauge
/// <c>govstaff.monitor.last_run</c> (Unix seconds), each tagged <c>monitor</c> — e.g.
/// <c>dotnet-counters monitor -n GovStaff.Sample.Host --counters GovStaff.Policy</c>.
/// </remarks>
public sealed partial class PolicyMonitors(
    IPolicyStore store,
    PolicyRecorder recorder,
    PolicyEngine engine,
    WorkCalendar calendar,
    CaseRules cases,
    LeaveLifecycle leave,
    TransferLifecycle transfers,
    AppraisalLifecycle appraisal,
    ILogger<PolicyMonitors>? logger = null,
    IMeterFactory? meters = null)
{
    /// <summary>The name of the meter the monitors and the outbox dispatcher measure on.</summary>
    public const string MeterName = "GovStaff.Policy";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MonitorRun> _runs = new(StringComparer.Ordinal);
    private readonly ILogger _log = (ILogger?)logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private readonly Instruments _instruments = new(meters?.Create(MeterName) ?? new Meter(MeterName));

    /// <summary>Each monitor's last run on this host: when, items checked, warnings raised, items that failed.</summary>
    public IReadOnlyList<MonitorRun> LastRuns => [.. _runs.Values.OrderBy(r => r.Monitor, StringComparer.Ordinal)];

    /// <summary>
    /// Runs every monitor once for "now" on the engine's clock; returns the warnings newly raised. An item that fails (a
    /// malformed stored record, a date outside the calendar) is logged with its id and skipped; it ends neither the round
    /// nor the other monitors.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var today = engine.Clock.GetCurrentInstant().InZone(OfficeHours.ChinaZone).Date;
        if (!engine.Versions.TryResolve(today, out _))
        {
            // Every check today would be refused under Art. 31 and raise nothing: say so, once a round, rather than
            // report rounds that look healthy and judge nothing.
            LogNoVersion(_log, today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), string.Join("; ", engine.Versions.Versions.Select(v => $"{v.Id} {v.EffectiveFrom:yyyy-MM-dd}–{v.EffectiveUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "open"}")));
        }

        var raised = 0;
        ServiceNetwork? network = null;
        try
        {
            var networkDoc = await store.LoadAsync(DocumentKinds.Network, DocumentKinds.DistrictId, cancellationToken).ConfigureAwait(false);
            network = networkDoc is null ? null : GovStaffJson.Deserialize<ServiceNetwork>(networkDoc.Json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            LogItemFailed(_log, "network", DocumentKinds.Network, DocumentKinds.DistrictId, Mask(e));
        }

        if (network is null)
        {
            // Not silent: the deadline and report-back monitors need the district to judge against.
            LogNoNetwork(_log);
        }
        else
        {
            raised += await MonitorAsync("deadlines", DocumentKinds.Case, async doc =>
            {
                var @case = GovStaffJson.Deserialize<ServiceCase>(doc.Json);
                if (@case.State != CaseState.Open)
                {
                    return null;
                }

                var result = cases.Track(@case, network, today);
                var changed = result.Entity.UnderSupervision != @case.UnderSupervision
                    ? [new DocumentWrite(DocumentKinds.Case, doc.Id, GovStaffJson.Serialize(result.Entity), doc.Version)]
                    : Array.Empty<DocumentWrite>();
                return await RaiseAsync(result.Decision, result.Event, today, changed, cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);

            // Reporting back binds window staff only (Art. 13): the check needs the person's role from the network.
            raised += await MonitorAsync("report-back", DocumentKinds.Leave, async doc =>
            {
                var request = GovStaffJson.Deserialize<LeaveRequest>(doc.Json);
                return request.State is LeaveState.OnLeave or LeaveState.Returned && network.TryGetStaff(request.Staff, out _)
                    ? await RaiseAsync(leave.CheckReportBack(request, network, today), null, today, [], cancellationToken).ConfigureAwait(false)
                    : null;
            }, cancellationToken).ConfigureAwait(false);
        }

        raised += await MonitorAsync("unreported-adjustments", DocumentKinds.Transfer, async doc =>
        {
            var request = GovStaffJson.Deserialize<TransferRequest>(doc.Json);
            return request.State == TransferState.Executed
                ? await RaiseAsync(transfers.CheckUnreported(request, today), null, today, [], cancellationToken).ConfigureAwait(false)
                : null;
        }, cancellationToken).ConfigureAwait(false);

        var quarterEnd = 0;
        var failed = 0;
        try
        {
            quarterEnd = await QuarterEndReminderAsync(today, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            failed = 1;
            LogItemFailed(_log, "quarter-end", "quarter", AppraisalPeriod.Containing(today).ToString(), Mask(e));
        }

        Done(new MonitorRun("quarter-end", engine.Clock.GetCurrentInstant(), 1, quarterEnd, failed), $"the quarter {AppraisalPeriod.Containing(today)} on {today:yyyy-MM-dd}");
        return raised + quarterEnd;
    }

    // Checks every stored record of a kind; null from the check means "nothing to check for this one".
    private async Task<int> MonitorAsync(string monitor, string kind, Func<StoredDocument, Task<int?>> check, CancellationToken cancellationToken)
    {
        int records = 0, items = 0, raised = 0, errors = 0;
        try
        {
            foreach (var doc in await store.LoadAllAsync(kind, cancellationToken).ConfigureAwait(false))
            {
                records++;
                try
                {
                    if (await check(doc).ConfigureAwait(false) is { } found)
                    {
                        items++;
                        raised += found;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    errors++;
                    LogItemFailed(_log, monitor, kind, doc.Id, Mask(e));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store could not list the records: this monitor's round fails, the others go on.
            errors++;
            LogItemFailed(_log, monitor, kind, "*", Mask(e));
        }

        Done(new MonitorRun(monitor, engine.Clock.GetCurrentInstant(), items, raised, errors), $"{records} stored {kind} records");
        return raised;
    }

    private void Done(MonitorRun run, string lookedAt)
    {
        _runs[run.Monitor] = run;
        LogRun(_log, run.Monitor, lookedAt, run.Items, run.Findings, run.Errors);
        var tag = new KeyValuePair<string, object?>("monitor", run.Monitor);
        _instruments.Items.Add(run.Items, tag);
        _instruments.Warnings.Add(run.Findings, tag);
        _instruments.Errors.Add(run.Errors, tag);
        _instruments.Watch(this);
    }

    // The instruments, made once per instance on the host's meter (or a meter of their own outside a host).
    private sealed class Instruments(Meter meter)
    {
        private int _watching;

        public Counter<long> Items { get; } = meter.CreateCounter<long>("govstaff.monitor.items", "{item}", "Records the monitors checked.");

        public Counter<long> Warnings { get; } = meter.CreateCounter<long>("govstaff.monitor.warnings", "{warning}", "Warnings the monitors newly raised.");

        public Counter<long> Errors { get; } = meter.CreateCounter<long>("govstaff.monitor.errors", "{item}", "Records the monitors skipped because checking them failed.");

        // The gauge reads the monitors' last runs; created on the first run, when there is something to read.
        public void Watch(PolicyMonitors monitors)
        {
            if (Interlocked.Exchange(ref _watching, 1) == 0)
            {
                meter.CreateObservableGauge("govstaff.monitor.last_run", () => monitors.LastRuns.Select(r =>
                    new Measurement<long>(r.At.ToUnixTimeSeconds(), new KeyValuePair<string, object?>("monitor", r.Monitor))), "s", "When each monitor last ran, in Unix seconds.");
            }
        }
    }

    private static string Mask(Exception e) => PersonalData.MaskText(e.GetBaseException().Message.ReplaceLineEndings(" "));

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Monitor {Monitor}: {Kind} '{Id}' skipped: {Error}")]
    private static partial void LogItemFailed(ILogger logger, string monitor, string kind, string id, string error);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Monitors deadlines and report-back: the store holds no district network, so no case deadline or report back is checked; store the network first")]
    private static partial void LogNoNetwork(ILogger logger);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Monitor {Monitor}: looked at {LookedAt}; {Items} checked, {Findings} warnings raised, {Errors} failed")]
    private static partial void LogRun(ILogger logger, string monitor, string lookedAt, int items, int findings, int errors);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "No version of the measures is in force on {Today} (configured: {Versions}): every check is refused under Art. 31 and no warning is raised; configure the version in force under GovStaffPolicy:Versions")]
    private static partial void LogNoVersion(ILogger logger, string today, string versions);

    // One reminder per quarter, whichever day and host raises it first.
    private Task<int> QuarterEndReminderAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var decision = appraisal.CheckQuarterEnd(today, calendar);
        return RaiseAsync(decision, null, today, [], cancellationToken, key: $"{decision.Subject}|art26.quarter-end");
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
