using System.Text;
using System.Text.Json.Nodes;
using Mono.Unix.Native;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Bounded work and honest files (docs/reliability.md): what is not a regular file is neither read nor written — a FIFO
/// would block, a device never ends, a symbolic link would be replaced — and a roster or scenario past its documented
/// size is refused up front with its limit, exit 2, before anything is created.
/// </summary>
public sealed class BoundedInputTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-bounded-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Fifo(string name)
    {
        var path = Path.Combine(_dir, name);
        Assert.Equal(0, Syscall.mkfifo(path, FilePermissions.DEFFILEMODE));
        return path;
    }

    // A file of the given length that costs no disk: the limits are checked on the length, before a byte is read.
    private string Sparse(string name, long length)
    {
        var path = Path.Combine(_dir, name);
        using var stream = File.Create(path);
        stream.SetLength(length);
        return path;
    }

    private void AssertNothingCreated() => Assert.False(Directory.Exists(Path.Combine(_dir, "data")), "a refused input created the store");

    [Fact]
    public void AFifoAsTheRoster_IsRefusedWithoutOpeningIt()
    {
        var fifo = Fifo("roster.xlsx");
        var check = SampleHost.RunIn(_dir, "roster", "check", fifo);
        Assert.Equal(2, check.ExitCode);
        Assert.Contains($"{fifo}: a FIFO (named pipe), not a workbook file", check.StdErr);

        var main = SampleHost.RunIn(_dir, "--roster", fifo);
        Assert.Equal(2, main.ExitCode);
        Assert.Contains("a FIFO (named pipe)", main.StdErr);
        AssertNothingCreated();
    }

    [Fact]
    public void AFifoOrADeviceAsAScenario_IsRefusedWithoutOpeningIt()
    {
        var fifo = Fifo("scenario.json");
        var r = SampleHost.RunIn(_dir, "replay", fifo);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: {fifo}, line 0, field 'file': is a FIFO (named pipe), not a scenario file", r.StdErr);

        var device = SampleHost.RunIn(_dir, "replay", "--check", "/dev/zero");
        Assert.Equal(2, device.ExitCode);
        Assert.Contains("is a character device", device.StdErr);
        AssertNothingCreated();
    }

    [Theory]
    [InlineData("fifo", "a FIFO (named pipe)")]
    [InlineData("device", "a character device")]
    [InlineData("symlink", "a symbolic link")]
    [InlineData("folder", "a folder")]
    public void AnOutputThatIsNotARegularFile_IsRefused_AndLeftAsItWas(string kind, string named)
    {
        var target = Path.Combine(_dir, "report.md");
        var linked = Path.Combine(_dir, "elsewhere.md");
        switch (kind)
        {
            case "fifo": Fifo("report.md"); break;
            case "device": target = "/dev/null"; break;
            case "symlink": File.WriteAllText(linked, "kept"); File.CreateSymbolicLink(target, linked); break;
            default: Directory.CreateDirectory(target); break;
        }

        var r = SampleHost.RunIn(_dir, "roster", "export", "--output", target);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error: --output: {target} is {named}; a report or roster is written only to a regular file or a new one.", r.StdErr);
        Assert.False(File.Exists(target + ".partial"));
        if (kind == "symlink")
        {
            Assert.Equal(linked, new FileInfo(target).LinkTarget);
            Assert.Equal("kept", File.ReadAllText(linked));
        }
    }

    [Fact]
    public void ARosterPastItsByteLimit_IsRefusedWithTheLimit()
    {
        var big = Sparse("big.xlsx", (32L << 20) + 1);
        var r = SampleHost.RunIn(_dir, "--roster", big);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{big}: 33,554,433 bytes, past the roster's limit of 32 MiB", r.StdErr);
        AssertNothingCreated();
    }

    [Fact]
    public void AScenarioPastItsByteLimit_IsRefusedWithTheLimit()
    {
        var big = Sparse("big.json", (32L << 20) + 1);
        var r = SampleHost.RunIn(_dir, "replay", big);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("holds 33,554,433 bytes, past a scenario's limit of 32 MiB; split it.", r.StdErr);
        AssertNothingCreated();
    }

    [Theory]
    [InlineData(100_000, true)]
    [InlineData(100_001, false)]
    public void AScenarioOfMoreThan100000Actions_IsRefusedUpFront(int count, bool admitted)
    {
        var d = Example();
        var actions = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            actions.Append(i == 0 ? "" : ",").Append("{\"type\":\"checkDirectors\",\"at\":\"2022-10-10\"}");
        }

        d["actions"] = new JsonArray();
        var file = Path.Combine(_dir, "many.json");
        File.WriteAllText(file, d.ToJsonString().Replace("\"actions\":[]", $"\"actions\":[{actions}]", StringComparison.Ordinal));
        if (admitted)
        {
            // Read only: the limit admits what it names (running 100,000 actions is the crash test's business).
            Assert.Equal(count, GovStaff.Sample.Host.Replay.ScenarioReader.Read(file).Actions.Count);
        }
        else
        {
            var r = SampleHost.RunIn(_dir, "replay", file);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("field 'actions': holds 100,001 actions, past a scenario's limit of 100,000; split it.", r.StdErr);
            AssertNothingCreated();
        }
    }

    [Fact]
    public void AScenarioNetworkOfMoreThan50000Staff_IsRefusedUpFront()
    {
        var d = Example();
        var staff = d["network"]!["staff"]!.AsArray();
        var one = staff[0]!.ToJsonString();
        var file = Path.Combine(_dir, "crowd.json");
        File.WriteAllText(file, d.ToJsonString().Replace(one, string.Join(",", Enumerable.Repeat(one, 50_001 - (staff.Count - 1))), StringComparison.Ordinal));
        var r = SampleHost.RunIn(_dir, "replay", file);
        Assert.Equal(2, r.ExitCode);
        Assert.True(r.StdErr.Contains("field 'network.staff': holds 50,001 people, past a scenario's limit of 50,000.", StringComparison.Ordinal), r.StdErr);
        AssertNothingCreated();
    }

    private static JsonObject Example() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios", "binhe-leave-and-cases.json")))!.AsObject();
}
