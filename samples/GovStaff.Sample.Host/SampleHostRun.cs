namespace GovStaff.Sample.Host;

/// <summary>
/// What one run of the sample host gets from its process besides the arguments: where it writes, where it finds its
/// settings and plugins, what relative paths are relative to, and configuration set on top of the settings file. A
/// process fills it from the console; a test fills it with its own writers, folder and settings and runs the host in
/// process, which is how a System.CommandLine app is tested without starting a process per case.
/// </summary>
internal sealed record SampleHostRun
{
    /// <summary>Command output (stdout in a process).</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Errors, warnings and the log (stderr in a process).</summary>
    public required TextWriter Error { get; init; }

    /// <summary>The folder holding appsettings.json and plugins/: the executable's folder in a process.</summary>
    public string ContentRoot { get; init; } = AppContext.BaseDirectory;

    /// <summary>The folder relative paths are resolved against (data/govstaff.db, file arguments).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Configuration above appsettings.json and the environment, keyed as in it (<c>Sample:Storage</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Stops a long-running command (<c>serve</c>) as Ctrl+C or SIGTERM do.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>A path as a command uses it: a relative one is taken from <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) =>
        Path.IsPathRooted(path) || string.Equals(Path.GetFullPath(WorkingDirectory), Environment.CurrentDirectory, StringComparison.Ordinal)
            ? path // as typed, so messages name the file the way the user wrote it
            : Path.Combine(WorkingDirectory, path);

    /// <summary>A file option or argument's value, resolved like <see cref="Resolve"/>.</summary>
    public FileInfo File(string path) => new(Resolve(path));
}
