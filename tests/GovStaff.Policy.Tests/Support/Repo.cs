namespace GovStaff.Policy.Tests.Support;

/// <summary>Paths in the repository and in the shared reference folder beside it.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared folder next to the repository (regulation text, holiday reference data).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovStaff.Policy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Could not find GovStaff.Policy.sln above " + AppContext.BaseDirectory);
    }
}
