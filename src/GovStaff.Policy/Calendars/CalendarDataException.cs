namespace GovStaff.Policy.Calendars;

/// <summary>A holiday data file is malformed. The message names the file, the line and the field.</summary>
public sealed class CalendarDataException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (or source) name.</param>
    /// <param name="line">The 1-based line, or null when unknown.</param>
    /// <param name="field">The field at fault, e.g. <c>date</c>.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public CalendarDataException(string fileName, long? line, string field, string problem, Exception? inner = null)
        : base($"{fileName}{(line is { } l ? $", line {l}" : string.Empty)}, field '{field}': {problem}", inner)
    {
        FileName = fileName;
        Line = line;
        Field = field;
    }

    /// <summary>The file (or source) name.</summary>
    public string FileName { get; }

    /// <summary>The 1-based line, or null when unknown.</summary>
    public long? Line { get; }

    /// <summary>The field at fault.</summary>
    public string Field { get; }
}
