using System.Buffers;
using System.Text;
using System.Text.Json;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Staffing;
using GovStaff.Sample.Host.Simulation;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// Replays a checked scenario through the public API, one decision per action (a deadline check may print several),
/// each printed as a JSON line. The record is all or nothing: every decision and event of the file is written to the
/// store in one commit after the last action ran, each entry keyed by the file's fingerprint and the action's index,
/// so a replay that fails or is killed part-way records nothing, and replaying a file already recorded adds nothing.
/// With <paramref name="versions"/> and <paramref name="calendar"/> from the host; a scenario that declares its own
/// is judged under those.
/// </summary>
internal sealed class ScenarioRunner(PolicyVersionSet versions, WorkCalendar calendar, OfficeHours hours)
{

    /// <summary>The calendar a scenario is replayed on: its own, or the host's; allowed to count past its data with assumed days.</summary>
    public WorkCalendar CalendarFor(Scenario scenario) => SampleCalendar.WithAssumedDays(scenario.Calendar ?? calendar);

    /// <summary>Replays the scenario; returns what was written to the store (nothing without one).</summary>
    /// <param name="scenario">The scenario, read and checked.</param>
    /// <param name="output">Where the JSON lines go (<see cref="TextWriter.Null"/> for none).</param>
    /// <param name="store">The store to record into; null to record nothing.</param>
    /// <param name="cancellationToken">Cancels the replay between actions.</param>
    /// <param name="expectations">Collects the judgement of every action's <c>expect</c>; null to skip them.</param>
    public async Task<ReplayRecord> RunAsync(Scenario scenario, TextWriter output, IPolicyStore? store, CancellationToken cancellationToken, ExpectationReport? expectations = null)
    {
        int appended = 0, entries = 0;
        var clock = new SimulationClock();
        var set = scenario.Versions ?? versions;
        // A pinned version judges every action; a date outside its period is then refused under Art. 31.
        var engine = new PolicyEngine(scenario.PolicyVersion is { } pinned ? new PolicyVersionSet([set.Get(pinned)]) : set, clock);
        var state = new ReplayState(engine, clock, CalendarFor(scenario), hours, scenario.Network) { Schemes = scenario.Schemes ?? GovStaff.Policy.Appraisal.AppraisalSchemes.Default };
        var pending = new List<WriteBatch>(); // one per action, merged once at the end rather than copied per action
        var writes = output != TextWriter.Null;
        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var a = scenario.Actions[i];
            clock.Today = a.At;
            state.Today = a.At;
            Step step;
            try
            {
                step = a.Run(state);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or DateOutsideCalendarException or FormatException)
            {
                // What the reader could not foresee (a value the library refuses only in context) still names where.
                throw new ScenarioException(scenario.File, scenario.ActionLines[i], $"actions[{i}]", e.Message.Split(" (Parameter '", 2)[0]);
            }

            if (writes)
            {
                await output.WriteLineAsync(Line(i, a, step.Decision, step.Details));
                if (step.Further is { } more)
                {
                    foreach (var d in more)
                    {
                        await output.WriteLineAsync(Line(i, a, d, null));
                    }
                }
            }

            expectations?.Judge(scenario, i, step);
            if (store is null)
            {
                continue;
            }

            pending.Add(PolicyRecorder.Prepare(step.Decision, step.Event, idempotencyKey: $"replay:{scenario.Fingerprint}:{i}"));
            if (step.Further is { } further)
            {
                for (var k = 0; k < further.Count; k++)
                {
                    pending.Add(PolicyRecorder.Prepare(further[k], null, idempotencyKey: $"replay:{scenario.Fingerprint}:{i}:{k + 1}"));
                }
            }

        }

        if (store is not null && pending.Count > 0)
        {
            // Printed lines reach the reader before the record is committed; the store is the record, and it holds the
            // whole file or none of it.
            await output.FlushAsync(cancellationToken);
            var all = WriteBatch.Concat(pending);
            appended = (await store.CommitAsync(all, cancellationToken)).AuditAppended;
            entries = all.Audit.Count;
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

    private static string Line(int index, ScenarioAction action, Decision decision, Action<Utf8JsonWriter>? details)
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
            if (action.EntityId is { } id)
            {
                json.WriteString("id", id);
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
                    // stdout is a channel like any other: no resident ID or mobile number leaves in clear.
                    json.WriteString("zh", PersonalData.MaskText(f.Message.Zh));
                    json.WriteString("en", PersonalData.MaskText(f.Message.En));
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteString("policyVersion", decision.PolicyVersion);
            details?.Invoke(json);
            json.WriteEndObject();
            json.Flush();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>What a replay wrote: audit entries appended, and entries skipped because an earlier replay had them.</summary>
internal readonly record struct ReplayRecord(int Appended, int AlreadyRecorded);
