using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Sample.Host.Replay;

/// <summary>
/// One action of a scenario. The <c>type</c> field picks the record (System.Text.Json polymorphism); each record
/// declares its fields, <c>required</c> where the action cannot do without them, checks what the JSON types cannot
/// (<see cref="Check"/>: references, ranges) before anything runs, and runs through the library's public API
/// (<see cref="Run"/>). docs/scenario.schema.json is generated from these records (<c>ScenarioSchemaTest</c>).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
// Staffing (Chapter 2)
[JsonDerivedType(typeof(Nominate), "nominate")]
[JsonDerivedType(typeof(CheckDirectors), "checkDirectors")]
[JsonDerivedType(typeof(Station), "station")]
[JsonDerivedType(typeof(EndStationing), "endStationing")]
[JsonDerivedType(typeof(RequestTransfer), "requestTransfer")]
[JsonDerivedType(typeof(ReviewTransfer), "reviewTransfer")]
[JsonDerivedType(typeof(ApproveTransfer), "approveTransfer")]
[JsonDerivedType(typeof(RejectTransfer), "rejectTransfer")]
[JsonDerivedType(typeof(ExecuteTransfer), "executeTransfer")]
[JsonDerivedType(typeof(ReportTransfer), "reportTransfer")]
// Attendance and leave (Art. 12(1)(2)(6)(8))
[JsonDerivedType(typeof(SignIn), "signIn")]
[JsonDerivedType(typeof(SignOut), "signOut")]
[JsonDerivedType(typeof(ExtendedHours), "extendedHours")]
[JsonDerivedType(typeof(JudgeAttendance), "judgeAttendance")]
[JsonDerivedType(typeof(RequestLeave), "requestLeave")]
[JsonDerivedType(typeof(ApproveLeave), "approveLeave")]
[JsonDerivedType(typeof(RejectLeave), "rejectLeave")]
[JsonDerivedType(typeof(StartLeave), "startLeave")]
[JsonDerivedType(typeof(ReturnFromLeave), "returnFromLeave")]
[JsonDerivedType(typeof(ReportBack), "reportBack")]
// Service (Art. 10–12, 21; 行政许可法)
[JsonDerivedType(typeof(Inquire), "inquire")]
[JsonDerivedType(typeof(Refer), "refer")]
[JsonDerivedType(typeof(ReceiveApplication), "receiveApplication")]
[JsonDerivedType(typeof(NotifyMissing), "notifyMissing")]
[JsonDerivedType(typeof(AcceptCase), "acceptCase")]
[JsonDerivedType(typeof(SuspendCase), "suspendCase")]
[JsonDerivedType(typeof(ResumeCase), "resumeCase")]
[JsonDerivedType(typeof(ExtendCase), "extendCase")]
[JsonDerivedType(typeof(CompleteCase), "completeCase")]
[JsonDerivedType(typeof(CloseCase), "closeCase")]
[JsonDerivedType(typeof(TrackCase), "trackCase")]
[JsonDerivedType(typeof(RequestAppointment), "requestAppointment")]
[JsonDerivedType(typeof(AcceptAppointment), "acceptAppointment")]
[JsonDerivedType(typeof(RefuseAppointment), "refuseAppointment")]
[JsonDerivedType(typeof(DoorToDoor), "doorToDoor")]
[JsonDerivedType(typeof(RecordConduct), "recordConduct")]
[JsonDerivedType(typeof(RecordTraining), "recordTraining")]
// Ratings and complaints (Art. 20, 22)
[JsonDerivedType(typeof(Rate), "rate")]
[JsonDerivedType(typeof(ContactRater), "contactRater")]
[JsonDerivedType(typeof(Rectify), "rectify")]
[JsonDerivedType(typeof(ReturnVisit), "returnVisit")]
[JsonDerivedType(typeof(Appeal), "appeal")]
[JsonDerivedType(typeof(ReviewAppeal), "reviewAppeal")]
[JsonDerivedType(typeof(CloseRectification), "closeRectification")]
[JsonDerivedType(typeof(Complain), "complain")]
[JsonDerivedType(typeof(InvestigateComplaint), "investigateComplaint")]
[JsonDerivedType(typeof(FeedBackComplaint), "feedBackComplaint")]
// Appraisal and sanctions (Art. 23–29)
[JsonDerivedType(typeof(ScoreAppraisal), "score")]
[JsonDerivedType(typeof(CoSignAppraisal), "coSign")]
[JsonDerivedType(typeof(GradeAppraisal), "grade")]
[JsonDerivedType(typeof(CloseAppraisal), "closeAppraisal")]
[JsonDerivedType(typeof(Commend), "commend")]
[JsonDerivedType(typeof(QuarterResult), "quarterResult")]
[JsonDerivedType(typeof(ApplySanction), "applySanction")]
[JsonDerivedType(typeof(RectifyAdmonition), "rectifyAdmonition")]
[JsonDerivedType(typeof(NominateReplacement), "nominateReplacement")]
[JsonDerivedType(typeof(ApproveReplacement), "approveReplacement")]
[JsonDerivedType(typeof(SeatReplacement), "seatReplacement")]
// Disclosure, statistics and deadlines (Art. 20, 21)
[JsonDerivedType(typeof(PublishCases), "publishCases")]
[JsonDerivedType(typeof(Report), "report")]
[JsonDerivedType(typeof(CheckDeadlines), "checkDeadlines")]
internal abstract record ScenarioAction
{
    /// <summary>The action's date; the clock reads 10:00 Beijing time on it unless the action gives a time.</summary>
    public required LocalDate At { get; init; }

    /// <summary>Who acts, where the action needs someone.</summary>
    public ActorSpec? Actor { get; init; }

    /// <summary>What the decision must show (<c>replay --check</c>).</summary>
    public Expectation? Expect { get; init; }

    /// <summary>The <c>type</c> discriminator of this record.</summary>
    [JsonIgnore]
    public string Type => ActionTypes.NameOf(GetType());

    /// <summary>The id the action creates or refers to, for the printed line; null when it has none.</summary>
    [JsonIgnore]
    public virtual string? EntityId => null;

    /// <summary>
    /// The dates this action counts on the work calendar (working days, office hours), with their fields; a date beyond
    /// the calendar's data is refused before anything runs. Actions that count nothing return none.
    /// </summary>
    internal virtual IEnumerable<(LocalDate Date, string Field)> CalendarDates() => [(At, "at")];

    /// <summary>Checks references and ranges before anything runs; a problem calls <see cref="CheckContext.Fail"/>.</summary>
    internal abstract void Check(CheckContext c);

    /// <summary>Runs the action through the library.</summary>
    internal abstract Step Run(ReplayState s);
}

/// <summary>An action that creates or refers to an entity by id.</summary>
internal abstract record IdentifiedAction : ScenarioAction
{
    public required string Id { get; init; }

    [JsonIgnore]
    public override string? EntityId => Id;
}

/// <summary>What one action produced: its decision and event, and, for a deadline check or a report, more.</summary>
/// <param name="Decision">The decision printed for the action.</param>
/// <param name="Event">The event, when the action took effect.</param>
internal readonly record struct Step(Decision Decision, DomainEvent? Event)
{
    /// <summary>Further decisions printed as lines of their own (a deadline check's findings).</summary>
    public IReadOnlyList<Decision>? Further { get; init; }

    /// <summary>Extra fields written into the printed line (due dates, a published list, a report).</summary>
    public Action<Utf8JsonWriter>? Details { get; init; }
}

/// <summary>The action type names, read once from the <see cref="JsonDerivedTypeAttribute"/>s.</summary>
internal static class ActionTypes
{
    public static readonly IReadOnlyDictionary<Type, string> Names = typeof(ScenarioAction)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    public static string NameOf(Type type) => Names[type];
}

/// <summary>What <see cref="ScenarioAction.Check"/> needs: the network, the ids created so far, and where to point.</summary>
internal sealed class CheckContext(string file, ServiceNetwork network)
{
    private readonly Dictionary<string, string> _known = []; // kind:id → the action type that created it

    public string File { get; } = file;

    public ServiceNetwork Network { get; } = network;

    public int Index { get; set; }

    public int Line { get; set; }

    public ScenarioAction Action { get; set; } = null!;

    /// <summary>Stops the read with exit code 2, naming the file, the line and the field.</summary>
    public void Fail(string field, string problem) => throw new ScenarioException(File, Line, $"actions[{Index}].{field}", problem);

    public void Text(string? value, string field, int max = 500)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "must not be blank.");
        }

        if (value.Length > max)
        {
            Fail(field, $"is {value.Length} characters long; at most {max}.");
        }

        if (value.Any(ch => (char.IsControl(ch) && ch is not ('\n' or '\r' or '\t')) ||
                (char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.Format && ch != '\u200D')))
        {
            Fail(field, "contains a control or invisible format character.");
        }
    }

    public void Staff(string id, string field)
    {
        Text(id, field, 128);
        if (!Network.TryGetStaff(new StaffId(id), out _))
        {
            Fail(field, $"no staff member has id '{id}' in the network.");
        }
    }

    public void Body(string id, string field)
    {
        Text(id, field, 128);
        if (!Network.TryGetBody(new ServiceBodyId(id), out _))
        {
            Fail(field, $"no service body has id '{id}' in the network.");
        }
    }

    /// <summary>The action needs an actor: a person for a service body or for a home unit, both in the network.</summary>
    public void Actor()
    {
        var a = Action.Actor;
        if (a is null || string.IsNullOrWhiteSpace(a.Person) || (a.Body is null) == (a.Unit is null))
        {
            Fail("actor", "is required: {\"person\": …, \"body\": …} or {\"person\": …, \"unit\": …}.");
            return;
        }

        Text(a.Person, "actor.person", 100);
        if (a.Body is { } b)
        {
            Text(b, "actor.body", 128);
            if (!Network.TryGetBody(new ServiceBodyId(b), out _))
            {
                Fail("actor.body", $"no service body has id '{b}'.");
            }
        }

        if (a.Unit is { } u)
        {
            Text(u, "actor.unit", 128);
            if (!Network.TryGetHomeUnit(new HomeUnitId(u), out _))
            {
                Fail("actor.unit", $"no home unit has id '{u}'.");
            }
        }
    }

    /// <summary>The action creates an entity of this kind with this id.</summary>
    public void Creates(string kind, string id)
    {
        if (!GovStaff.Policy.Identifiers.TryValidate(id, out var problem))
        {
            Fail("id", problem);
        }

        if (!_known.TryAdd(kind + ":" + id, Action.Type))
        {
            Fail("id", $"'{id}' is already used by an earlier {_known[kind + ":" + id]}.");
        }
    }

    /// <summary>The action refers to an entity an earlier action created.</summary>
    public void Refers(string kind, string id, string creators, string field = "id")
    {
        if (!_known.ContainsKey(kind + ":" + id))
        {
            Fail(field, $"no earlier {creators} has id '{id}'.");
        }
    }

    public void Range(int? value, int min, int max, string field)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(field, $"must be {min}–{max}; got {v}.");
        }
    }

    public void Range(decimal? value, decimal min, decimal max, string field)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(field, $"must be between {min} and {max}; got {v}.");
        }
    }

    public void NotAfter(LocalDate? date, string field)
    {
        if (date is { } d && d > Action.At)
        {
            Fail(field, $"{d:yyyy-MM-dd} is after the action's own date {Action.At:yyyy-MM-dd}.");
        }
    }
}
