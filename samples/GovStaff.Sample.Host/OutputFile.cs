namespace GovStaff.Sample.Host;

/// <summary>
/// A file a command writes (<c>--output</c>): written beside the target and moved over it, so a failed or interrupted
/// write never leaves half a report or roster, and an unwritable place is one line on stderr (exit 2), not a trace.
/// </summary>
internal static class OutputFile
{
    public static int Write(SampleHostRun run, FileInfo file, Action<Stream> write, string what)
    {
        if (!(file.Directory?.Exists ?? false))
        {
            run.Error.WriteLine($"error: --output: the folder {file.DirectoryName} does not exist.");
            return ExitCodes.BadInput;
        }

        // A FIFO or device would block or swallow the report, and writing over a symbolic link would replace the link
        // with a file: only a regular file (or a new one) is written.
        if (FileKind.NotRegular(file.FullName, followLinks: false) is { } kind)
        {
            run.Error.WriteLine($"error: --output: {file.FullName} is {kind}; a report or roster is written only to a regular file or a new one.");
            return ExitCodes.BadInput;
        }

        if (IsDatabase(file))
        {
            run.Error.WriteLine($"error: --output: {file.FullName} is a database; a report or roster never replaces one. Choose another file.");
            return ExitCodes.BadInput;
        }

        var partial = file.FullName + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            File.Move(partial, file.FullName, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing was written where it could be taken for the file; the line below says why.
            }

            run.Error.WriteLine($"error: --output: cannot write {file.FullName}: {e.Message}");
            return ExitCodes.BadInput;
        }

        run.Out.WriteLine($"{what}: {file.FullName}");
        return ExitCodes.Ok;
    }

    // An SQLite file (its header says so) or its journal: the store's records, which an --output typo must not destroy.
    private static bool IsDatabase(FileInfo file)
    {
        if (file.Name.EndsWith("-wal", StringComparison.Ordinal) || file.Name.EndsWith("-shm", StringComparison.Ordinal) || file.Name.EndsWith("-journal", StringComparison.Ordinal))
        {
            return File.Exists(file.FullName[..file.FullName.LastIndexOf('-')]);
        }

        if (!file.Exists)
        {
            return false;
        }

        try
        {
            Span<byte> header = stackalloc byte[16];
            using var stream = file.OpenRead();
            return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.SequenceEqual("SQLite format 3\0"u8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // unreadable: the write below will say why it cannot replace it
        }
    }
}
