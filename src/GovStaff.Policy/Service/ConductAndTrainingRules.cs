using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// Service norms (Art. 14) and training (Art. 18): breaches are recorded against the person with evidence and weigh on
/// an appraisal dimension (吃拿卡要 on probity 廉, behaviour on integrity 德, attitude and appearance on diligence 勤,
/// language on ability 能 — configurable); training attended weighs on ability, and no training for
/// <see cref="PolicyOptions.TrainingIntervalMonths"/> months is a warning.
/// </summary>
public sealed class ConductAndTrainingRules
{
    private readonly PolicyEngine _engine;
    private readonly WorkCalendar _calendar;

    /// <summary>Creates the rules, with the default mapping of norms to dimensions unless one is given.</summary>
    /// <param name="engine">The policy engine.</param>
    /// <param name="calendar">The work calendar, for a training interval that ends on a rest day (《民法典》第二百零三条).</param>
    /// <param name="dimensions">Which dimension each kind of breach weighs on; the default mapping when null.</param>
    public ConductAndTrainingRules(PolicyEngine engine, WorkCalendar calendar, IReadOnlyDictionary<ConductKind, Dimension>? dimensions = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(calendar);
        _engine = engine;
        _calendar = calendar;
        Dimensions = dimensions ?? new Dictionary<ConductKind, Dimension>
        {
            [ConductKind.Bribery] = Dimension.Probity,
            [ConductKind.Behaviour] = Dimension.Integrity,
            [ConductKind.Attitude] = Dimension.Diligence,
            [ConductKind.Appearance] = Dimension.Diligence,
            [ConductKind.Language] = Dimension.Ability,
        };
    }

    /// <summary>Which dimension each kind of breach weighs on.</summary>
    public IReadOnlyDictionary<ConductKind, Dimension> Dimensions { get; }

    /// <summary>Records a breach of the service norms; the decision is a warning citing the item and naming the dimension.</summary>
    public Decision Record(ConductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Guard.Text(record.Evidence, nameof(record.Evidence), 2000);
        var item = record.Kind switch
        {
            ConductKind.Appearance => 1,
            ConductKind.Behaviour or ConductKind.Bribery => 2,
            ConductKind.Attitude => 3,
            ConductKind.Language => 4,
            _ => throw new ArgumentOutOfRangeException(nameof(record), record.Kind, "Unknown conduct kind."),
        };
        var dimension = Dimensions[record.Kind];
        return _engine.Evaluate("conduct.record", Subjects.Of(record.Staff), record.On, _ =>
        [
            new Finding($"art14.{record.Kind.ToString().ToLowerInvariant()}", Severity.Warning, new Citation(14, item),
                new LocalizedText($"违反服务规范（{Zh(record.Kind)}），计入{DimensionZh(dimension)}考核。证据：{record.Evidence}", $"Service norm breached ({record.Kind}); weighs on {dimension}. Evidence: {record.Evidence}"),
                Subjects.Of(record.Staff)),
        ]);
    }

    /// <summary>Breaches in a period by dimension: what the appraisers weigh.</summary>
    public IReadOnlyDictionary<Dimension, int> Breaches(IEnumerable<ConductRecord> records, StaffId staff, DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(period);
        return records.Where(r => r.Staff == staff && period.Contains(r.On)).GroupBy(r => Dimensions[r.Kind]).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Trainings attended in a period: what the ability dimension (能) weighs (Art. 18, 10(1)).</summary>
    public static int Trainings(IEnumerable<TrainingRecord> trainings, StaffId staff, DateInterval period)
    {
        ArgumentNullException.ThrowIfNull(trainings);
        ArgumentNullException.ThrowIfNull(period);
        return trainings.Count(t => t.Staff == staff && period.Contains(t.On));
    }

    /// <summary>Art. 18: has the person been trained recently enough? A warning otherwise.</summary>
    public Decision CheckTraining(StaffMember staff, IEnumerable<TrainingRecord> trainings, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(trainings);
        var last = trainings.Where(t => t.Staff == staff.Id && t.On <= today).Select(t => (LocalDate?)t.On).Max();
        // Window staff's own duty to attend training is Art. 10(1); a village agent's training is organised by the township
        // centre director (Art. 9(2)) — Art. 10 does not bind agents.
        Citation[] basis = staff.Role == Role.VillageAgent ? [new Citation(18), new Citation(9, 2)] : [new Citation(18), new Citation(10, 1)];
        return _engine.Evaluate("training.check", Subjects.Of(staff.Id), today, version =>
        {
            // 《民法典》第二百零一、二百零二条: the interval runs from the day after the training to the corresponding day,
            // which is inside it (moved past a rest day, 第二百零三条); only after that day is the person overdue.
            return last is { } l && today <= _calendar.LastDayOfPeriod(l.PlusMonths(version.Options.TrainingIntervalMonths))
                ? [new Finding("art18.trained", Severity.Satisfied, basis, new LocalizedText($"最近一次业务培训：{l:yyyy-MM-dd}。", $"Last training on {l:yyyy-MM-dd}."), Subjects.Of(staff.Id))]
                : [new Finding("art18.no-training", Severity.Warning, basis,
                    new LocalizedText($"{version.Options.TrainingIntervalMonths}个月内未参加业务培训{(last is { } x ? $"（上次{x:yyyy-MM-dd}）" : string.Empty)}。", $"No training in the last {version.Options.TrainingIntervalMonths} months{(last is { } y ? $" (last on {y:yyyy-MM-dd})" : string.Empty)}."), Subjects.Of(staff.Id))];
        });
    }

    private static string Zh(ConductKind kind) => kind switch
    {
        ConductKind.Appearance => "仪容仪表",
        ConductKind.Behaviour => "行为举止",
        ConductKind.Bribery => "吃、拿、卡、要",
        ConductKind.Attitude => "服务态度",
        _ => "文明用语",
    };

    private static string DimensionZh(Dimension d) => d switch
    {
        Dimension.Integrity => "德",
        Dimension.Ability => "能",
        Dimension.Diligence => "勤",
        Dimension.Performance => "绩",
        _ => "廉",
    };
}
