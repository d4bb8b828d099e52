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

    [GeneratedRegex(@"^(服务机构|派出单位|人员|AB岗|考核指标|考核办法)(!([A-Z]+[0-9]+|[0-9]+)|: )")]
    private static partial Regex SheetOrCell();
}
