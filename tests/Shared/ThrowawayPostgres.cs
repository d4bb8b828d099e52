using System.Diagnostics;
using Npgsql;

namespace GovStaff.Policy.Testing;

/// <summary>
/// A real, throwaway PostgreSQL server on 127.0.0.1, shared by the tests and the benchmarks: the one named by
/// GOVSTAFF_TEST_POSTGRES, or a cluster created with initdb and pg_ctl in a temporary folder on a free port (as the
/// postgres user when running as root, because the server refuses to run as root) and removed afterwards.
/// </summary>
internal sealed class ThrowawayPostgres(bool fsync = false)
{
    private string? _dir;
    private string? _bin;
    private int _port;

    public string AdminConnectionString { get; private set; } = string.Empty;

    public async Task StartAsync()
    {
        var given = Environment.GetEnvironmentVariable("GOVSTAFF_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            AdminConnectionString = given;
            return;
        }

        _bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL's initdb was not found. Install the server (apt-get install postgresql), or name a server in GOVSTAFF_TEST_POSTGRES.");
        _dir = Directory.CreateTempSubdirectory("govstaff-pg-").FullName;
        var port = _port = LoopbackPort.Free();
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            Run("chown", ["postgres", _dir]);
        }

        Run(Path.Combine(_bin, "initdb"), ["-D", Path.Combine(_dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"], asRoot);
        StartServer(asRoot);
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        await using var c = new NpgsqlConnection(AdminConnectionString);
        await c.OpenAsync();
    }

    // fsync off for speed, unless a test kills the server and needs every acknowledged commit on disk.
    private void StartServer(bool asRoot) =>
        Run(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_dir!, "data"), "-l", Path.Combine(_dir!, "log"), "-w", "-t", "60",
            "-o", $"-p {_port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync={(fsync ? "on" : "off")} -c max_connections=200", "start"], asRoot);

    /// <summary>Kills the server with SIGKILL, as a crash would: no shutdown, no checkpoint.</summary>
    public void Kill()
    {
        var pidFile = Path.Combine(_dir ?? throw new InvalidOperationException("Only a server this class started can be killed."), "data", "postmaster.pid");
        var pid = int.Parse(File.ReadLines(pidFile).First(), System.Globalization.CultureInfo.InvariantCulture);
        using var postmaster = Process.GetProcessById(pid);
        postmaster.Kill(entireProcessTree: true);
        postmaster.WaitForExit();
    }

    /// <summary>Starts the killed server again on the same data and port (crash recovery replays the WAL).</summary>
    public async Task RestartAsync()
    {
        var pidFile = Path.Combine(_dir!, "data", "postmaster.pid");
        if (File.Exists(pidFile))
        {
            File.Delete(pidFile); // left by the kill
        }

        StartServer(Environment.UserName == "root");
        await using var c = new NpgsqlConnection(AdminConnectionString);
        await c.OpenAsync();
    }

    /// <summary>A fresh database for one test class.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var c = new NpgsqlConnection(AdminConnectionString))
        {
            await c.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name};", c);
            await cmd.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public Task StopAsync()
    {
        if (_dir is not null && _bin is not null)
        {
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "stop"], Environment.UserName == "root");
            }
            catch (InvalidOperationException)
            {
                // Already gone: a test killed it and did not restart it.
            }
            finally
            {
                Directory.Delete(_dir, recursive: true);
            }
        }

        return Task.CompletedTask;
    }

    private static string? FindBin()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
    }

    private static void Run(string file, string[] args, bool asPostgres = false)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
