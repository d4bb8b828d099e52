namespace GovStaff.Sample.Host.Tests;

/// <summary>The main job end to end: a seeded Shapotou district, 2022 Q4 simulated on the embedded SQLite store.</summary>
public sealed class MainJobTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-main-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TheMainJob_SimulatesTheQuarter_PrintsTheTiersAndSanctions_AndASecondRunAddsNothing()
    {
        // No wall-clock assertion: CI shares a busy machine; the job's duration belongs in benchmarks.
        var first = SampleHost.RunIn(_dir);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Seeded and simulated 92 days", first.StdOut);
        foreach (var tier in new[] { "县级 / hall", "乡级 / township centres", "村级 / village centres", "全区 / whole district" })
        {
            Assert.Contains(tier, first.StdOut);
        }

        // The scripted refusals of the quarter, by the article they rest on.
        foreach (var article in new[] { "第四条 / Art. 4", "第六条 / Art. 6", "第七条 / Art. 7", "第十二条第（六）项 / Art. 12(6)" })
        {
            Assert.Contains(article, first.StdOut);
        }

        // One person failed 2022Q3 and 2022Q4: returned; another failed once: admonished.
        Assert.Contains("(640502105-b): 连续2次季度考核不合格（2022Q3、2022Q4），予以退回并重新选派。", first.StdOut);
        Assert.Contains("(640502108-a): 2022Q4考核不合格，进行诫勉谈话", first.StdOut);
        Assert.Contains("[第二十九条 / Art. 29]", first.StdOut);
        Assert.True(File.Exists(Path.Combine(_dir, "data", "govstaff.db")));
        // What the quarter queued is delivered before the job exits, and the summary says so.
        var summary = System.Text.RegularExpressions.Regex.Match(first.StdOut, @"Notifications: (\d+) delivered, (\d+) pending");
        Assert.True(summary.Success, first.StdOut);
        Assert.True(int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 1000);
        Assert.Equal("0", summary.Groups[2].Value);

        var second = SampleHost.RunIn(_dir);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Already simulated; showing the stored quarter (nothing added)", second.StdOut);
        // The same quarter, read back from the store.
        Assert.Equal(Table(first.StdOut), Table(second.StdOut));
    }

    private static string Table(string output) =>
        string.Join('\n', output.Split('\n').SkipWhile(l => !l.StartsWith("沙坡头区", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("Done in", StringComparison.Ordinal)));

    [Theory]
    [InlineData("mysql", null, "Sample:Storage is 'mysql'")]
    [InlineData("postgresql", null, "Sample:ConnectionString is empty")]
    public void AStoreTheSampleCannotUse_IsAConfigurationError_WithExitCode2_AndNothingWritten(string storage, string? connectionString, string message)
    {
        var environment = new Dictionary<string, string> { ["Sample__Storage"] = storage };
        if (connectionString is not null)
        {
            environment["Sample__ConnectionString"] = connectionString;
        }

        var run = SampleHost.RunIn(_dir, environment);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.StdErr);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }

    [Theory]
    [InlineData("\"AgeLimitYears\": 45,", "\"AgeLimitYears\": 45,,", "appsettings.json, line 21, position 31: ',' is an invalid start of a property name.")]
    [InlineData("\"AgeLimitYears\": 45,", "\"AgeLimitYears\": \"forty\",", "GovStaffPolicy:Versions:0:Options:AgeLimitYears must be a whole number; got 'forty'.")]
    [InlineData("\"AgeLimitYears\": 45,", "\"AgeLimitYear\": 40,", "GovStaffPolicy:Versions:0:Options:AgeLimitYear is not a setting")]
    public void ABrokenSettingsFile_IsAConfigurationError_NamingWhere_WithExitCode2(string setting, string broken, string message)
    {
        var run = SampleHost.RunWithSettings(_dir, s => s.Contains(setting, StringComparison.Ordinal) ? s.Replace(setting, broken, StringComparison.Ordinal) : throw new InvalidOperationException("the sample's settings changed"), "workdays", "is", "2022-10-08");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("Configuration error / 配置错误:", run.StdErr, StringComparison.Ordinal);
        Assert.Contains(message, run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal); // no stack trace
        Assert.Equal(string.Empty, run.StdOut);
    }
}
