using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace GovStaff.Sample.Host.Roster;

/// <summary>
/// The roster's limits, and a look at a workbook's package before MiniExcel reads it. MiniExcel trusts what the package
/// says: a duplicate zip entry throws, a <c>&lt;dimension&gt;</c> reaching column XFD makes every row 16,384 cells, and a
/// row numbered 99,999,999 is reached through as many empty rows. So the package's parts, the roster sheets' dimensions
/// and their row and cell numbers are checked first, in one pass over the XML, and a workbook past a limit is refused
/// up front with the limit — the reading that follows is then bounded by the roster's real size.
/// </summary>
internal static class WorkbookPackage
{
    /// <summary>The largest workbook file read (a roster of the largest size below is under 5 MiB).</summary>
    public const long MaxFileBytes = 32L << 20;

    /// <summary>The most a package's parts may hold once decompressed, all together.</summary>
    public const long MaxPartBytes = 256L << 20;

    /// <summary>The most parts (zip entries) a package may hold; a roster workbook has about 20.</summary>
    public const int MaxParts = 1_000;

    /// <summary>The most records on one roster sheet (the header row comes on top).</summary>
    public const int MaxRecords = 50_000;

    /// <summary>The widest a roster sheet may be: columns A to BL (the widest sheet, 人员, uses 11).</summary>
    public const int MaxColumns = 64;

    private const int ExcelRows = 1_048_576;
    private const int ExcelColumns = 16_384;
    private const string RelationshipsNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The problems that stop a workbook before it is read, each naming the file or the sheet; empty when it may be read.</summary>
    /// <param name="stream">The workbook, positioned anywhere; left open.</param>
    /// <param name="path">The file, to name it.</param>
    /// <param name="sheets">The roster's sheets; only these are looked into.</param>
    public static IReadOnlyList<string> Check(Stream stream, string path, IReadOnlyCollection<string> sheets)
    {
        string Unreadable(string why) => $"{path}: not a readable .xlsx workbook ({why})";

        stream.Position = 0;
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return [Unreadable("it is not a zip package")];
        }

        using (zip)
        {
            if (zip.Entries.Count > MaxParts)
            {
                return [Unreadable($"{zip.Entries.Count:N0} parts, past the roster's limit of {MaxParts:N0}")];
            }

            var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                // Part names are case-insensitive (ECMA-376 Part 2); a reader would pick one of two at random.
                if (!parts.TryAdd(entry.FullName, entry))
                {
                    return [Unreadable($"the package holds {entry.FullName} twice")];
                }

                total += entry.Length;
            }

            if (total > MaxPartBytes)
            {
                return [Unreadable($"its parts hold {total:N0} bytes decompressed, past the roster's limit of {MaxPartBytes >> 20} MiB")];
            }

            try
            {
                return CheckSheets(parts, path, sheets, Unreadable);
            }
            catch (Exception e) when (e is XmlException or InvalidDataException or IOException)
            {
                return [Unreadable(e.Message.ReplaceLineEndings(" "))];
            }
        }
    }

    private static List<string> CheckSheets(Dictionary<string, ZipArchiveEntry> parts, string path, IReadOnlyCollection<string> sheets, Func<string, string> unreadable)
    {
        var workbook = Relationships(parts, "_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
        if (!parts.TryGetValue(workbook, out var workbookPart))
        {
            return [unreadable($"it holds no workbook part {workbook}")];
        }

        var folder = workbook.Contains('/') ? workbook[..(workbook.LastIndexOf('/') + 1)] : "";
        var related = Relationships(parts, $"{folder}_rels/{workbook[folder.Length..]}.rels", folder);
        // The other parts the workbook relates to (styles, shared strings) must be there: the reader dereferences them.
        // A sheet's own part is looked for below, to name the sheet.
        if (related.FirstOrDefault(r => !r.Type.EndsWith("/worksheet", StringComparison.Ordinal) && !parts.ContainsKey(r.Target)).Target is { } absent)
        {
            return [unreadable($"the workbook relates to {absent}, which the package does not hold")];
        }

        // An id given twice names the first (a reader would take one of them): never an exception.
        var rels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, target, _) in related)
        {
            rels.TryAdd(id, target);
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var reader = XmlReader.Create(workbookPart.Open(), Settings(MaxPartBytes));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet" || reader.GetAttribute("name") is not { } name || !sheets.Contains(name))
            {
                continue;
            }

            if (!seen.Add(name))
            {
                problems.Add($"{name}: the workbook names two sheets {name}");
                continue;
            }

            if (reader.GetAttribute("state") is "hidden" or "veryHidden")
            {
                problems.Add($"{name}: the sheet is hidden in the workbook; unhide it, so the office sees every record that is read");
            }

            if (reader.GetAttribute("id", RelationshipsNs) is not { } id || !rels.TryGetValue(id, out var target) || !parts.TryGetValue(target, out var part))
            {
                problems.Add($"{name}: the workbook lists the sheet but its package holds no part for it");
                continue;
            }

            if (Scan(part, name) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    // The internal relationships of a .rels part, read once, targets made absolute within the package.
    private static List<(string Id, string Target, string Type)> Relationships(Dictionary<string, ZipArchiveEntry> parts, string relsPart, string folder)
    {
        var found = new List<(string, string, string)>();
        if (!parts.TryGetValue(relsPart, out var part))
        {
            return found;
        }

        using var reader = XmlReader.Create(part.Open(), Settings(MaxPartBytes));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Relationship" && reader.GetAttribute("Id") is { } id
                && reader.GetAttribute("Target") is { } target && reader.GetAttribute("TargetMode") != "External")
            {
                found.Add((id, target.StartsWith('/') ? target[1..] : folder + target, reader.GetAttribute("Type") ?? ""));
            }
        }

        return found;
    }

    // One pass over a sheet's XML: its dimension, then every row and cell number, against Excel's limits and the
    // roster's. The first problem ends the pass: a sheet past a limit is refused as a whole.
    private static string? Scan(ZipArchiveEntry part, string sheet)
    {
        using var reader = XmlReader.Create(part.Open(), Settings(MaxPartBytes));
        var row = 0;
        var column = 0;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            switch (reader.LocalName)
            {
                case "dimension":
                    var range = reader.GetAttribute("ref") ?? "";
                    foreach (var corner in range.Split(':'))
                    {
                        if (Cell(corner) is not (int dc, int dr) || dc > ExcelColumns || dr > ExcelRows)
                        {
                            return $"{sheet}: the sheet's dimension '{range}' is not a range of Excel's cells";
                        }

                        if (dc > MaxColumns || dr > MaxRecords + 1)
                        {
                            return $"{sheet}: the sheet's dimension {range} reaches past the roster's limits ({MaxColumns} columns, A–{Letters(MaxColumns)}; {MaxRecords:N0} records)";
                        }
                    }

                    break;
                case "row":
                    var number = reader.GetAttribute("r");
                    if (number is null)
                    {
                        row++;
                    }
                    else if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out row) || row is < 1 or > ExcelRows)
                    {
                        return $"{sheet}: the row number '{Short(number)}' is not one of Excel's rows (1 to {ExcelRows:N0})";
                    }

                    if (row > MaxRecords + 1)
                    {
                        return $"{sheet}!{row}: the row is past the roster's limit of {MaxRecords:N0} records per sheet";
                    }

                    column = 0;
                    break;
                case "c":
                    var reference = reader.GetAttribute("r");
                    if (reference is null)
                    {
                        column++;
                    }
                    else if (Cell(reference) is not (int cc, int cr) || cc > ExcelColumns || cr > ExcelRows)
                    {
                        return $"{sheet}: the cell reference '{Short(reference)}' is not one of Excel's cells";
                    }
                    else if (cr > MaxRecords + 1)
                    {
                        return $"{sheet}!{reference}: the cell is past the roster's limit of {MaxRecords:N0} records per sheet";
                    }
                    else
                    {
                        column = cc;
                    }

                    if (column > MaxColumns)
                    {
                        return $"{sheet}!{Letters(column)}{Math.Max(row, 1)}: the cell is past the roster's limit of {MaxColumns} columns (A–{Letters(MaxColumns)})";
                    }

                    break;
            }
        }

        return null;
    }

    // "BL12" → (64, 12); null when it is no cell reference.
    private static (int Column, int Row)? Cell(string reference)
    {
        var letters = 0;
        long column = 0;
        while (letters < reference.Length && reference[letters] is >= 'A' and <= 'Z' && letters < 4)
        {
            column = (column * 26) + (reference[letters] - 'A' + 1);
            letters++;
        }

        return letters > 0 && int.TryParse(reference.AsSpan(letters), NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row >= 1
            ? ((int)column, row)
            : null;
    }

    private static string Letters(int column)
    {
        var letters = "";
        for (; column > 0; column = (column - 1) / 26)
        {
            letters = (char)('A' + ((column - 1) % 26)) + letters;
        }

        return letters;
    }

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";

    // No DTDs and no external entities (a billion-laughs part is refused, not expanded), and a cap on the characters read.
    private static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };
}
