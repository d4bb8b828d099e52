using System.Globalization;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Hosting;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Serialization;
using GovStaff.Policy.Service;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>
/// The quarter's figures, read back from the store: three-tier statistics, each person's appraisal (with the indicator
/// sets it was scored on), the grades, sanctions and refusals.
/// </summary>
internal sealed record QuarterReport(
    AppraisalPeriod Quarter,
    StatisticsReport Statistics,
    IReadOnlyList<StaffAppraisal> Appraisals,
    IReadOnlyDictionary<string, IndicatorSet> Sets,
    IReadOnlyList<SanctionRecord> Sanctions,
    IReadOnlyList<(string Citation, int Count)> Refusals,
    ServiceNetwork Network)
{
    /// <summary>How many were graded excellent, pass and fail.</summary>
    public IReadOnlyDictionary<Grade, int> Grades { get; } = Appraisals.Where(a => a.Grade is not null).GroupBy(a => a.Grade!.Value).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The grades as every report lists them, best first.</summary>
    public static IReadOnlyList<Grade> GradeOrder { get; } = [Grade.Excellent, Grade.Pass, Grade.Fail];

    /// <summary>A grade's bilingual name in the reports.</summary>
    public static string GradeName(Grade grade) => grade switch
    {
        Grade.Excellent => "优秀 excellent",
        Grade.Pass => "合格 pass",
        _ => "不合格 fail",
    };

    /// <summary>The grade counts on one line: <c>优秀 excellent 18, 合格 pass 41, 不合格 fail 2</c>.</summary>
    public string GradeCounts() => string.Join(", ", GradeOrder.Select(g => $"{GradeName(g)} {Grades.GetValueOrDefault(g)}"));

    /// <summary>
    /// A graded appraisal's score on each dimension of Art. 26 (德、能、勤、绩、廉): the weighted mean of the set's
    /// indicators in that dimension, rounded to two places as the total is.
    /// </summary>
    /// <remarks>Empty when the store does not hold the set the appraisal names: the dimensions are then left blank, not guessed.</remarks>
    public IReadOnlyDictionary<Dimension, decimal> DimensionScores(StaffAppraisal appraisal)
    {
        if (appraisal.IndicatorSet is null || !Sets.TryGetValue(appraisal.IndicatorSet, out var set))
        {
            return new Dictionary<Dimension, decimal>();
        }

        return set.Indicators.GroupBy(i => i.Dimension).ToDictionary(
            g => g.Key,
            g => Math.Round(g.Sum(i => appraisal.Scores[i.Code] * i.Weight) / g.Sum(i => i.Weight), 2, MidpointRounding.AwayFromZero));
    }

    public static async Task<QuarterReport?> LoadAsync(IPolicyStore store, WorkCalendar calendar, PolicyVersionSet versions, CancellationToken ct)
    {
        var networkDoc = await store.LoadAsync(DocumentKinds.Network, DocumentKinds.DistrictId, ct);
        if (networkDoc is null)
        {
            return null;
        }

        async Task<List<T>> All<T>(string kind) => [.. (await store.LoadAllAsync(kind, ct)).Select(d => GovStaffJson.Deserialize<T>(d.Json))];
        var network = GovStaffJson.Deserialize<ServiceNetwork>(networkDoc.Json);
        var period = QuarterSimulation.Quarter.Days;
        var attendance = (await All<AttendanceFigures>(DocumentKinds.Attendance)).Select(a => new AttendanceSummary(
            new StaffId(a.Staff), period, a.WorkingDays, a.LeaveDays, a.DaysPresent, 0, a.LateCount, 0, a.EarlyLeaveCount, 0, a.Absences, 0, 0, 0, 0, [])).ToArray();
        var statistics = new ServiceStatistics(calendar, versions).Compute(network, period,
            await All<ServiceCase>(DocumentKinds.Case), await All<Rating>(DocumentKinds.Rating), await All<Rectification>(DocumentKinds.Rectification), await All<Complaint>(DocumentKinds.Complaint), attendance);
        var appraisals = (await All<StaffAppraisal>(DocumentKinds.Appraisal)).Where(a => a.Period == QuarterSimulation.Quarter && a.Grade is not null).OrderBy(a => a.Staff.Value, StringComparer.Ordinal).ToList();
        // The sets the district scored on, as stored with its appraisal methods; the defaults by their names.
        var sets = new Dictionary<string, IndicatorSet>(StringComparer.Ordinal)
        {
            [IndicatorSet.WindowStaffDefault.Name] = IndicatorSet.WindowStaffDefault,
            [IndicatorSet.DirectorDefault.Name] = IndicatorSet.DirectorDefault,
        };
        foreach (var method in await All<StoredMethod>(QuarterSimulation.MethodKind))
        {
            sets[method.Set.Name] = method.Set;
        }

        // Every refusal in the audit trail, counted by the article it rests on.
        var refusals = new Dictionary<Citation, int>();
        for (long after = 0; ;)
        {
            var page = await store.ReadAuditAsync(after, 5000, ct);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var entry in page.Where(e => e.Kind.StartsWith("decision:", StringComparison.Ordinal)))
            {
                var decision = GovStaffJson.Deserialize<GovStaff.Policy.Decisions.Decision>(entry.Json);
                if (decision.Outcome == GovStaff.Policy.Decisions.Outcome.Refused)
                {
                    var basis = decision.Reasons.First().Citation;
                    refusals[basis] = refusals.GetValueOrDefault(basis) + 1;
                }
            }

            after = page[^1].Sequence;
        }

        return new QuarterReport(QuarterSimulation.Quarter, statistics, appraisals, sets, await All<SanctionRecord>(DocumentKinds.Sanction),
            [.. refusals.OrderBy(r => r.Key).Select(r => (r.Key.ToString("both", null), r.Value))], network);
    }

    /// <summary>A rate as a percentage with one decimal, or a dash when there was nothing to count.</summary>
    public static string P(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>The bilingual name of a tier row or the district row.</summary>
    public string TierName(StatisticsRow row) => row.Scope switch
    {
        "district" when row == Statistics.District => "全区 / whole district",
        "district" => "县级 / hall",
        "township" => "乡级 / township centres",
        _ => "村级 / village centres",
    };

    /// <summary>A sanctioned person's masked name, for reports that leave the office.</summary>
    public string MaskedName(string staffId) => Network.TryGetStaff(new StaffId(staffId), out var staff) ? PersonalData.MaskName(staff.Name) : "?";

    public void Print(TextWriter o)
    {
        o.WriteLine($"沙坡头区{QuarterSimulation.Quarter.Year}年第{QuarterSimulation.Quarter.Number}季度政务服务情况 / Shapotou District, {QuarterSimulation.Quarter}");
        o.WriteLine($"{"层级 / tier",-26}{"受理 cases",12}{"办结 done",11}{"按时率 on time",16}{"超期 overdue",14}{"网办 online",13}{"评价 ratings",14}{"好评率 good",13}{"投诉 complaints",17}{"出勤率 attendance",19}");
        foreach (var row in Statistics.Tiers.Append(Statistics.District))
        {
            var name = TierName(row);
            o.WriteLine($"{name,-26}{row.CasesAccepted,12}{row.CasesCompleted,11}{P(row.OnTimeRate),16}{row.OverdueOpen,14}{P(row.OnlineShare),13}{row.Ratings,14}{P(row.GoodRate),13}{row.Complaints,17}{P(row.AttendanceRate),19}");
        }

        o.WriteLine();
        o.WriteLine($"考核 / appraisal: {GradeCounts()}");
        o.WriteLine("不予通过（按条款） / refused, by article: " + string.Join("; ", Refusals.Select(r => $"{r.Citation}: {r.Count}")));
        o.WriteLine("处理 / sanctions:");
        foreach (var s in Sanctions.OrderBy(s => s.Staff, StringComparer.Ordinal))
        {
            var who = MaskedName(s.Staff);
            o.WriteLine($"  {who} ({s.Staff}): {s.Message.Zh}");
            o.WriteLine($"      {s.Message.En} [{string.Join("; ", s.Citations)}]");
        }
    }
}
