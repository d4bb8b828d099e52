namespace GovStaff.Policy.Hosting.Tests;

/// <summary>Paths in the repository.</summary>
internal static class Support
{
    /// <summary>The repository root: the folder with GovStaff.Policy.sln above the test's output.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovStaff.Policy.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (GovStaff.Policy.sln) is not above the test's folder.");
    }
}
