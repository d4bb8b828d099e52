using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;
using GovStaff.Sample.Host.Roster;
using GovStaff.Sample.Host.Simulation;
using MiniExcelLibs;

namespace GovStaff.Sample.Host.Tests;

/// <summary>The roster workbook: a round trip, every malformed case named by sheet and cell, and the main job seeded from it.</summary>
public sealed class RosterWorkbookTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-roster-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DistrictRoster District() => DistrictRoster.Sample(QuarterSimulation.Quarter.Start);

    private string Exported()
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".xlsx");
        using (var stream = File.Create(path))
        {
            RosterWorkbook.Write(District(), stream);
        }

        return path;
    }

    // Rewrites one sheet of an exported roster with its rows changed.
    private string WithSheet(string sheet, Action<List<Dictionary<string, object?>>> change) => Rewrite(Exported(), sheet, change);

    private string Rewrite(string source, string sheet, Action<List<Dictionary<string, object?>>> change)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var name in MiniExcel.GetSheetNames(source))
        {
            var rows = MiniExcel.Query(source, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
            if (name == sheet)
            {
                change(rows);
            }

            sheets[name] = rows;
        }

        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".xlsx");
        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    private static string Problem(string path) =>
        Assert.Single(RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start).Problems);

    // A set by what it scores: its name and each indicator's code, names, dimension and weight.
    private static string Describe(AppraisalMethod m) =>
        $"{m.AppraisingBody}|{m.ForDirectors}|{m.Set.Name}|" + string.Join(";", m.Set.Indicators.Select(i => $"{i.Code},{i.Name.Zh},{i.Name.En},{i.Dimension},{i.Weight}"));

    [Fact]
    public void TheHallsPosts_AreNamedAfterTheirWholeDepartment()
    {
        var posts = DistrictRoster.Sample(QuarterSimulation.Quarter.Start).Network.Posts.Where(p => p.Id.Value.StartsWith("hall-", StringComparison.Ordinal));
        Assert.Equal(["人力资源和社会保障局窗口", "市场监督管理局窗口", "民政局窗口"], posts.Select(p => p.Name));
    }

    [Fact]
    public void TheDistrict_WrittenAndReadBack_IsTheSameNetworkAndMethods()
    {
        var district = District();
        var (read, problems) = RosterWorkbook.Read(Exported(), QuarterSimulation.Quarter.Start);
        Assert.Empty(problems);
        Assert.NotNull(read);
        Assert.Equal(district.Network.Bodies, read.Network.Bodies);
        Assert.Equal(district.Network.HomeUnits, read.Network.HomeUnits);
        Assert.Equal(district.Network.Staff, read.Network.Staff);
        Assert.Equal(district.Network.Posts, read.Network.Posts);
        // The hall and the 11 townships, each with a set for directors and one for window staff and agents.
        Assert.Equal(24, read.Methods.Count);
        Assert.Equal(district.Methods.Select(Describe), read.Methods.Select(Describe));
    }

    [Fact]
    public void ADistrictWithoutPostsOrMethods_WritesHeaderedSheets_AndReadsBack()
    {
        var district = District().Network;
        var bare = new DistrictRoster(new ServiceNetwork(district.Bodies, district.HomeUnits, district.Staff, [], QuarterSimulation.Quarter.Start), []);
        var path = Path.Combine(_dir, "bare.xlsx");
        using (var stream = File.Create(path))
        {
            RosterWorkbook.Write(bare, stream);
        }

        // The empty sheets keep their headers, so the office sees the columns to fill in.
        var header = MiniExcel.Query(path, useHeaderRow: false, sheetName: RosterWorkbook.Posts).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(["编号", "机构", "名称", "A岗", "B岗"], header.Values);
        var (read, problems) = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start);
        Assert.Empty(problems);
        Assert.Empty(read!.Network.Posts);
        Assert.Empty(read.Methods);
        Assert.Equal(district.Staff, read.Network.Staff);
    }

    [Fact]
    public void ABirthDateThatIsNoDate_IsNamedByItsCell()
    {
        var path = WithSheet(RosterWorkbook.Staff, rows => rows[10]["出生日期"] = "1990-02-30");
        Assert.StartsWith("人员!C12: '1990-02-30' is not a date", Problem(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1989/3/1")]
    [InlineData("1989.03.01")]
    [InlineData("1989年3月1日")]
    [InlineData("1989-03-01")]
    public void ADateTypedAsOfficesTypeIt_IsRead(string typed)
    {
        var path = WithSheet(RosterWorkbook.Staff, rows => rows[10]["出生日期"] = typed);
        var (roster, problems) = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start);
        Assert.Empty(problems);
        Assert.Equal(new NodaTime.LocalDate(1989, 3, 1), roster!.Network.Staff[10].BirthDate);
    }

    [Fact]
    public void AnUnknownBodyInAStaffRow_IsNamedByItsCell()
    {
        var path = WithSheet(RosterWorkbook.Staff, rows => rows[3]["进驻机构"] = "centre-999");
        Assert.Equal($"人员!F5: no service body centre-999 on the sheet {RosterWorkbook.Bodies}", Problem(path));
    }

    [Fact]
    public void AMissingRequiredColumn_IsNamed()
    {
        var path = WithSheet(RosterWorkbook.Staff, rows => rows.ForEach(r => r.Remove("出生日期")));
        Assert.Equal("人员!1: the column 出生日期 is missing", Problem(path));
    }

    [Fact]
    public void ADuplicateId_IsNamedByTheSecondRow()
    {
        // Two directors given one id (no A/B post names either, so the duplicate is the one problem).
        var path = WithSheet(RosterWorkbook.Staff, rows => rows[6]["编号"] = rows[3]["编号"]);
        Assert.Equal("人员!A8: the id samr-director appears twice", Problem(path));
    }

    [Fact]
    public void AVillageAgentAtATownshipCentre_IsNamedByItsCell()
    {
        var row = 0;
        var path = WithSheet(RosterWorkbook.Staff, rows =>
        {
            row = rows.FindIndex(r => (string?)r["角色"] == nameof(Role.VillageAgent));
            rows[row]["进驻机构"] = "centre-640502100";
        });
        Assert.StartsWith($"人员!F{row + 2}: a village agent", Problem(path), StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndicatorSetLeavingADimensionUnscored_IsNamedByItsFirstRow()
    {
        // The window-staff default's only probity indicator removed: Art. 26 asks for all five dimensions.
        var first = 0;
        var path = WithSheet(RosterWorkbook.Indicators, rows =>
        {
            first = rows.FindIndex(r => (string?)r["指标体系"] == "window-staff-default");
            rows.RemoveAt(rows.FindIndex(r => (string?)r["指标体系"] == "window-staff-default" && (string?)r["维度"] == nameof(Dimension.Probity)));
        });
        Assert.Equal($"考核指标!A{first + 2}: Indicator set 'window-staff-default' leaves Probity unscored; Art. 26 requires all five dimensions (德、能、勤、绩、廉).", Problem(path));
    }

    [Fact]
    public void AWeightThatIsNoPositiveNumber_AndAnUnknownDimension_AreNamedByTheirCells()
    {
        var path = WithSheet(RosterWorkbook.Indicators, rows =>
        {
            rows[2]["权重"] = "-5";
            rows[3]["维度"] = "智";
        });
        var problems = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start).Problems;
        Assert.Equal(["考核指标!F4: '-5' is not a positive number", "考核指标!E5: '智' is not a dimension of Art. 26 (德 能 勤 绩 廉, or Integrity, Ability, Diligence, Performance, Probity)"], problems);
    }

    [Fact]
    public void AMethodNamingAnUnknownSet_ACentre_OrABodyTwice_IsNamedByItsCell()
    {
        var path = WithSheet(RosterWorkbook.Methods, rows =>
        {
            rows[1]["指标体系"] = "no-such-set";
            rows[2]["考核单位"] = "centre-640502100";
            rows[5] = new Dictionary<string, object?>(rows[3]);
        });
        var problems = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start).Problems;
        Assert.Equal(3, problems.Count);
        Assert.Equal("考核办法!C3: no indicator set no-such-set on the sheet 考核指标", problems[0]);
        Assert.StartsWith("考核办法!A4: centre-640502100 is a TownshipCentre, which appraises nobody; its staff are appraised by their township (Arts. 24–25)", problems[1], StringComparison.Ordinal);
        Assert.Equal("考核办法!A7: township-640502100 already has a set for window staff and agents (row 5)", problems[2]);
    }

    [Fact]
    public void AMethodOfAHomeUnitThatIsNoTownship_IsNamedByItsCell()
    {
        var path = WithSheet(RosterWorkbook.Methods, rows => rows[3]["考核单位"] = "police-640502100");
        Assert.StartsWith("考核办法!A5: police-640502100 is a PoliceStation; Art. 27 has the service centre and each township", Problem(path), StringComparison.Ordinal);
    }

    [Fact]
    public void ARosterWithoutTheAppraisalSheets_ScoresEveryoneOnTheDefaults()
    {
        var source = Exported();
        var sheets = new Dictionary<string, object>();
        foreach (var name in MiniExcel.GetSheetNames(source).Where(n => n is not RosterWorkbook.Indicators and not RosterWorkbook.Methods))
        {
            sheets[name] = MiniExcel.Query(source, useHeaderRow: true, sheetName: name).ToList();
        }

        var path = Path.Combine(_dir, "no-appraisal-sheets.xlsx");
        MiniExcel.SaveAs(path, sheets);
        var (read, problems) = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start);
        Assert.Empty(problems);
        Assert.Empty(read!.Methods);
        var agent = read.Network.Staff.First(s => s.Role == Role.VillageAgent);
        Assert.Same(IndicatorSet.WindowStaffDefault, read.Schemes().For(agent.Role, [Party.Of(new HomeUnitId("township-640502100"))]));
    }

    [Fact]
    public void AColumnHeadedTwice_IsNamedByItsCell()
    {
        var source = Exported();
        var sheets = new Dictionary<string, object>();
        foreach (var name in MiniExcel.GetSheetNames(source))
        {
            var rows = MiniExcel.Query(source, useHeaderRow: false, sheetName: name).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
            if (name == RosterWorkbook.Posts)
            {
                rows[0]["E"] = "A岗"; // B岗 headed A岗 as well
            }

            sheets[name] = rows;
        }

        var path = Path.Combine(_dir, "twice.xlsx");
        MiniExcel.SaveAs(path, sheets, printHeader: false);
        Assert.Equal(["AB岗!E1: the column A岗 appears twice (first at D1)", "AB岗!1: the column B岗 is missing"], RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start).Problems);
    }

    [Fact]
    public void ExportAndCheck_WorkWhateverTheFileIsCalled_AndRefuseWhatIsNoWorkbook()
    {
        var export = SampleHost.RunIn(_dir, "roster", "export", "--output", "district");
        Assert.Equal(0, export.ExitCode);
        var check = SampleHost.RunIn(_dir, "roster", "check", "district");
        Assert.Equal(0, check.ExitCode);
        Assert.Contains("75 staff, 14 A/B posts, 24 appraisal methods on 2 indicator sets", check.StdOut, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_dir, "notes.xlsx"), "花名册见附件");
        var bad = SampleHost.RunIn(_dir, "roster", "check", "notes.xlsx");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("not a readable .xlsx workbook", bad.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad.StdErr, StringComparison.Ordinal);

        var nowhere = SampleHost.RunIn(_dir, "roster", "export", "--output", "no-such-folder/district.xlsx");
        Assert.Equal(2, nowhere.ExitCode);
        Assert.Contains("does not exist", nowhere.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhatARecordsConstructorRefuses_IsNamedByTheCellOfItsField()
    {
        // A centre without its parent, an id with a space, a name over 64 characters, one person as both A and B.
        var path = Exported();
        path = Rewrite(path, RosterWorkbook.Bodies, rows => rows[1]["上级机构"] = null);
        path = Rewrite(path, RosterWorkbook.Staff, rows =>
        {
            rows[3]["进驻机构"] = "centre 1";
            rows[4]["姓名"] = new string('张', 65);
        });
        path = Rewrite(path, RosterWorkbook.Posts, rows => rows[0]["B岗"] = rows[0]["A岗"]);
        var problems = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start).Problems;
        Assert.Equal(4, problems.Count);
        Assert.Equal("服务机构!D3: Service body centre-640502100: a TownshipCentre must name its parent body.", problems[0]);
        Assert.Equal("人员!F5: 'centre 1' is not a usable id (letters, digits, '-' and '_')", problems[1]);
        Assert.StartsWith("人员!B6: ", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("AB岗!E2: Post hall-hrss: the A and B holders must be two different people (Art. 12(6))", problems[3], StringComparison.Ordinal);
    }

    [Fact]
    public void WhatOnlyTheWholeNetworkShows_IsNamedByTheRecordsRowAndTheFieldsColumn()
    {
        // Hall window staff stationed at a township centre (Art. 2's tiers), and so an A/B post whose A holder is not at
        // the post's body.
        var path = WithSheet(RosterWorkbook.Staff, rows => rows[1]["进驻机构"] = "centre-640502100");
        var problems = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start).Problems;
        Assert.Equal(2, problems.Count);
        Assert.Equal("人员!F3: Staff member 'hrss-a': Role HallWindowStaff serves at the District tier, but StationedAt 'centre-640502100' is a TownshipCentre (Township tier).", problems[0]);
        Assert.Equal("AB岗!D2: Post 'hall-hrss': AHolder 'hrss-a' is not stationed at 'hall'.", problems[1]);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_AndTheMainJobWritesNothing()
    {
        var path = WithSheet(RosterWorkbook.Staff, rows =>
        {
            rows[0]["出生日期"] = "not a date";
            rows[1]["角色"] = "Chief";
            rows[2]["熟练使用计算机"] = "maybe";
        });
        var run = SampleHost.RunIn(_dir, "--roster", path);
        Assert.Equal(2, run.ExitCode);
        var lines = run.StdErr.ReplaceLineEndings("\n").Trim().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Contains("人员!C2:", lines[0], StringComparison.Ordinal);
        Assert.Contains("人员!E3:", lines[1], StringComparison.Ordinal);
        Assert.Contains("人员!H4:", lines[2], StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")), "a refused roster created the store");
    }

    [Fact]
    public void ADistrictOfItsOwn_IsSimulated_WithoutTheBuiltInDistrictsStory()
    {
        // A hall, one township with its centre, an A/B pair there and a third person on the roster not yet stationed:
        // none of the built-in district's named people or bodies, so its scripted days are skipped, not crashed on.
        var day = QuarterSimulation.Quarter.Start;
        var township = new HomeUnitId("t1");
        var centre = new ServiceBodyId("c1");
        StaffMember Person(string id, ServiceBodyId? at) =>
            new(new StaffId(id), "张" + id, new NodaTime.LocalDate(1990, 1, 1), township, Role.TownshipWindowStaff, at, true, true) { StationedOn = at is null ? null : new NodaTime.LocalDate(2021, 1, 4) };
        var network = new ServiceNetwork(
            [new(new ServiceBodyId("hall-x"), ServiceBodyKind.ServiceHall, "某区政务服务大厅"), new(centre, ServiceBodyKind.TownshipCentre, "某镇便民服务中心", new ServiceBodyId("hall-x"), township)],
            [new(township, HomeUnitKind.Township, "某镇人民政府")],
            [Person("p1", centre), Person("p2", centre), Person("p3", null)],
            [new(new PostId("post-1"), centre, "综合窗口", new StaffId("p1"), new StaffId("p2"))],
            day);
        var path = Path.Combine(_dir, "own.xlsx");
        using (var stream = File.Create(path))
        {
            RosterWorkbook.Write(new DistrictRoster(network, []), stream);
        }

        var folder = Directory.CreateDirectory(Path.Combine(_dir, "own")).FullName;
        var run = SampleHost.RunIn(folder, "--roster", path);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("--roster not used", run.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.Contains("全区 / whole district", run.StdOut, StringComparison.Ordinal);
        // The two stationed window staff are appraised; the one not yet stationed has no appraiser and is not.
        var grades = run.StdOut.Split('\n').Single(l => l.StartsWith("考核 / appraisal:", StringComparison.Ordinal));
        var counts = System.Text.RegularExpressions.Regex.Matches(grades, @"\d+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, counts.Sum());

        // Run again with the built-in district's roster: the store keeps its own and says the roster was not used.
        var again = SampleHost.RunIn(folder, "--roster", Exported());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("--roster not used: this store already holds its district", again.StdOut, StringComparison.Ordinal);
        Assert.Equal(grades, again.StdOut.Split('\n').Single(l => l.StartsWith("考核 / appraisal:", StringComparison.Ordinal)));
    }

    [Fact]
    public void ExportingAndReseeding_SimulatesTheSameQuarter()
    {
        var seeded = Directory.CreateDirectory(Path.Combine(_dir, "seeded")).FullName;
        var roster = Path.Combine(_dir, "shapotou.xlsx");
        Assert.Equal(0, SampleHost.RunIn(_dir, "roster", "export", "--output", roster).ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data"))); // export records nothing
        // The built-in district's quarter, simulated once for the assembly, against one seeded from its roster.
        var builtIn = SimulatedQuarter.Shared.MainOutput;
        var b = SampleHost.RunIn(seeded, "--roster", roster);
        Assert.Equal(0, b.ExitCode);
        static string Summary(string output) => string.Join("\n", output.ReplaceLineEndings("\n").Split('\n').Where(l => !l.StartsWith("Store", StringComparison.Ordinal) && !l.StartsWith("Done in", StringComparison.Ordinal)));
        Assert.Contains("全区 / whole district", builtIn, StringComparison.Ordinal);
        Assert.Equal(Summary(builtIn), Summary(b.StdOut));
    }
}
