using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace GovStaff.Sample.Host.Tests;

/// <summary>One entry of the audit trail as the sample host's store holds it.</summary>
public sealed record AuditRow(long Sequence, string Kind, string Subject, string? Key, string Json);

/// <summary>Reads the audit trail a run of the host left behind, straight from the database.</summary>
internal static class StoredAudit
{
    /// <summary>Every entry in sequence order, from any ADO.NET connection (opened here).</summary>
    public static List<AuditRow> Read(DbConnection connection)
    {
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT sequence, kind, subject, idempotency_key, json FROM audit ORDER BY sequence;";
        using var reader = cmd.ExecuteReader();
        var rows = new List<AuditRow>();
        while (reader.Read())
        {
            rows.Add(new AuditRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Every entry of the embedded SQLite store under a working directory.</summary>
    public static List<AuditRow> ReadSqlite(string workingDirectory)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(workingDirectory, "data", "govstaff.db")};Pooling=False");
        return Read(c);
    }
}
