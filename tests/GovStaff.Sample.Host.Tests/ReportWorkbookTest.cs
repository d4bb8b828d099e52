using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Sample.Host.Roster;
using GovStaff.Sample.Host.Simulation;
using MiniExcelLibs;
using NodaTime;
using NodaTime.Testing;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// <c>report --format xlsx</c>: the workbook read back equals the CSV and Markdown reports of the same store, its cells
/// are numbers (rates formatted as percentages), its headers frozen and its columns sized; and a district's own
/// indicator set, seeded from a roster, is what its people are scored on.
/// </summary>
public sealed partial class ReportWorkbookTest : IDisposable
{
    private readonly SimulatedQuarter _quarter = SimulatedQuarter.Shared;

    // Where this test's workbooks go: the quarter's folder is shared and only read.
    private readonly string _scratch = Directory.CreateTempSubdirectory("govstaff-workbook-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_scratch, recursive: true);
    }

    private string Workbook(string dir)
    {
        var path = Path.Combine(_scratch, $"{Guid.NewGuid():N}.xlsx");
        var r = SampleHost.RunIn(dir, "report", "--quarter", "2022Q4", "--format", "xlsx", "--output", path);
        Assert.Equal((0, ""), (r.ExitCode, r.StdErr));
        Assert.Contains(path, r.StdOut, StringComparison.Ordinal);
        return path;
    }

    private static List<IDictionary<string, object?>> Sheet(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    [Fact]
    public void TheStatisticsSheets_EqualTheCsv_CountsAsNumbers_RatesAsFractions()
    {
        var book = Workbook(_quarter.Dir);
        var csv = SampleHost.RunIn(_quarter.Dir, "report", "--format", "csv").StdOut.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var rows = Sheet(book, ReportWorkbook.Bodies).Concat(Sheet(book, ReportWorkbook.Tiers)).ToList();
        Assert.Equal(csv.Length - 1, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var expected = csv[i + 1].Split(',');
            var cells = rows[i].Values.ToArray();
            Assert.Equal(expected[1], cells[0]); // level
            Assert.Equal(expected[2], cells[1]); // scope
            for (var c = 4; c < header.Length; c++)
            {
                // Each figure column holds a number (MiniExcel reads numeric cells as double) equal to the CSV's field.
                var cell = cells[c - 1];
                if (expected[c] == "")
                {
                    Assert.Null(cell);
                    continue;
                }

                var number = Assert.IsType<double>(cell);
                Assert.Equal(decimal.Parse(expected[c], CultureInfo.InvariantCulture), (decimal)number);
            }
        }

        // The body sheet's names are the CSV's; the tier sheet names tiers as the Markdown report does.
        Assert.Equal(csv.Skip(1).Where(l => l.Split(',')[1] == "body").Select(l => l.Split(',')[3]), Sheet(book, ReportWorkbook.Bodies).Select(r => r.Values.ElementAt(2)));
        Assert.Equal("全区 / whole district", Sheet(book, ReportWorkbook.Tiers)[^1].Values.ElementAt(2));
    }

    [Fact]
    public void EverySheet_HasAFrozenHeader_SizedColumns_AndRatesFormattedAsPercentages()
    {
        var book = Workbook(_quarter.Dir);
        using var zip = ZipFile.OpenRead(book);
        string Part(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var sheets = zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, sheets.Count);
        foreach (var sheet in sheets)
        {
            var xml = Part(sheet.FullName);
            Assert.Contains("ySplit=\"1\"", xml, StringComparison.Ordinal);
            Assert.Contains("state=\"frozen\"", xml, StringComparison.Ordinal);
            Assert.Matches("<x:col min=\"1\" max=\"1\" width=\"[0-9.]+\" hidden=\"0\" customWidth=\"1\"", xml);
        }

        // The on-time rate of the first body (G2) carries a style whose number format is a percentage.
        var styles = Part("xl/styles.xml");
        var percent = PercentFormat().Match(styles);
        Assert.True(percent.Success, "no percentage number format in styles.xml");
        var bodiesXml = Part("xl/worksheets/sheet2.xml");
        var g2 = CellStyle().Match(bodiesXml);
        Assert.True(g2.Success);
        var xfs = CellXfs().Match(styles).Groups[1].Value;
        var xf = XfElement().Matches(xfs)[int.Parse(g2.Groups[1].Value, CultureInfo.InvariantCulture)].Value;
        Assert.Contains($"numFmtId=\"{percent.Groups[1].Value}\"", xf, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppraisalSheets_EqualTheMarkdown_AndTheSanctionsCiteArt29()
    {
        var book = Workbook(_quarter.Dir);
        var md = SampleHost.RunIn(_quarter.Dir, "report").StdOut;

        // Grades: the Markdown's counts, and as many people on the results sheet.
        var gradeLine = md.Split('\n').Single(l => l.StartsWith("优秀 excellent", StringComparison.Ordinal));
        var counts = Sheet(book, ReportWorkbook.Grades).ToDictionary(r => (string)r["等次 grade"]!, r => (double)r["人数 people"]!);
        Assert.Equal(gradeLine.Trim(), $"优秀 excellent {counts["优秀 excellent"]}, 合格 pass {counts["合格 pass"]}, 不合格 fail {counts["不合格 fail"]}");
        var people = Sheet(book, ReportWorkbook.Appraisals);
        Assert.Equal(counts.Values.Sum(), people.Count);
        foreach (var (grade, count) in counts)
        {
            Assert.Equal(count, people.Count(p => (string)p["等次 grade"]! == grade));
        }

        // The two who failed are the two the simulation made perform poorly (Art. 29: one returned, one admonished).
        Assert.Equal(["640502105-b", "640502108-a"], people.Where(p => (string)p["等次 grade"]! == "不合格 fail").Select(p => (string)p["编号 staff"]!).Order(StringComparer.Ordinal));

        // Each total is the weighted mean of the five dimensions (the default set weighs them 10, 15, 25, 40, 10).
        foreach (var p in people.Where(p => (string)p["指标体系 indicator set"]! == "window-staff-default"))
        {
            var total = ((double)p["德 integrity"]! * 10 + (double)p["能 ability"]! * 15 + (double)p["勤 diligence"]! * 25 + (double)p["绩 performance"]! * 40 + (double)p["廉 probity"]! * 10) / 100;
            Assert.Equal(total, (double)p["总分 total"]!, 0.011);
        }

        // No name leaves the office unmasked.
        Assert.All(people, p => Assert.Contains("*", (string)p["姓名 name"]!, StringComparison.Ordinal));

        // Sanctions: the Markdown's, with their citations.
        var sanctions = Sheet(book, ReportWorkbook.Sanctions);
        Assert.Equal(2, sanctions.Count);
        foreach (var s in sanctions)
        {
            Assert.Equal("第二十九条 / Art. 29", s["依据 citations"]);
            Assert.Contains($"({s["编号 staff"]}): {s["说明"]} / {s["explanation"]} [{s["依据 citations"]}]", md, StringComparison.Ordinal);
        }

        // Refusals by article: the Markdown's list.
        var refusals = Sheet(book, ReportWorkbook.Refusals).Select(r => $"- {r["条款 article"]}: {r["次数 refusals"]}");
        Assert.Equal(md.Split('\n').Where(l => l.StartsWith("- 第", StringComparison.Ordinal)).Select(l => l.TrimEnd()), refusals);
    }

    [Fact]
    public void ATownshipsOwnIndicatorSet_FromTheRoster_IsWhatItsPeopleAreScoredOn()
    {
        var dir = Directory.CreateTempSubdirectory("govstaff-report-roster-").FullName;
        try
        {
            // 滨河镇 weighs attendance three times as much as the default and scores its window staff and agents on it.
            var roster = DistrictRoster.Sample(QuarterSimulation.Quarter.Start);
            var own = new IndicatorSet("binhe-2022", [.. IndicatorSet.WindowStaffDefault.Indicators
                .Select(i => i.Code == "attendance" ? new Indicator(i.Code, i.Name, i.Dimension, 45) : i)]);
            var binhe = Party.Of(new HomeUnitId("township-640502100"));
            roster = roster with { Methods = [.. roster.Methods.Select(m => m.AppraisingBody == binhe && !m.ForDirectors ? m with { Set = own } : m)] };
            var path = Path.Combine(dir, "binhe.xlsx");
            using (var stream = File.Create(path))
            {
                RosterWorkbook.Write(roster, stream);
            }

            Assert.Equal(0, SampleHost.RunIn(dir, "--roster", path).ExitCode);
            var people = Sheet(Workbook(dir), ReportWorkbook.Appraisals);
            var atBinhe = people.Where(p => ((string)p["编号 staff"]!).StartsWith("640502100-", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(atBinhe);
            Assert.All(atBinhe, p => Assert.Equal("binhe-2022", p["指标体系 indicator set"]));
            Assert.All(people.Except(atBinhe), p => Assert.Equal("window-staff-default", p["指标体系 indicator set"]));

            // Diligence is now attendance (45) and attitude (10): the total weighs it 55 of 130.
            foreach (var p in atBinhe)
            {
                var total = ((double)p["德 integrity"]! * 10 + (double)p["能 ability"]! * 15 + (double)p["勤 diligence"]! * 55 + (double)p["绩 performance"]! * 40 + (double)p["廉 probity"]! * 10) / 130;
                Assert.Equal(total, (double)p["总分 total"]!, 0.011);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AnAppraisalOnASetTheStoreDoesNotHold_LeavesItsDimensionsBlank_NotGuessed()
    {
        var network = ShapotouDistrict.Build(QuarterSimulation.Quarter.Start);
        var staff = network.GetStaff(new StaffId("640502100-a"));
        var own = new IndicatorSet("lost-set", IndicatorSet.WindowStaffDefault.Indicators);
        var township = Party.Of(new HomeUnitId("township-640502100"));
        var lifecycle = new AppraisalLifecycle(
            new PolicyEngine(PolicyVersionSet.Default, new FakeClock(Instant.FromUtc(2023, 1, 5, 1, 0))),
            AppraisalSchemes.Default.With(network, township, own));
        var actor = Actor.For("考核组", township.HomeUnit!.Value);
        var day = QuarterSimulation.Quarter.End.PlusDays(5);
        var scored = lifecycle.Score(new StaffAppraisal("a-1", staff.Id, QuarterSimulation.Quarter, new LocalDate(2020, 3, 2)), network,
            own.Indicators.ToDictionary(i => i.Code, _ => 80m), actor, day).Entity;
        var graded = lifecycle.Grade(scored, network, actor, day).Entity;
        Assert.Equal("lost-set", graded.IndicatorSet);

        var district = new StatisticsRow("district", "全区", 0, 0, 0, null, 0, null, 0, null, null, null, null, 0, null);
        var report = new QuarterReport(QuarterSimulation.Quarter, new StatisticsReport(QuarterSimulation.Quarter.Start, QuarterSimulation.Quarter.End, [], [], district),
            [graded], new Dictionary<string, IndicatorSet> { ["window-staff-default"] = IndicatorSet.WindowStaffDefault }, [], [], network);
        Assert.Empty(report.DimensionScores(graded));

        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        try
        {
            using (var stream = File.Create(path))
            {
                ReportWorkbook.Write(report, stream);
            }

            var row = Assert.Single(Sheet(path, ReportWorkbook.Appraisals));
            Assert.Null(row["德 integrity"]);
            Assert.Equal(80d, row["总分 total"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(new[] { "--format", "xlsx" }, "add --output FILE.xlsx")]
    [InlineData(new[] { "--format", "xlsx", "--output", "no-such-folder/q.xlsx" }, "does not exist")]
    [InlineData(new[] { "--format", "pdf", "--output", "q.pdf" }, "unknown format 'pdf'")]
    public void AWorkbookWithNowhereToGo_IsExit2_AndWritesNothing(string[] args, string message)
    {
        // Outside data/, whose journal files come and go as other tests read the shared store.
        string[] Files() => [.. Directory.GetFiles(_quarter.Dir, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(_quarter.Dir, "data"), StringComparison.Ordinal))];
        var before = Files();
        var r = SampleHost.RunIn(_quarter.Dir, ["report", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Theory]
    [InlineData("report", "--format", "xlsx", "--output")]
    [InlineData("report", "--format", "csv", "--output")]
    [InlineData("roster", "export", "--output")]
    public void TheStoresDatabase_IsNeverReplacedByAnOutputFile(params string[] command)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_scratch, Guid.NewGuid().ToString("N"))).FullName;
        var database = _quarter.CopyTo(dir);
        var before = File.ReadAllBytes(database);
        var r = SampleHost.RunIn(dir, [.. command, database]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("is a database", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(database));
        Assert.False(File.Exists(database + ".partial"));
    }

    [GeneratedRegex("<x:numFmt numFmtId=\"(\\d+)\" formatCode=\"0\\.0%\"")]
    private static partial Regex PercentFormat();

    [GeneratedRegex("<x:c r=\"G2\" s=\"(\\d+)\"")]
    private static partial Regex CellStyle();

    [GeneratedRegex("<x:cellXfs[^>]*>(.*?)</x:cellXfs>", RegexOptions.Singleline)]
    private static partial Regex CellXfs();

    [GeneratedRegex("<x:xf [^>]*?(/>|>.*?</x:xf>)", RegexOptions.Singleline)]
    private static partial Regex XfElement();
}
