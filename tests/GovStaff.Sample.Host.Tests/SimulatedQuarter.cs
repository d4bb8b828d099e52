namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// The main job's 2022 Q4, simulated once for the whole test assembly in a folder of its own (the embedded SQLite
/// store), for the tests that only read its store or its printed output. A test that writes to a store simulates its
/// own; nothing here is changed by a reader.
/// </summary>
internal sealed class SimulatedQuarter
{
    private static readonly Lazy<SimulatedQuarter> Instance = new(() => new SimulatedQuarter(), LazyThreadSafetyMode.ExecutionAndPublication);

    private SimulatedQuarter()
    {
        var main = SampleHost.RunIn(Dir);
        Assert.True(main.ExitCode == 0, main.StdErr);
        MainOutput = main.StdOut;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Dir, recursive: true);
        };
    }

    /// <summary>The simulated quarter, run on first use.</summary>
    public static SimulatedQuarter Shared => Instance.Value;

    /// <summary>The working folder: its data/govstaff.db holds the quarter.</summary>
    public string Dir { get; } = Directory.CreateTempSubdirectory("govstaff-quarter-").FullName;

    /// <summary>What the main job printed.</summary>
    public string MainOutput { get; }

    /// <summary>
    /// A copy of the quarter's store in <paramref name="dir"/>/data/govstaff.db, for a test that writes: SQLite's backup,
    /// consistent whatever else reads the shared file (a reader may checkpoint it meanwhile).
    /// </summary>
    /// <returns>The copy's path.</returns>
    public string CopyTo(string dir)
    {
        var database = Path.Combine(Directory.CreateDirectory(Path.Combine(dir, "data")).FullName, "govstaff.db");
        using var source = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Dir, "data", "govstaff.db")};Mode=ReadOnly;Pooling=False");
        using var copy = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database};Pooling=False");
        source.Open();
        copy.Open();
        source.BackupDatabase(copy);
        return database;
    }
}
