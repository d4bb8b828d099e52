using System.Diagnostics;
using System.Text.Json.Nodes;
using GovStaff.Policy.Hosting.Tests.Notifications;
using GovStaff.Policy.Tests.Support;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// <c>serve</c> as a vendor runs it: the README's plugin folder example pasted into appsettings.json, the monitors on,
/// a deadline warning watched arriving at a (loopback) DingTalk robot, then SIGTERM and a graceful stop.
/// </summary>
public sealed class ServeCommandTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-serve-").FullName;
    private readonly LoopbackHttpServer _robot = new();
    private string? _copy;

    public void Dispose()
    {
        _robot.Dispose();
        Directory.Delete(_dir, recursive: true);
        if (_copy is not null)
        {
            Directory.Delete(Path.GetDirectoryName(_copy)!, recursive: true);
        }
    }

    // The README's plugins block as written, with the robot's URL pointed at the loopback receiver.
    private string WithTheReadmesPlugins(string settings)
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        var from = readme.IndexOf("```json\n", readme.IndexOf("**Discovered at run time", StringComparison.Ordinal), StringComparison.Ordinal) + 8;
        var example = JsonNode.Parse(readme[from..readme.IndexOf("```", from, StringComparison.Ordinal)])!;
        var plugins = example["GovStaffPolicy"]!["Plugins"]!.DeepClone();
        var webhook = plugins["Load"]!.AsArray().Single(p => (string?)p!["Name"] == "GovStaff.Policy.Notifications.Webhook")!;
        Assert.StartsWith("https://oapi.dingtalk.com/robot/send", (string?)webhook["Settings"]!["Url"], StringComparison.Ordinal);
        webhook["Settings"]!["Url"] = _robot.Url.ToString();
        var root = JsonNode.Parse(settings)!;
        root["GovStaffPolicy"]!["Plugins"] = plugins;
        return root.ToJsonString();
    }

    [Fact]
    public async Task Serve_RunsTheMonitorsAndDeliversUntilSigterm_ThenStopsGracefully()
    {
        // The district, simulated on the embedded default: data/govstaff.db here, the file the README's example names.
        Assert.Equal(0, SampleHost.RunIn(_dir).ExitCode);
        _robot.Start();
        _copy = SampleHost.CopyWithSettings(WithTheReadmesPlugins);
        var environment = new Dictionary<string, string>
        {
            ["GovStaffPolicy__Monitors__Enabled"] = "true",
            // Today is outside the Ningxia layer's data: the monitors count on the national arrangement and say so.
            ["GovStaffPolicy__Calendar__AllowFallback"] = "true",
            // The sample's version of the measures ends in 2023 (Art. 31); judged today, cases are judged under nothing.
            ["GovStaffPolicy__Versions__0__EffectiveUntil"] = "2030-12-31",
        };
        using var serve = SampleHost.StartCopy(_copy, _dir, environment, "serve");
        var stdout = serve.StandardOutput.ReadToEndAsync();
        var stderr = serve.StandardError.ReadToEndAsync();
        try
        {
            // A bound for the test only: the first monitor round runs at start, its supervision warnings go out.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!_robot.Requests.Any(r => r.Body.Contains("督办", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !serve.HasExited)
            {
                await Task.Delay(100);
            }

            Assert.False(serve.HasExited, "serve ended by itself: " + (serve.HasExited ? await stderr : string.Empty));
            Assert.True(_robot.Requests.Any(r => r.Body.Contains("督办", StringComparison.Ordinal) && r.Url.Contains("sign=", StringComparison.Ordinal)),
                $"no supervision warning among {_robot.Requests.Count} requests: {string.Join(" | ", _robot.Requests.Take(3).Select(r => r.Url + " " + r.Body))}");
        }
        finally
        {
            using var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
        {
            await serve.WaitForExitAsync(bound.Token); // throws if serve does not stop after SIGTERM
        }

        var (output, errors) = (await stdout, await stderr);
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("Serving / 运行中", output, StringComparison.Ordinal);
        Assert.Contains("webhook:dingtalk", output, StringComparison.Ordinal);
        Assert.Contains("Stopping / 正在停止", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", errors, StringComparison.Ordinal);
        var ids = _robot.Requests.Select(r => r.Headers["X-GovStaff-Message-Id"]).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count()); // no message twice

        // Whatever the stop left is still queued, never lost: every message is delivered or pending.
        var list = SampleHost.RunIn(_dir, "outbox", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"\d+ pending, 0 failed, \d+ delivered", list.StdOut);
    }
}
