using Mono.Unix.Native;

namespace GovStaff.Sample.Host;

/// <summary>
/// What a path names, asked before a command opens it: opening a FIFO waits for a writer that may never come, and a
/// device never ends, so a roster, a scenario or an <c>--output</c> must be a regular file. Unix file types are not in
/// the BCL (<see cref="FileInfo"/> reports a FIFO as a normal empty file), hence Mono.Unix's <c>stat</c>.
/// </summary>
internal static class FileKind
{
    /// <summary>Null when <paramref name="path"/> is a regular file or names nothing; otherwise what it is, e.g. "a FIFO (named pipe)".</summary>
    /// <param name="path">The path.</param>
    /// <param name="followLinks">False to describe a symbolic link itself (an output must not write through one).</param>
    public static string? NotRegular(string path, bool followLinks)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? "a folder" : null;
        }

        var result = followLinks ? Syscall.stat(path, out var status) : Syscall.lstat(path, out status);
        if (result != 0)
        {
            return null; // nothing there (or unreadable): the open that follows says which
        }

        return (status.st_mode & FilePermissions.S_IFMT) switch
        {
            FilePermissions.S_IFREG => null,
            FilePermissions.S_IFDIR => "a folder",
            FilePermissions.S_IFIFO => "a FIFO (named pipe)",
            FilePermissions.S_IFCHR => "a character device",
            FilePermissions.S_IFBLK => "a block device",
            FilePermissions.S_IFSOCK => "a socket",
            FilePermissions.S_IFLNK => "a symbolic link",
            _ => "not a regular file",
        };
    }
}
