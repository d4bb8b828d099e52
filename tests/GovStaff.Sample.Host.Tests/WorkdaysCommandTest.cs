namespace GovStaff.Sample.Host.Tests;

/// <summary>The <c>workdays</c> commands end to end; the configured calendar is national + Ningxia.</summary>
public class WorkdaysCommandTest
{
    [Theory]
    [InlineData("2022-09-30", "1", "2022-10-08")]   // last working day before National Day → the adjusted Saturday
    [InlineData("2022-09-28", "20", "2022-10-31")]
    [InlineData("2021-05-12", "1", "2021-05-17")]   // Ningxia: 13–14 May 2021 are 开斋节
    public void Add_PrintsTheNthWorkingDayAloneOnItsLine(string date, string n, string expected)
    {
        var r = SampleHost.Run("workdays", "add", date, n);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected + "\n", r.StdOut.Replace("\r\n", "\n"));
    }

    [Fact]
    public void Add_NationalCalendar_IgnoresTheNingxiaOverlay()
    {
        var r = SampleHost.Run("workdays", "add", "2021-05-12", "1", "--calendar", "national");
        Assert.Equal("2021-05-13", r.StdOut.Trim());
    }

    [Fact]
    public void Count_IsInclusive()
    {
        var r = SampleHost.Run("workdays", "count", "2022-10-01", "2022-10-31");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("18", r.StdOut.Trim());
    }

    [Theory]
    [InlineData("2022-10-08", "workday (adjusted workday for 国庆节)")]
    [InlineData("2022-10-03", "rest day (国庆节)")]
    [InlineData("2022-10-15", "rest day (weekend)")]
    [InlineData("2022-10-10", "workday")]
    [InlineData("2022-07-11", "rest day (古尔邦节, ningxia)")]
    public void Is_PrintsTheStatusWithItsReason(string date, string expected)
    {
        var r = SampleHost.Run("workdays", "is", date);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(expected, r.StdOut.Trim());
    }

    [Theory]
    [InlineData("workdays", "is", "2022-13-01")]
    [InlineData("workdays", "is", "yesterday")]
    [InlineData("workdays", "add", "2022-10-01", "0")]
    [InlineData("workdays", "add", "2022-10-01", "x")]
    [InlineData("workdays", "is", "2030-01-01", "--calendar", "national")]
    [InlineData("workdays", "is", "2024-10-01")]
    [InlineData("workdays", "is", "2022-10-01", "--calendar", "moon")]
    [InlineData("workdays", "count", "2022-10-05", "2022-10-01")]
    public void BadInput_IsAClearErrorOnStderr_WithExitCode2(params string[] args)
    {
        var r = SampleHost.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal(string.Empty, r.StdOut);
        Assert.False(string.IsNullOrWhiteSpace(r.StdErr));
        Assert.DoesNotContain("   at ", r.StdErr); // a message, not a stack trace
    }

    [Fact]
    public void OutsideTheOverlaysData_SaysWhyAndWhatToDo()
    {
        var r = SampleHost.Run("workdays", "is", "2024-10-01");
        Assert.Contains("'ningxia' holds no data for 2024", r.StdErr);
        Assert.Contains("--calendar national", r.StdErr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("catalogue")]
    [InlineData("workdays")]
    [InlineData("workdays add")]
    [InlineData("workdays count")]
    [InlineData("workdays is")]
    [InlineData("graph")]
    [InlineData("replay")]
    [InlineData("report")]
    public void EveryCommand_HasHelpWithExamples(string command)
    {
        var r = SampleHost.Run([.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Examples:", r.StdOut);
        if (command.StartsWith("workdays ", StringComparison.Ordinal))
        {
            Assert.Contains("--calendar", r.StdOut);
        }
    }
}

/// <summary>The catalogue: the articles and a few nominations.</summary>
public class OverviewTest
{
    [Fact]
    public void TheCatalogue_ListsTheArticlesAndJudgesNominationsWithCitations_RecordingNothing()
    {
        var dir = Directory.CreateTempSubdirectory("govstaff-sample-").FullName;
        var r = SampleHost.RunIn(dir, "catalogue");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("31 articles in 7 chapters", r.StdOut);
        Assert.Contains("刘芳 → 滨河镇民生服务中心 (township window staff): Refused", r.StdOut);
        Assert.Contains("第四条 / Art. 4: 选派之日（2022-10-10）已满46周岁", r.StdOut);
        Assert.Contains("第五条 / Art. 5", r.StdOut);
        Assert.Contains("[shapotou-2021-trial]", r.StdOut);
        Assert.Contains("Nothing recorded", r.StdOut);
        Assert.False(Directory.Exists(Path.Combine(dir, "data"))); // no database file or folder
        Directory.Delete(dir, recursive: true);
    }
}

/// <summary><c>graph</c> end to end: the printed diagram is the committed one.</summary>
public class GraphCommandTest
{
    private static string Committed(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "GovStaff.Policy.sln")))
        {
            dir = dir.Parent;
        }

        return File.ReadAllText(Path.Combine(dir.FullName, "docs", "diagrams", file));
    }

    [Theory]
    [InlineData("leave", "mermaid", "leave.mmd")]
    [InlineData("transfer", "dot", "transfer.dot")]
    [InlineData("recall", "mermaid", "recall.mmd")]
    public void Graph_PrintsTheCommittedDiagram(string lifecycle, string format, string file)
    {
        var r = SampleHost.Run("graph", lifecycle, "--format", format);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(Committed(file), r.StdOut.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("graph", "holiday")]
    [InlineData("graph", "leave", "--format", "svg")]
    public void Graph_UnknownLifecycleOrFormat_IsExitCode2(params string[] args)
    {
        var r = SampleHost.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error:", r.StdErr);
    }
}
