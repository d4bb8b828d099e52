using GovStaff.Policy.Serialization;
using Snapshooter;
using Snapshooter.Xunit;

namespace GovStaff.Policy.Tests.Support;

/// <summary>
/// Snapshots the library's own JSON (System.Text.Json + NodaTime), so a snapshot shows exactly what a caller stores.
/// </summary>
internal static class Snap
{
    public static void Match<T>(T value, SnapshotNameExtension? name = null)
    {
        var json = GovStaffJson.Serialize(value, indented: true);
        if (name is null)
        {
            Snapshot.Match(json);
        }
        else
        {
            Snapshot.Match(json, name);
        }
    }
}
