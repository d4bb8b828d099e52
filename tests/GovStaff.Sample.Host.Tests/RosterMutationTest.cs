using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using GovStaff.Sample.Host.Roster;
using GovStaff.Sample.Host.Simulation;
using MiniExcelLibs;

namespace GovStaff.Sample.Host.Tests;

/// <summary>
/// Hostile rosters: the exported district with cells overwritten at random — blanks, numbers, dates, ids of the wrong
/// kind, control characters, over-long text, headers renamed. Reading never throws: it yields the district, or
/// problems that each name a sheet (and, for a record, its cell), and never both.
/// </summary>
public sealed partial class RosterMutationTest : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govstaff-roster-mutants-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly object?[] Values =
    [
        null, "", " ", "x y", "0", "-1", "1e400", "NaN", "是", "否", "maybe", "9999-99-99", "2022-02-30", "1899-12-31", "2030-01-01",
        new DateTime(1990, 5, 17), new DateTime(1850, 1, 1), 42d, -3.5d, 1e300, new string('张', 200), "hall", "centre-640502100",
        "village-640502100-0", "township-640502100", "police-640502100", "hrss-a", "640502100-a", "\u200bhall", "a\u0001b",
        "Integrity", "德", "VillageAgent", "HallWindowStaff", "ServiceHall", "VillageCentre", "Township", "PoliceStation",
        "window-staff-default", "director-default", "110101199003077777",
    ];

    [Fact]
    public void MutatedRosters_ReadToADistrict_OrToProblemsNamingTheirSheet_NeverAnException()
    {
        var source = Path.Combine(_dir, "source.xlsx");
        using (var stream = File.Create(source))
        {
            RosterWorkbook.Write(DistrictRoster.Sample(QuarterSimulation.Quarter.Start), stream);
        }

        var sheets = MiniExcel.GetSheetNames(source).ToDictionary(n => n, n => MiniExcel.Query(source, useHeaderRow: false, sheetName: n)
            .Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList());
        var refused = 0;
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var copy = sheets.ToDictionary(s => s.Key, s => s.Value.Select(r => new Dictionary<string, object?>(r)).ToList());
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                var rows = copy.Values.ElementAt(random.Next(copy.Count));
                var row = rows[random.Next(rows.Count)]; // the header row too, now and then
                row[row.Keys.ElementAt(random.Next(row.Count))] = Values[random.Next(Values.Length)];
            }

            var path = Path.Combine(_dir, $"mutant-{seed}.xlsx");
            MiniExcel.SaveAs(path, copy.ToDictionary(s => s.Key, s => (object)s.Value), printHeader: false, overwriteFile: true);
            var (roster, problems) = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start);
            Assert.True(roster is null != (problems.Count == 0), $"seed {seed}: a roster and problems, or neither");
            foreach (var problem in problems)
            {
                Assert.Matches(SheetOrCell(), problem);
            }

            refused += problems.Count > 0 ? 1 : 0;
        }

        // Most mutants break something; a few land on a cell where the new value is as good as the old.
        Assert.InRange(refused, 150, 300);
    }

    // The package and the sheet XML, mutated where MiniExcel trusts them. Each names the change and what the reader must
    // say: a fragment of the one problem it reports, or null where the book is still a good roster (the limits admit
    // what they say they admit). 人员 is sheet3.xml, 76 rows, columns A–K.
    private static readonly (string Name, Func<List<(string Name, byte[] Bytes)>, List<(string, byte[])>> Mutate, string? Expect)[] PackageMutants =
    [
        ("dimension to XFD1048576", p => Sheet(p, x => Dimension(x, "A1:XFD1048576")), "人员: the sheet's dimension A1:XFD1048576 reaches past the roster's limits"),
        ("dimension to column BM", p => Sheet(p, x => Dimension(x, "A1:BM76")), "reaches past the roster's limits (64 columns"),
        ("dimension to row 50,002", p => Sheet(p, x => Dimension(x, "A1:K50002")), "reaches past the roster's limits"),
        ("dimension at the limits", p => Sheet(p, x => Dimension(x, "A1:BL50001")), null),
        ("dimension past Excel", p => Sheet(p, x => Dimension(x, "A1:XFE2")), "is not a range of Excel's cells"),
        ("dimension not a range", p => Sheet(p, x => Dimension(x, "ZZZZZZ")), "is not a range of Excel's cells"),
        ("last row at 50,001", p => Sheet(p, x => LastRow(x, "50001")), null),
        ("last row at 50,002", p => Sheet(p, x => LastRow(x, "50002")), "人员!50002: the row is past the roster's limit of 50,000 records"),
        ("last row at Excel's last", p => Sheet(p, x => LastRow(x, "1048576")), "人员!1048576: the row is past"),
        ("last row past Excel's last", p => Sheet(p, x => LastRow(x, "1048577")), "is not one of Excel's rows"),
        ("last row past int", p => Sheet(p, x => LastRow(x, "99999999999")), "is not one of Excel's rows"),
        ("last row zero", p => Sheet(p, x => LastRow(x, "0")), "is not one of Excel's rows"),
        ("last row negative", p => Sheet(p, x => LastRow(x, "-1")), "is not one of Excel's rows"),
        ("last row not a number", p => Sheet(p, x => LastRow(x, "x")), "is not one of Excel's rows"),
        ("cell at column BL", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"BL2\"")), null),
        ("cell at column BM", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"BM2\"")), "人员!BM2: the cell is past the roster's limit of 64 columns"),
        ("cell at column XFD", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"XFD2\"")), "past the roster's limit of 64 columns"),
        ("cell past column XFD", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"XFE2\"")), "is not one of Excel's cells"),
        ("cell of five letters", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"AAAAA2\"")), "is not one of Excel's cells"),
        ("cell at row 99,999,999", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"K99999999\"")), "is not one of Excel's cells"),
        ("cell at row 60,000", p => Sheet(p, x => x.Replace("r=\"K2\"", "r=\"K60000\"")), "人员!K60000: the cell is past the roster's limit"),
        ("rows without numbers", p => Sheet(p, x => Regex.Replace(x, "<x:row r=\"[0-9]+\"", "<x:row")), null),
        ("a DTD with entities", p => Sheet(p, x => x.Replace("<x:worksheet", "<!DOCTYPE x:worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><x:worksheet")), "not a readable .xlsx workbook"),
        ("not XML", p => Sheet(p, x => x[..(x.Length / 2)]), "not a readable .xlsx workbook"),
        ("a shared string past the table", p => Sheet(p, x => x.Replace("<x:c r=\"B2\" t=\"str\" s=\"2\"><x:v>", "<x:c r=\"B2\" t=\"s\" s=\"2\"><x:v>99999").Replace("99999李建华", "99999")), ""),
        ("a style past the table", p => Sheet(p, x => x.Replace("<x:c r=\"C2\" t=\"str\" s=\"2\">", "<x:c r=\"C2\" s=\"99999\">").Replace(">1976-02-02<", ">28000<")), ""),
        ("a number that is no number", p => Sheet(p, x => x.Replace("<x:c r=\"C2\" t=\"str\" s=\"2\">", "<x:c r=\"C2\" t=\"n\">")), ""),
        ("a date cell that is no date", p => Sheet(p, x => x.Replace("<x:c r=\"C2\" t=\"str\" s=\"2\">", "<x:c r=\"C2\" t=\"d\">").Replace(">1976-02-02<", ">soon<")), ""),
        ("人员 hidden", p => Part(p, "xl/workbook.xml", x => x.Replace("name=\"人员\" sheetId=\"3\" state=\"visible\"", "name=\"人员\" sheetId=\"3\" state=\"hidden\"")), "人员: the sheet is hidden"),
        ("人员 very hidden", p => Part(p, "xl/workbook.xml", x => x.Replace("name=\"人员\" sheetId=\"3\" state=\"visible\"", "name=\"人员\" sheetId=\"3\" state=\"veryHidden\"")), "人员: the sheet is hidden"),
        ("人员 named twice", p => Part(p, "xl/workbook.xml", x => x.Replace("name=\"AB岗\"", "name=\"人员\"")), "人员: the workbook names two sheets 人员"),
        ("人员 related to nothing", p => Part(p, "xl/workbook.xml", x => Regex.Replace(x, "(name=\"人员\" sheetId=\"3\" state=\"visible\" r:id=\")[^\"]+", "${1}Rnone")), "人员: the workbook lists the sheet but its package holds no part"),
        ("人员 related to a missing part", p => Part(p, "xl/_rels/workbook.xml.rels", x => x.Replace("/xl/worksheets/sheet3.xml", "/xl/worksheets/sheet9.xml")), "人员: the workbook lists the sheet but its package holds no part"),
        ("no workbook part", p => p.Where(e => e.Name != "xl/workbook.xml").ToList(), "not a readable .xlsx workbook"),
        ("a part in other case twice", p => [.. p, ("XL/Worksheets/Sheet3.xml", p.Single(e => e.Name == "xl/worksheets/sheet3.xml").Bytes)], "holds XL/Worksheets/Sheet3.xml twice"),
    ];

    [Fact]
    public void PackageMutants_AreRefusedUpFront_NamingTheSheetOrTheFile_OrReadWhereTheyAreWithinTheLimits()
    {
        var parts = SourceParts();
        foreach (var (name, mutate, expect) in PackageMutants)
        {
            var path = Write($"{name}.xlsx", mutate(parts));
            var (roster, problems) = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start);
            AssertShape(path, roster, problems, name);
            if (expect is null)
            {
                Assert.True(roster is not null, $"{name}: within the limits, yet refused: {string.Join(" | ", problems)}");
            }
            else if (expect.Length > 0)
            {
                Assert.True(problems.Any(p => p.Contains(expect, StringComparison.Ordinal)), $"{name}: expected '{expect}', got: {string.Join(" | ", problems)}");
            }
        }
    }

    [Fact]
    public void EveryPartTwice_OrMissing_IsAProblem_NeverAnException()
    {
        var parts = SourceParts();
        foreach (var (part, bytes) in parts)
        {
            var twice = Write("twice.xlsx", [.. parts, (part, bytes)]);
            var (roster, problems) = RosterWorkbook.Read(twice, QuarterSimulation.Quarter.Start);
            AssertShape(twice, roster, problems, part + " twice");
            Assert.Equal([$"{twice}: not a readable .xlsx workbook (the package holds {part} twice)"], problems);

            var missing = Write("missing.xlsx", parts.Where(p => p.Name != part).ToList());
            (roster, problems) = RosterWorkbook.Read(missing, QuarterSimulation.Quarter.Start);
            AssertShape(missing, roster, problems, part + " missing");
        }
    }

    [Fact]
    public void CorruptedAndTruncatedPackages_AreProblems_NeverAnException()
    {
        var source = File.ReadAllBytes(Write("source.xlsx", SourceParts()));
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var bytes = seed % 4 == 0 ? source[..random.Next(source.Length)] : (byte[])source.Clone();
            for (var flips = seed % 4 == 0 ? 0 : random.Next(1, 6); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var path = Path.Combine(_dir, $"corrupt-{seed}.xlsx");
            File.WriteAllBytes(path, bytes);
            var (roster, problems) = RosterWorkbook.Read(path, QuarterSimulation.Quarter.Start);
            AssertShape(path, roster, problems, $"seed {seed}");
        }
    }

    private static List<(string Name, byte[] Bytes)> SourceParts()
    {
        using var stream = new MemoryStream();
        RosterWorkbook.Write(DistrictRoster.Sample(QuarterSimulation.Quarter.Start), stream);
        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var part = e.Open();
            using var copy = new MemoryStream();
            part.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }

    private string Write(string name, List<(string Name, byte[] Bytes)> parts)
    {
        var path = Path.Combine(_dir, name);
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var (part, bytes) in parts)
        {
            using var stream = zip.CreateEntry(part).Open();
            stream.Write(bytes);
        }

        return path;
    }

    private static List<(string, byte[])> Part(List<(string Name, byte[] Bytes)> parts, string name, Func<string, string> edit) =>
        parts.Select(p => p.Name == name ? (p.Name, Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(p.Bytes)))) : p).ToList();

    private static List<(string, byte[])> Sheet(List<(string Name, byte[] Bytes)> parts, Func<string, string> edit) => Part(parts, "xl/worksheets/sheet3.xml", edit);

    private static string Dimension(string xml, string range) => Regex.Replace(xml, "<x:dimension ref=\"[^\"]*\"", $"<x:dimension ref=\"{range}\"");

    // The sheet's last row (76) and its cells renumbered.
    private static string LastRow(string xml, string row) => Regex.Replace(xml.Replace("<x:row r=\"76\">", $"<x:row r=\"{row}\">"), "r=\"([A-K])76\"", $"r=\"${{1}}{row}\"");

    private static void AssertShape(string path, object? roster, IReadOnlyList<string> problems, string what)
    {
        Assert.True(roster is null != (problems.Count == 0), $"{what}: a roster and problems, or neither");
        foreach (var problem in problems)
        {
            Assert.True(SheetOrCell().IsMatch(problem) || problem.StartsWith(path + ": ", StringComparison.Ordinal), $"{what}: '{problem}' names neither a sheet nor the file");
            Assert.DoesNotContain("Sequence contains", problem, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^(服务机构|派出单位|人员|AB岗|考核指标|考核办法)(!([A-Z]+[0-9]+|[0-9]+)|: )")]
    private static partial Regex SheetOrCell();
}
