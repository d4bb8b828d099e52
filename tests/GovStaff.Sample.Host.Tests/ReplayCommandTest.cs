using Snapshooter.Xunit;

namespace GovStaff.Sample.Host.Tests;

/// <summary><c>replay</c> end to end: the two example scenarios, and malformed files.</summary>
public sealed class ReplayCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Example(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "GovStaff.Policy.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "samples", "GovStaff.Sample.Host", "scenarios", name);
    }

    [Theory]
    [InlineData("binhe-leave-and-cases.json")]
    [InlineData("wenchang-staffing.json")]
    public void ExampleScenarios_ReplayWithTheExpectedDecisions(string file)
    {
        var r = SampleHost.RunIn(_dir, "replay", Example(file));
        Assert.Equal(0, r.ExitCode);
        Snapshot.Match(r.StdOut.Replace("\r\n", "\n"), new Snapshooter.SnapshotNameExtension(Path.GetFileNameWithoutExtension(file)));
    }

    [Fact]
    public void TheBinheExample_RefusesTheUncoveredLeaveAndThePromiseAboveTheStatutoryLimit()
    {
        var lines = SampleHost.RunIn(_dir, "replay", Example("binhe-leave-and-cases.json"), "--no-store").StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"type\":\"approveLeave\",\"id\":\"L2\",\"outcome\":\"refused\"", lines[4]);
        Assert.Contains("第十二条第（六）项", lines[4]);
        Assert.Contains("\"id\":\"C1\",\"outcome\":\"refused\"", lines[5]);
        Assert.Contains("\"id\":\"C2\",\"outcome\":\"refused\"", lines[10]); // closing without feedback
    }

    [Fact]
    public void APinnedPolicyVersion_JudgesEveryAction_AndRefusesDatesBeforeItUnderArt31()
    {
        var example = File.ReadAllText(Example("binhe-leave-and-cases.json"));
        var pinned = Path.Combine(_dir, "pinned.json");
        File.WriteAllText(pinned, "{ \"policyVersion\": \"shapotou-2021-trial\"," + example.TrimStart()[1..]);
        var asBefore = SampleHost.RunIn(_dir, "replay", Example("binhe-leave-and-cases.json"), "--no-store");
        var run = SampleHost.RunIn(_dir, "replay", pinned, "--no-store");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(asBefore.StdOut, run.StdOut); // the version in force on those dates anyway

        // A host with a second version from 2024; the file pins it for its 2022 actions, before that version took effect.
        var secondVersion = new Dictionary<string, string>
        {
            ["GovStaffPolicy__Versions__1__Id"] = "shapotou-2024",
            ["GovStaffPolicy__Versions__1__TitleZh"] = "修订版",
            ["GovStaffPolicy__Versions__1__TitleEn"] = "Revised",
            ["GovStaffPolicy__Versions__1__EffectiveFrom"] = "2024-01-01",
        };
        var early = Path.Combine(_dir, "early.json");
        File.WriteAllText(early, File.ReadAllText(pinned).Replace("shapotou-2021-trial", "shapotou-2024"));
        var refused = SampleHost.RunIn(_dir, secondVersion, "replay", early, "--no-store");
        Assert.True(refused.ExitCode == 0, refused.StdErr);
        var lines = refused.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        // Every action is refused under Art. 31 — except a citizen's rating or complaint, which is recorded with a notice.
        Assert.All(lines, l => Assert.Contains("第三十一条", l));
        Assert.All(lines.Where(l => !l.Contains("照常记录", StringComparison.Ordinal)), l => Assert.Contains("\"outcome\":\"refused\"", l));
        Assert.Contains(lines, l => l.Contains("\"type\":\"rate\"", StringComparison.Ordinal) && l.Contains("照常记录", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_JudgesEveryShippedExpectation_AndWritesJUnit()
    {
        var junit = Path.Combine(_dir, "expectations.xml");
        var r = SampleHost.RunIn(_dir, "replay", "--check", Path.GetDirectoryName(Example("binhe-leave-and-cases.json"))!, "--junit", junit);
        Assert.True(r.ExitCode == 0, r.StdOut + r.StdErr);
        var summary = r.StdOut.Trim().Split('\n')[^1];
        Assert.Matches(@"^(\d+) of \1 expectations hold$", summary);
        Assert.True(int.Parse(summary.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) > 150, summary);
        var xml = System.Xml.Linq.XDocument.Load(junit);
        Assert.Equal("0", xml.Root!.Attribute("failures")!.Value);
        Assert.Equal(summary.Split(' ')[0], xml.Root.Attribute("tests")!.Value);
        // --check records nothing and creates no database.
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    [Fact]
    public void Check_AFailedExpectation_IsOneLineNamingFileLineAndWhatDiffered_ExitCode1()
    {
        var example = File.ReadAllText(Example("wenchang-staffing.json"));
        const string Expected = "\"expect\": {\"outcome\": \"refused\", \"cites\": [\"第六条\"]}";
        Assert.Contains(Expected, example);
        var wrong = Path.Combine(_dir, "wrong.json");
        File.WriteAllText(wrong, example.Replace(Expected, "\"expect\": {\"outcome\": \"permitted\", \"cites\": [\"Art. 6\", \"Art. 12(6)\"], \"messages\": [\"不存在的文字\"]}"));
        var junit = Path.Combine(_dir, "wrong.xml");
        var r = SampleHost.RunIn(_dir, "replay", "--check", wrong, "--junit", junit);
        Assert.Equal(1, r.ExitCode);
        var lines = r.StdOut.Trim().Split('\n');
        Assert.Equal(4, lines.Length); // three failed parts of one expectation, then the summary
        Assert.All(lines[..3], l => Assert.StartsWith(wrong + ":", l));
        Assert.Contains("actions[3] (nominate): outcome: expected permitted, got refused", lines[0]);
        Assert.Contains("cites: 第十二条第（六）项 / Art. 12(6) does not appear", lines[1]);
        Assert.Contains("messages: \"不存在的文字\" does not appear", lines[2]);
        Assert.Matches(@"^(\d+) of (\d+) expectations hold$", lines[3]);
        var failures = System.Xml.Linq.XDocument.Load(junit).Descendants("failure").ToList();
        Assert.Equal(3, failures.Count);
        Assert.All(failures, f => Assert.Equal("testcase", f.Parent!.Name.LocalName));
    }

    [Fact]
    public void Check_AMalformedFile_IsExitCode2()
    {
        var bad = Path.Combine(_dir, "bad.json");
        File.WriteAllText(bad, "{ \"network\": 1, \"actions\": [] }");
        var r = SampleHost.RunIn(_dir, "replay", "--check", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.json, line 1, field 'network'", r.StdErr);
    }

    [Fact]
    public void ASelfContainedScenario_In2045_RunsUnderItsOwnVersionAndCalendar_WithoutEditingTheHost()
    {
        var r = SampleHost.RunIn(_dir, "replay", Example("self-contained-2045.json"), "--no-store");
        Assert.True(r.ExitCode == 0, r.StdErr);
        var lines = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"policyVersion\":\"shapotou-2045\"", l));
        Assert.Contains("\"type\":\"approveLeave\",\"id\":\"L1\",\"outcome\":\"permitted\"", lines[2]);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));

        // Without its declarations the same actions are judged by the host: 2045 is outside Art. 31's period and the calendar.
        var bare = Path.Combine(_dir, "bare.json");
        var doc = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Example("self-contained-2045.json")))!.AsObject();
        doc.Remove("versions");
        doc.Remove("calendar");
        doc.Remove("$schema");
        File.WriteAllText(bare, doc.ToJsonString());
        var refused = SampleHost.RunIn(_dir, "replay", bare, "--no-store");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("outside the calendar's data", refused.StdErr);
    }

    [Fact]
    public void ADateBeyondTheCalendar_IsRefusedUpFront_OnlyForActionsThatCountWorkingDays()
    {
        var example = File.ReadAllText(Example("wenchang-staffing.json"));
        var doc = System.Text.Json.Nodes.JsonNode.Parse(example)!.AsObject();
        doc["actions"] = new System.Text.Json.Nodes.JsonArray(
            System.Text.Json.Nodes.JsonNode.Parse("{ \"type\": \"nominate\", \"at\": \"2045-10-10\", \"staff\": \"cand-young\", \"body\": \"wenchang-centre\", \"role\": \"townshipWindowStaff\" }"));
        var file = Path.Combine(_dir, "nominate-2045.json");
        File.WriteAllText(file, doc.ToJsonString());
        var r = SampleHost.RunIn(_dir, "replay", file, "--no-store");
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("第三十一条", r.StdOut); // judged, and refused only because no version of the measures is in force
    }

    [Theory]
    [InlineData("workdays", "add", "2022-09-30", "1")]
    [InlineData("graph", "leave")]
    [InlineData("catalogue")]
    public void CommandsThatRecordNothing_CreateNoDatabase(params string[] args)
    {
        var r = SampleHost.RunIn(_dir, args);
        Assert.Equal(0, r.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
        var replay = SampleHost.RunIn(_dir, "replay", Example("binhe-leave-and-cases.json"), "--no-store");
        Assert.Equal(0, replay.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    // A refused decision never acts: a police adjustment refused because the person is not police staff stays a draft,
    // so reviewing, approving and carrying it out are refused too, and no event or notification is stored for any of it.
    [Fact]
    public void ARefusedRequest_CanNeverBeActedOn_AndStoresNoEvent()
    {
        var example = File.ReadAllText(Example("wenchang-staffing.json"));
        const string Request = "{ \"type\": \"requestTransfer\", \"at\": \"2022-10-17\", \"id\": \"T2\", \"staff\": \"wc-window\", \"kind\": \"rotation\", \"stationedOn\": \"2021-03-01\", \"reason\": \"轮岗\", \"actor\": { \"person\": \"镇政府\", \"unit\": \"wenchang\" }, \"expect\": {\"outcome\": \"requiresApproval\", \"cites\": [\"第四条\"], \"codes\": [\"art4.stability-no-reason\"]} }";
        Assert.Contains(Request, example);
        var notPolice = Request.Replace("\"rotation\"", "\"policeAdjustment\"").Replace("第四条", "第七条");
        string Step(string type, string at, string actor) => $"{{ \"type\": \"{type}\", \"at\": \"{at}\", \"id\": \"T2\", \"actor\": {actor} }}";
        const string Centre = "{ \"person\": \"杨丽\", \"body\": \"wenchang-centre\" }";
        const string Township = "{ \"person\": \"镇政府\", \"unit\": \"wenchang\" }";
        var scenario = Path.Combine(_dir, "refused.json");
        File.WriteAllText(scenario, example.Replace(Request, string.Join(",\n    ",
            notPolice, Step("reviewTransfer", "2022-10-18", Centre), Step("approveTransfer", "2022-10-19", Centre), Step("executeTransfer", "2022-10-20", Township))));

        var run = SampleHost.RunIn(_dir, "replay", scenario);
        Assert.Equal(0, run.ExitCode);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("\"id\":\"T2\"")).ToArray();
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Contains("\"outcome\":\"refused\"", l));
        Assert.Contains("第七条", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains("未提交", l));

        var audit = StoredAudit.ReadSqlite(_dir).Where(a => a.Subject == "transfer:T2").ToList();
        Assert.Equal(4, audit.Count(a => a.Kind.StartsWith("decision:", StringComparison.Ordinal)));
        Assert.DoesNotContain(audit, a => a.Kind.StartsWith("event:", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnauthorisedApproval_IsRecordedAsARefusal_AndChangesNothing()
    {
        // The hall approves leave of township centre staff, which Art. 16 gives to the township centre; then the centre
        // approves it. The refusal must be in the audit trail, and must not have moved the request.
        var example = File.ReadAllText(Example("binhe-leave-and-cases.json"));
        const string Approval = "{ \"type\": \"approveLeave\", \"at\": \"2022-10-13\", \"id\": \"L1\", \"actor\": { \"person\": \"马志强\", \"body\": \"binhe-centre\" }, \"expect\": {\"outcome\": \"permitted\", \"cites\": [\"第十二条第（六）项\"]} }";
        Assert.Contains(Approval, example);
        var scenario = Path.Combine(_dir, "unauthorised.json");
        File.WriteAllText(scenario, example.Replace(Approval, Approval.Replace("马志强", "大厅某人").Replace("binhe-centre", "hall").Replace("\"permitted\"", "\"refused\"").Replace("第十二条第（六）项", "第十六条") + ",\n    " + Approval));

        var run = SampleHost.RunIn(_dir, "replay", scenario);
        Assert.Equal(0, run.ExitCode);
        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("\"type\":\"approveLeave\",\"id\":\"L1\",\"outcome\":\"refused\"", lines[2]);
        Assert.Contains("第十六条", lines[2]);
        Assert.Contains("\"type\":\"approveLeave\",\"id\":\"L1\",\"outcome\":\"permitted\"", lines[3]);

        var audit = StoredAudit.ReadSqlite(_dir).Where(a => a.Subject == "leave:L1").ToList();
        var approvals = audit.Where(a => a.Kind == "decision:leave.approve").ToList();
        Assert.Equal(2, approvals.Count);
        Assert.Contains("\"outcome\":\"refused\"", approvals[0].Json);
        Assert.Contains("leave.unauthorised", approvals[0].Json);
        Assert.Contains("\"outcome\":\"permitted\"", approvals[1].Json);
        // One approval event, after the permitted decision: the refusal raised none and left the request as it was.
        var approved = Assert.Single(audit, a => a.Kind == "event:leave.approve");
        Assert.True(approved.Sequence > approvals[1].Sequence);
        // The event names the states it moved between and keeps the leave's own dates.
        Assert.Contains("\"fromState\":\"Requested\"", approved.Json);
        Assert.Matches("\"from\":\"\\d{4}-\\d{2}-\\d{2}\"", approved.Json);
    }

    [Theory]
    [InlineData("{ \"network\": ", "line 1", "malformed JSON")]
    [InlineData("{\n \"actions\": []\n}", "field 'network'", "is missing")]
    [InlineData(Valid + "{ \"type\": \"fly\", \"at\": \"2022-10-10\" }]}", "field 'actions[0].type'", "unknown action 'fly'")]
    [InlineData(Valid + "{ \"type\": \"nominate\", \"at\": \"2022-10-10\", \"staff\": \"ghost\", \"body\": \"c\", \"role\": \"townshipWindowStaff\" }]}", "field 'actions[0].staff'", "no staff member has id 'ghost'")]
    [InlineData(Valid + "{ \"type\": \"approveLeave\", \"at\": \"2022-10-10\", \"id\": \"L9\", \"actor\": { \"person\": \"x\", \"body\": \"c\" } }]}", "field 'actions[0].id'", "no earlier requestLeave has id 'L9'")]
    [InlineData(Valid + Leave + "," + Leave + "]}", "field 'actions[1].id'", "already used")]
    [InlineData(Valid + "{ \"type\": \"checkDirectors\", \"at\": \"2022-10-10\" },\n{ \"type\": \"checkDirectors\", \"at\": \"2022-10-09\" }]}", "line 6, field 'actions[1].at'", "before the previous action")]
    [InlineData(Valid + "{ \"type\": \"requestLeave\", \"at\": \"2022-10-10\", \"id\": \"L1\", \"staff\": \"s\", \"from\": \"2022-10-11\", \"to\": \"2049-10-11\", \"reason\": \"x\", \"actor\": { \"person\": \"x\", \"body\": \"c\" } }]}", "field 'actions[0].to'", "not plausible")]
    [InlineData(Valid + "{ \"type\": \"checkDirectors\", \"at\": \"2022-13-40\" }]}", "field 'actions[0].at'", "")]
    [InlineData(Valid + "{ \"type\": \"acceptCase\", \"at\": \"2022-10-10\", \"id\": \"C\", \"body\": \"c\", \"staff\": \"s\", \"item\": \"i\", \"promisedLimit\": -5, \"actor\": { \"person\": \"x\", \"body\": \"c\" } }]}", "field 'actions[0].promisedLimit'", "1–365")]
    [InlineData(Valid + "{ \"type\": \"signIn\", \"at\": \"2030-01-02\", \"staff\": \"s\", \"time\": \"09:00\" }]}", "field 'actions[0].at'", "outside the calendar's data")]
    [InlineData(Valid + "{ \"type\": \"complain\", \"at\": \"2022-10-10\", \"id\": \"K\", \"body\": \"c\", \"summary\": \"s\", \"about\": \"\", \"actor\": { \"person\": \"x\", \"body\": \"c\" } }]}", "field 'actions[0].about'", "must not be blank")]
    [InlineData(Valid + "{ \"type\": \"complain\", \"at\": \"2022-10-10\", \"id\": \"K\", \"body\": \"c\", \"summary\": \"s\", \"actor\": { \"person\": \"x\", \"body\": \" \" } }]}", "field 'actions[0].actor.body'", "must not be blank")]
    // Found by the fuzz test: an id the entity refuses (here a rating's, with a trailing space) is the file's fault.
    [InlineData(Valid + "{ \"type\": \"rate\", \"at\": \"2022-10-10\", \"id\": \"R1 \", \"body\": \"c\", \"level\": \"satisfied\" }]}", "field 'actions[0].id'", "must not contain white space")]
    public void MalformedScenarios_AreExitCode2_NamingFileLineAndField_AndWriteNothing(string json, string where, string what) =>
        AssertRejected(json, where, what);

    [Theory]
    [InlineData("\"shapotou-2030\"", "line 2, field 'policyVersion'", "unknown policy version 'shapotou-2030'; configured: shapotou-2021-trial")]
    [InlineData("7", "line 2, field 'policyVersion'", "must be the id of a configured policy version")]
    public void AnUnknownOrMalformedPinnedPolicyVersion_IsExitCode2_NamingLineAndField(string value, string where, string what) =>
        AssertRejected("{\n \"policyVersion\": " + value + ",\n" + Valid.TrimStart()[1..] + "]}", where, what);

    private void AssertRejected(string json, string where, string what)
    {
        var file = Path.Combine(_dir, "bad.json");
        File.WriteAllText(file, json);
        var r = SampleHost.RunIn(_dir, "replay", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.StdOut);
        Assert.StartsWith("error: " + file, r.StdErr);
        Assert.Contains(where, r.StdErr);
        Assert.Contains(what, r.StdErr);
        Assert.False(File.Exists(Path.Combine(_dir, "data", "govstaff.db")) && new FileInfo(Path.Combine(_dir, "data", "govstaff.db")).Length > 0 && HasAudit());
    }

    private bool HasAudit()
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "data", "govstaff.db")};Mode=ReadOnly");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit';";
        if ((long)cmd.ExecuteScalar()! == 0)
        {
            return false;
        }

        cmd.CommandText = "SELECT COUNT(*) FROM audit;";
        return (long)cmd.ExecuteScalar()! > 0;
    }

    private const string Valid = """
        { "network": { "asOf": "2022-10-01",
          "bodies": [ { "id": "h", "kind": "serviceHall", "name": "大厅" }, { "id": "c", "kind": "townshipCentre", "name": "中心", "parentId": "h", "locality": "t" } ],
          "homeUnits": [ { "id": "t", "kind": "township", "name": "镇" } ],
          "staff": [ { "id": "s", "name": "张三", "birthDate": "1990-01-01", "homeUnitId": "t", "role": "townshipWindowStaff", "stationedAt": "c" } ], "posts": [] },
          "actions": [
        """;

    private const string Leave = """{ "type": "requestLeave", "at": "2022-10-10", "id": "L1", "staff": "s", "from": "2022-10-11", "to": "2022-10-12", "reason": "x", "actor": { "person": "x", "body": "c" } }""";
}
