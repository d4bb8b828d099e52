using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// <c>report</c> end to end: the main job seeds and simulates the quarter once, then each format is read back from the
/// same store and checked against the figures the main job printed.
/// </summary>
public sealed class ReportCommandTest
{
    private readonly SimulatedQuarter _quarter = SimulatedQuarter.Shared;

    [Fact]
    public void Html_IsWellFormed_WithTablesAndCharts_AndTheSeededQuarterFigures()
    {
        var r = SampleHost.RunIn(_quarter.Dir, "report", "--quarter", "2022Q4", "--format", "html");
        Assert.Equal(0, r.ExitCode);

        // Throws if any element is unclosed or any text unescaped.
        var page = XDocument.Load(XmlReader.Create(new StringReader(r.StdOut), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));
        var html = page.Root!;
        Assert.Equal("html", html.Name.LocalName);
        var svg = XNamespace.Get("http://www.w3.org/2000/svg");
        var charts = page.Descendants(svg + "svg").Select(e => (string)e.Attribute("id")!).ToArray();
        Assert.Equal(["chart-on-time", "chart-satisfaction"], charts);
        Assert.Equal(2, page.Descendants("table").Count());

        // The whole-district row carries the same figures the main job printed from the same store.
        var district = page.Descendants("tr").Single(tr => tr.Elements("td").FirstOrDefault()?.Value == "全区 / whole district");
        var cells = district.Elements("td").Skip(1).Select(td => td.Value).ToArray();
        Assert.Equal(DistrictFigures(_quarter.MainOutput), cells);

        // One bar per service body in each chart, with a label for each township centre of the seed.
        var bodies = page.Descendants("table").Last().Element("tbody")!.Elements("tr").Count();
        foreach (var id in charts)
        {
            var chart = page.Descendants(svg + "svg").Single(e => (string)e.Attribute("id")! == id);
            Assert.Equal(bodies, chart.Elements(svg + "text").Count(t => t.Attribute("text-anchor") is not null));
        }

        Assert.Contains(page.Descendants(svg + "text"), t => t.Value.Contains("滨河镇", StringComparison.Ordinal));
        Assert.Contains("第二十九条 / Art. 29", r.StdOut);
        Assert.Contains("(640502105-b): 连续2次季度考核不合格（2022Q3、2022Q4），予以退回并重新选派。", r.StdOut);
    }

    [Fact]
    public void Markdown_IsTheDefault_AndMatchesTheMainJob()
    {
        var r = SampleHost.RunIn(_quarter.Dir, "report", "--quarter", "2022Q4");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("# 沙坡头区2022年第4季度政务服务情况", r.StdOut);
        var district = r.StdOut.Split('\n').Single(l => l.StartsWith("| 全区 / whole district |", StringComparison.Ordinal));
        var cells = district.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(DistrictFigures(_quarter.MainOutput), cells);
        Assert.Contains("(640502105-b): 连续2次季度考核不合格（2022Q3、2022Q4），予以退回并重新选派。", r.StdOut);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"点击\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"点击\"\")\"")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "\"'\rcmd\"")]
    [InlineData("宣和镇便民服务中心", "宣和镇便民服务中心")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("", "")]
    public void CsvCells_ThatASpreadsheetWouldRunAsAFormula_AreKeptAsText(string name, string cell) =>
        Assert.Equal(cell, ReportCommand.CsvField(name));

    [Fact]
    public void Csv_HasOneRowPerBodyTierAndDistrict_WithRatesAsFractions()
    {
        var r = SampleHost.RunIn(_quarter.Dir, "report", "--format", "csv");
        Assert.Equal(0, r.ExitCode);
        var lines = r.StdOut.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(17, header.Length);
        Assert.All(lines, l => Assert.Equal(17, l.Split(',').Length));
        Assert.Equal(3, lines.Count(l => l.Split(',')[1] == "tier"));
        var district = lines.Single(l => l.Split(',')[1] == "district").Split(',');
        var printed = DistrictFigures(_quarter.MainOutput);
        Assert.Equal(printed[0], district[Array.IndexOf(header, "cases_accepted")]);
        var onTime = decimal.Parse(district[Array.IndexOf(header, "on_time_rate")], CultureInfo.InvariantCulture);
        Assert.Equal(printed[2], (onTime * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%");

        // The district's cases are the sum of its bodies'.
        var bodies = lines.Skip(1).Where(l => l.Split(',')[1] == "body").Sum(l => int.Parse(l.Split(',')[4], CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(printed[0], CultureInfo.InvariantCulture), bodies);
    }

    [Theory]
    [InlineData("2022Q5", 2, "--quarter")]
    [InlineData("2024Q4", 3, "no data for 2024Q4")]
    public void AnotherQuarter_IsRefusedWithAClearError(string quarter, int exitCode, string message)
    {
        var r = SampleHost.RunIn(_quarter.Dir, "report", "--quarter", quarter);
        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains(message, r.StdErr);
        Assert.Equal("", r.StdOut);
    }

    [Fact]
    public void AnEmptyStore_SaysToRunTheMainJobFirst()
    {
        var empty = Directory.CreateTempSubdirectory("govstaff-report-empty-").FullName;
        try
        {
            var r = SampleHost.RunIn(empty, "report", "--format", "html");
            Assert.Equal(3, r.ExitCode);
            Assert.Contains("run the main job first", r.StdErr);
            Assert.False(Directory.Exists(Path.Combine(empty, "data")), "a command that only reads created a store");
            Assert.Equal(3, SampleHost.RunIn(empty, "outbox", "list").ExitCode);
            Assert.False(Directory.Exists(Path.Combine(empty, "data")), "a command that only reads created a store");
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Help_ShowsExamples()
    {
        var r = SampleHost.Run("report", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("report --quarter 2022Q4 --format html", r.StdOut);
    }

    /// <summary>The whole-district figures from the main job's fixed-width table, by column.</summary>
    private static string[] DistrictFigures(string mainOutput)
    {
        var line = mainOutput.Split('\n').Single(l => l.StartsWith("全区 / whole district", StringComparison.Ordinal));
        return line["全区 / whole district".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
