using System.Buffers;
using System.Text;
using System.Text.Json;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;
using GovStaff.Sample.Host.Simulation;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// Replays a checked scenario through the public API, one decision per action, each printed as a JSON line. Decisions
/// and events are written to the store in commits of <see cref="ChunkSize"/> actions, each entry keyed by the file's
/// fingerprint and the action's index: a replay cut short keeps whole chunks only, and replaying the same file again
/// records only what is missing.
/// </summary>
internal sealed class ScenarioRunner(PolicyVersionSet versions, WorkCalendar calendar, OfficeHours hours)
{
    /// <summary>Actions per commit.</summary>
    public const int ChunkSize = 500;

    /// <summary>Replays the scenario; returns what was written to the store (nothing without one).</summary>
    public async Task<ReplayRecord> RunAsync(Scenario scenario, TextWriter output, IPolicyStore? store, CancellationToken cancellationToken)
    {
        int appended = 0, entries = 0;
        var clock = new SimulationClock();
        // A pinned version judges every action; a date outside its period is then refused under Art. 31.
        var engine = new PolicyEngine(scenario.PolicyVersion is { } pinned ? new PolicyVersionSet([versions.Get(pinned)]) : versions, clock);
        var schedule = new ServiceSchedule(calendar, hours);
        var network = scenario.Network;
        var leaves = new Dictionary<string, LeaveRequest>();
        var transfers = new Dictionary<string, TransferRequest>();
        var cases = new Dictionary<string, ServiceCase>();
        var complaints = new Dictionary<string, Complaint>();
        var leaveRules = new LeaveLifecycle(engine, calendar);
        var transferRules = new TransferLifecycle(engine, calendar);
        var caseRules = new CaseRules(engine, calendar);
        var complaintRules = new ComplaintLifecycle(engine);
        var pending = new List<WriteBatch>(); // one per action, merged once per chunk rather than copied per action
        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            var a = scenario.Actions[i];
            clock.Today = a.At;
            var actor = a.Actor is null ? null : a.Actor.Body is { } b ? Actor.For(a.Actor.Person, new ServiceBodyId(b)) : Actor.For(a.Actor.Person, new HomeUnitId(a.Actor.Unit!));
            Decision decision;
            DomainEvent? @event = null;
            void Take<T>(LifecycleResult<T> r, Dictionary<string, T> into)
                where T : class
            {
                decision = r.Decision;
                @event = r.Event;
                into[a.Id!] = r.Entity;
            }

            decision = null!;
            switch (a.Type)
            {
                case "nominate":
                    decision = new StaffingRules(engine).VetNomination(new Nomination(new StaffId(a.Staff!), new ServiceBodyId(a.Body!), a.Role!.Value, a.At), network);
                    break;
                case "checkDirectors":
                    decision = new StaffingRules(engine).CheckDirectors(network.AsOfDate(a.At));
                    break;
                case "requestLeave":
                    Take(leaveRules.Request(new LeaveRequest(a.Id!, new StaffId(a.Staff!), a.From!.Value, a.To!.Value, a.Reason!, a.At, a.LateReason), network, actor!), leaves);
                    break;
                case "approveLeave":
                    Take(leaveRules.Approve(leaves[a.Id!], network, leaves.Values, actor!, a.At), leaves);
                    break;
                case "rejectLeave":
                    Take(leaveRules.Reject(leaves[a.Id!], network, actor!, a.At, a.Reason ?? "未说明"), leaves);
                    break;
                case "startLeave":
                    Take(leaveRules.Start(leaves[a.Id!], a.At, actor), leaves);
                    break;
                case "returnFromLeave":
                    Take(leaveRules.Return(leaves[a.Id!], a.At, actor), leaves);
                    break;
                case "reportBack":
                    Take(leaveRules.ReportBack(leaves[a.Id!], network, a.At, actor!), leaves);
                    break;
                case "requestTransfer":
                    var kind = a.Kind == "policeAdjustment" ? TransferKind.PoliceAdjustment : TransferKind.Rotation;
                    Take(transferRules.Request(new TransferRequest(a.Id!, new StaffId(a.Staff!), kind, a.StationedOn!.Value, a.At, a.Reason!, a.ExceptionalReason), network, actor!), transfers);
                    break;
                case "reviewTransfer":
                    Take(transferRules.Review(transfers[a.Id!], network, actor!, a.At), transfers);
                    break;
                case "approveTransfer":
                    Take(transferRules.Approve(transfers[a.Id!], network, actor!, a.At), transfers);
                    break;
                case "rejectTransfer":
                    Take(transferRules.Reject(transfers[a.Id!], network, actor!, a.At), transfers);
                    break;
                case "executeTransfer":
                    Take(transferRules.Execute(transfers[a.Id!], network, actor!, a.At), transfers);
                    break;
                case "reportTransfer":
                    Take(transferRules.Report(transfers[a.Id!], network, actor!, a.At), transfers);
                    break;
                case "acceptCase":
                    var channel = a.Channel == "online" ? ServiceChannel.Online : ServiceChannel.OnSite;
                    var statutory = a.StatutoryLimit ?? caseRules.DefaultStatutoryLimit(a.At);
                    Take(caseRules.Accept(new ServiceCase(a.Id!, new ServiceBodyId(a.Body!), new StaffId(a.Staff!), a.Item!, channel, a.At, statutory, a.PromisedLimit!.Value), network, actor!), cases);
                    break;
                case "completeCase":
                    Take(caseRules.Complete(cases[a.Id!], a.Result!, a.At, actor!), cases);
                    break;
                case "closeCase":
                    Take(caseRules.Close(cases[a.Id!], a.FeedbackOn, a.At, actor!), cases);
                    break;
                case "trackCase":
                    Take(caseRules.Track(cases[a.Id!], network, a.At), cases);
                    break;
                case "rate":
                    var level = Enum.Parse<RatingLevel>(a.Level!, ignoreCase: true);
                    var rating = new Rating(a.Id!, level, RatingChannel.PerVisit, new ServiceBodyId(a.Body!), clock.GetCurrentInstant(),
                        a.Staff is null ? null : new StaffId(a.Staff), a.Item, a.Reason, a.RealName ?? false);
                    (decision, _, @event) = new RatingRules(engine, schedule).Record(rating);
                    break;
                case "complain":
                    Take(complaintRules.Accept(new Complaint(a.Id!, new ServiceBodyId(a.Body!), a.At, a.Summary!, a.About is null ? null : new StaffId(a.About)), network, actor!), complaints);
                    break;
                case "investigateComplaint":
                    Take(complaintRules.Investigate(complaints[a.Id!], actor!, a.At), complaints);
                    break;
                case "feedBackComplaint":
                    Take(complaintRules.FeedBack(complaints[a.Id!], a.Result ?? "已处理", a.FeedbackOn, actor!, a.At), complaints);
                    break;
            }

            await output.WriteLineAsync(Line(i, a, decision));
            if (store is null)
            {
                continue;
            }

            pending.Add(PolicyRecorder.Prepare(decision, @event, idempotencyKey: $"replay:{scenario.Fingerprint}:{i}"));
            if ((i + 1) % ChunkSize == 0 || i == scenario.Actions.Count - 1)
            {
                // Printed lines reach the reader before their chunk is committed; the store is the record.
                await output.FlushAsync(cancellationToken);
                var chunk = WriteBatch.Concat(pending);
                appended += (await store.CommitAsync(chunk, cancellationToken)).AuditAppended;
                entries += chunk.Audit.Count;
                pending.Clear();
            }
        }

        return new ReplayRecord(appended, entries - appended);
    }

    // One JSON line per action, written straight to a reused buffer: a DOM per line cost more than the rules.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_line;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private static readonly System.Text.Json.Serialization.JsonConverter<LocalDate> DateJson =
        (System.Text.Json.Serialization.JsonConverter<LocalDate>)GovStaffJson.Options.GetConverter(typeof(LocalDate));

    private static readonly System.Text.Json.Serialization.JsonConverter<Outcome> OutcomeJson =
        (System.Text.Json.Serialization.JsonConverter<Outcome>)GovStaffJson.Options.GetConverter(typeof(Outcome));

    private static readonly System.Text.Json.Serialization.JsonConverter<Citation> CitationJson =
        (System.Text.Json.Serialization.JsonConverter<Citation>)GovStaffJson.Options.GetConverter(typeof(Citation));

    private static string Line(int index, ScenarioAction action, Decision decision)
    {
        var buffer = t_line ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        // One writer per thread, reset per line; unvalidated, as the serializer's own writers are in release builds:
        // the structure below is fixed.
        var json = t_writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = GovStaffJson.Options.Encoder, SkipValidation = true });
        json.Reset(buffer);
        var options = GovStaffJson.Options;
        {
            json.WriteStartObject();
            json.WriteNumber("index", index);
            json.WritePropertyName("at");
            DateJson.Write(json, action.At, options);
            json.WriteString("type", action.Type);
            if (action.Id is not null)
            {
                json.WriteString("id", action.Id);
            }
            else
            {
                json.WriteNull("id");
            }

            // The options' own converters, called directly: the serializer's entry per value cost more than the value.
            json.WritePropertyName("outcome");
            OutcomeJson.Write(json, decision.Outcome, options);
            json.WriteStartArray("citations");
            var citations = decision.Citations;
            for (var k = 0; k < citations.Count; k++)
            {
                CitationJson.Write(json, citations[k], options);
            }

            json.WriteEndArray();
            json.WriteStartArray("messages");
            var findings = decision.Findings;
            for (var k = 0; k < findings.Count; k++)
            {
                var f = findings[k];
                if (f.Severity >= Severity.Warning || decision.Outcome == Outcome.Permitted)
                {
                    json.WriteStartObject();
                    json.WriteString("zh", f.Message.Zh);
                    json.WriteString("en", f.Message.En);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteString("policyVersion", decision.PolicyVersion);
            json.WriteEndObject();
            json.Flush();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>What a replay wrote: audit entries appended, and entries skipped because an earlier replay had them.</summary>
internal readonly record struct ReplayRecord(int Appended, int AlreadyRecorded);
