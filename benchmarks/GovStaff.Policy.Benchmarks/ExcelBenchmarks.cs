using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Sample.Host;
using GovStaff.Sample.Host.Roster;
using GovStaff.Sample.Host.Simulation;
using MiniExcelLibs;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// The district's workbooks at scale (issue 19): reading a 100,000-person roster into the district, and writing the
/// quarter's workbook with a 100,000-row appraisal sheet, both through the sample's own code on a file on disk.
/// Each has its baseline in the same run: reading every cell of the roster without building anything (MiniExcel's
/// floor), and writing the same appraisal rows as CSV text.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ExcelBenchmarks
{
    private const int Townships = 10;
    private const int PerCentre = 10_000;
    private static readonly LocalDate Day = new(2022, 10, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-excel-bench-").FullName;
    private string _roster = null!;
    private QuarterReport _report = null!;

    [GlobalSetup]
    public void Setup()
    {
        var network = SyntheticDistrict.Build(PerCentre, Townships, Day);
        _roster = Path.Combine(_dir, "roster.xlsx");
        using (var stream = File.Create(_roster))
        {
            // The hall and every township score on the defaults, written out as the sample's export does.
            RosterWorkbook.Write(new DistrictRoster(network, DistrictRoster.DefaultMethods(network)), stream);
        }

        // One graded appraisal per person, one in twenty failing.
        var engine = new PolicyEngine(PolicyVersionSet.Default, new FrozenClock(Instant.FromUtc(2023, 1, 5, 1, 0)));
        var lifecycle = new AppraisalLifecycle(engine);
        var period = AppraisalPeriod.Quarter(2022, 4);
        var appraisals = network.Staff.Select((s, i) =>
        {
            var township = Actor.For("township", s.HomeUnitId);
            var scores = IndicatorSet.WindowStaffDefault.Indicators.ToDictionary(x => x.Code, x => i % 20 == 0 ? 50m : 80m + (i % 17));
            var scored = lifecycle.Score(new StaffAppraisal($"q4-{s.Id}", s.Id, period), network, scores, township, period.End.PlusDays(5)).Entity;
            return lifecycle.Grade(scored, network, township, period.End.PlusDays(5)).Entity;
        }).ToList();
        var district = new StatisticsRow("district", "全区", 0, 0, 0, null, 0, null, 0, null, null, null, null, 0, null);
        _report = new QuarterReport(period, new StatisticsReport(period.Start, period.End, [], [], district), appraisals,
            new Dictionary<string, IndicatorSet> { [IndicatorSet.WindowStaffDefault.Name] = IndicatorSet.WindowStaffDefault }, [], [], network);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    [Benchmark(Baseline = true), BenchmarkCategory("Read roster, 100,000 staff")]
    public int ReadRoster_CellsOnly()
    {
        var cells = 0;
        using var stream = File.OpenRead(_roster);
        foreach (var sheet in stream.GetSheetNames())
        {
            stream.Position = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX))
            {
                cells += row.Count;
            }
        }

        return cells;
    }

    [Benchmark, BenchmarkCategory("Read roster, 100,000 staff")]
    public int ReadRoster_ToDistrict() => RosterWorkbook.Read(_roster, Day).Roster!.Network.Staff.Count;

    [Benchmark(Baseline = true), BenchmarkCategory("Write appraisal sheet, 100,000 rows")]
    public long WriteAppraisals_Csv()
    {
        using var stream = File.Create(Path.Combine(_dir, "appraisals.csv"));
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        var inv = CultureInfo.InvariantCulture;
        writer.Write("staff,name,role,body,set,integrity,ability,diligence,performance,probity,total,grade\r\n");
        foreach (var a in _report.Appraisals)
        {
            var staff = _report.Network.GetStaff(a.Staff);
            var d = _report.DimensionScores(a);
            writer.Write(string.Join(',', a.Staff.Value, PersonalData.MaskName(staff.Name), staff.Role.ToString(), _report.Network.GetBody(staff.StationedAt!.Value).Name, a.IndicatorSet,
                d[Dimension.Integrity].ToString(inv), d[Dimension.Ability].ToString(inv), d[Dimension.Diligence].ToString(inv), d[Dimension.Performance].ToString(inv),
                d[Dimension.Probity].ToString(inv), a.Total!.Value.ToString(inv), a.Grade.ToString()) + "\r\n");
        }

        writer.Flush();
        return stream.Length;
    }

    [Benchmark, BenchmarkCategory("Write appraisal sheet, 100,000 rows")]
    public long WriteAppraisals_Xlsx()
    {
        using var stream = File.Create(Path.Combine(_dir, "quarter.xlsx"));
        ReportWorkbook.Write(_report, stream);
        return stream.Length;
    }
}
