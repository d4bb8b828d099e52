using System.Diagnostics;
using System.Text;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Runs the sample host the way a user runs it: in process through its one entry point (<see cref="SampleHostApp"/>),
/// with its own writers, working directory and settings, or — for the few tests that need a real process (exit codes
/// of an unhandled failure, signals, a kill mid-write, two processes on one database) — as a separate process.
/// </summary>
internal static class SampleHost
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static readonly string Dll = FindDll();

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    // The host keeps its SQLite file in data/ under the working directory: one folder for this test run.
    private static readonly string WorkDir = Directory.CreateTempSubdirectory("govstaff-sample-run-").FullName;

    // A bound for a run in process, so a hang fails its test instead of the whole run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(120);

    public static Result Run(params string[] args) => RunIn(WorkDir, args);

    public static Result RunIn(string workingDirectory, params string[] args) => RunIn(workingDirectory, NoEnvironment, args);

    /// <summary>
    /// Runs the host in process with extra configuration, given as the environment variables a user would set
    /// (<c>Sample__Storage</c>); they reach the host as settings, not through the test process's environment.
    /// </summary>
    public static Result RunIn(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunInProcess(workingDirectory, OutputFolder, environment, args);

    /// <summary>
    /// Runs the host in process over an appsettings.json edited by <paramref name="edit"/>, to see what a user with a
    /// broken settings file sees. The edited file lives in a folder of its own (with the shipped plugins), deleted afterwards.
    /// </summary>
    public static Result RunWithSettings(string workingDirectory, Func<string, string> edit, params string[] args)
    {
        var root = Directory.CreateTempSubdirectory("govstaff-sample-settings-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "appsettings.json"), edit(File.ReadAllText(Path.Combine(OutputFolder, "appsettings.json"))));
            Directory.CreateSymbolicLink(Path.Combine(root, "plugins"), Path.Combine(OutputFolder, "plugins"));
            return RunInProcess(workingDirectory, root, NoEnvironment, args);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Runs the host in process until it ends or <paramref name="stopping"/> fires, as Ctrl+C or SIGTERM would stop it.</summary>
    public static Result RunUntil(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken stopping, params string[] args) =>
        RunInProcess(workingDirectory, OutputFolder, environment, args, stopping);

    private static Result RunInProcess(string workingDirectory, string contentRoot, IReadOnlyDictionary<string, string> environment, string[] args, CancellationToken stopping = default)
    {
        // The log is written from background services while a command writes its output: both writers are synchronised.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var run = new SampleHostRun
        {
            Out = TextWriter.Synchronized(stdout),
            Error = TextWriter.Synchronized(stderr),
            ContentRoot = contentRoot,
            WorkingDirectory = workingDirectory,
            Settings = environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value),
            Stopping = stopping,
        };
        var code = Task.Run(() => SampleHostApp.RunAsync(args, run)).WaitAsync(Bound, CancellationToken.None).GetAwaiter().GetResult();
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs the built host as a separate process with extra environment variables; only for what needs one (see the
    /// class summary), each caller saying why.
    /// </summary>
    public static Result RunProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Bound))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The sample host did not finish within {Bound.TotalSeconds} s: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The built host's folder (with appsettings.json and the shipped plugins/).</summary>
    public static string OutputFolder => Path.GetDirectoryName(Dll)!;

    /// <summary>
    /// Copies the built host into a new folder with its appsettings.json edited, for a test that starts it as it runs;
    /// the caller deletes the folder. Returns the copy's executable.
    /// </summary>
    public static string CopyWithSettings(Func<string, string> edit)
    {
        var copy = Directory.CreateTempSubdirectory("govstaff-sample-copy-").FullName;
        foreach (var file in Directory.EnumerateFiles(OutputFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(OutputFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var settings = Path.Combine(copy, "appsettings.json");
        File.WriteAllText(settings, edit(File.ReadAllText(settings)));
        return Path.Combine(copy, Path.GetFileName(Dll));
    }

    /// <summary>Starts a copy made by <see cref="CopyWithSettings"/>, stdout and stderr redirected.</summary>
    public static Process StartCopy(string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(workingDirectory, environment, dll, args);

    /// <summary>Starts the host as a process with extra environment variables, stdout and stderr redirected, for a test that reads, signals or kills it as it runs.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Start(workingDirectory, environment, Dll, args);

    private static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, string dll, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }

    private static string FindDll()
    {
        // tests/GovStaff.Sample.Host.Tests/bin/<Configuration>/net10.0/ → samples/GovStaff.Sample.Host/bin/<Configuration>/net10.0/
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var repo = here.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(repo, "samples", "GovStaff.Sample.Host", "bin", configuration, framework, "GovStaff.Sample.Host.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the sample host first.", dll);
    }
}
