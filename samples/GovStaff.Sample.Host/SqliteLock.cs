using Microsoft.Data.Sqlite;

namespace GovStaff.Sample.Host;

/// <summary>
/// Says so when another process holds the SQLite file's write lock, before the store waits for it (Sample:LockTimeoutSeconds,
/// 30 by default); a lock held longer than that ends the command with one line, exit code 4.
/// </summary>
internal static class SqliteLock
{
    public static async Task SayIfHeldAsync(string dataSource, int timeoutSeconds, TextWriter error)
    {
        if (!File.Exists(dataSource))
        {
            return;
        }

        try
        {
            await using var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dataSource, Pooling = false, DefaultTimeout = 1 }.ToString());
            await probe.OpenAsync();
            await using var begin = probe.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
            await begin.ExecuteNonQueryAsync();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // SQLITE_BUSY, SQLITE_LOCKED
        {
            await error.WriteLineAsync($"Waiting: {dataSource} is locked by another process; waiting up to {timeoutSeconds} s / 数据库被其他进程锁定，最多等待{timeoutSeconds}秒");
        }
        catch (SqliteException)
        {
            // Not a lock (a file that is no database, a disk error): the store's own start says what it is, in one line.
        }
    }
}
