using System.Diagnostics;
using System.Text;

namespace GovStaff.Sample.Host.Tests;

/// <summary>Runs the built sample host as a separate process, the way a user runs it.</summary>
internal static class SampleHost
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    private static readonly string Dll = FindDll();

    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    // The host keeps its SQLite file in data/ under the working directory: one folder for this test run.
    private static readonly string WorkDir = Directory.CreateTempSubdirectory("govstaff-sample-run-").FullName;

    public static Result Run(params string[] args) => RunIn(WorkDir, args);

    public static Result RunIn(string workingDirectory, params string[] args) => RunIn(workingDirectory, NoEnvironment, args);

    /// <summary>Runs the host with extra environment variables (configuration such as <c>Sample__Storage</c>).</summary>
    public static Result RunIn(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The sample host did not finish within 60 s: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// Runs a copy of the built host whose appsettings.json has been edited, to see what a user with a broken settings
    /// file sees. The copy is deleted afterwards.
    /// </summary>
    public static Result RunWithSettings(string workingDirectory, Func<string, string> edit, params string[] args)
    {
        var dll = CopyWithSettings(edit);
        try
        {
            using var process = Start(workingDirectory, NoEnvironment, dll, args);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return new Result(process.ExitCode, stdout.Result, stderr.Result);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dll)!, recursive: true);
        }
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

    /// <summary>Starts the host with stdout and stderr redirected, for a test that reads or kills it as it runs.</summary>
    public static Process Start(string workingDirectory, params string[] args) => Start(workingDirectory, NoEnvironment, args);

    /// <summary>Starts the host with extra environment variables, stdout and stderr redirected.</summary>
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
