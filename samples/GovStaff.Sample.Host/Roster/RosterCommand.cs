using System.CommandLine;
using GovStaff.Sample.Host.Simulation;

namespace GovStaff.Sample.Host.Roster;

/// <summary><c>roster export --output FILE.xlsx</c> and <c>roster check FILE.xlsx</c>: the district's roster workbook.</summary>
internal static class RosterCommand
{
    public static Command Build(SampleHostRun run)
    {
        var roster = new Command("roster", "The district's roster workbook (人员花名册): write the sample's, or check one.\n区人员花名册：导出示例区或检查一份花名册。");

        var output = new Option<FileInfo>("--output") { CustomParser = r => run.File(r.Tokens[0].Value), Description = "The .xlsx file to write.", Required = true };
        var export = new Command("export", "Write the sample district as a roster workbook.\n\nExamples:\n  roster export --output shapotou.xlsx") { output };
        export.SetAction(parse =>
        {
            var roster = DistrictRoster.Sample(QuarterSimulation.Quarter.Start);
            return OutputFile.Write(run, parse.GetValue(output)!, stream => RosterWorkbook.Write(roster, stream), "Roster written / 已导出花名册");
        });

        var path = new Argument<FileInfo>("file") { CustomParser = r => run.File(r.Tokens[0].Value), Description = "The roster workbook." };
        var check = new Command("check", "Read a roster workbook and name every problem by sheet and cell; exit 2 when there is one.\n\nExamples:\n  roster check shapotou.xlsx") { path };
        check.SetAction(parse =>
        {
            var file = parse.GetValue(path)!;
            var (roster, problems) = Load(file);
            if (roster is null)
            {
                Report(problems, run.Error);
                return ExitCodes.BadInput;
            }

            var network = roster.Network;
            var sets = roster.Methods.Select(m => m.Set.Name).Distinct().Count();
            run.Out.WriteLine($"{file.Name}: {network.Bodies.Count} service bodies, {network.HomeUnits.Count} home units, {network.Staff.Count} staff, {network.Posts.Count} A/B posts, " +
                $"{roster.Methods.Count} appraisal methods on {sets} indicator sets / 花名册无误");
            return ExitCodes.Ok;
        });

        roster.Subcommands.Add(export);
        roster.Subcommands.Add(check);
        return roster;
    }

    /// <summary>Reads a roster as of the quarter's first day; a missing file is a problem like any other.</summary>
    public static (DistrictRoster? Roster, IReadOnlyList<string> Problems) Load(FileInfo file) =>
        file.Exists ? RosterWorkbook.Read(file.FullName, QuarterSimulation.Quarter.Start) : (null, [$"{file.FullName}: no such file"]);

    /// <summary>One line per problem on stderr.</summary>
    public static void Report(IReadOnlyList<string> problems, TextWriter error)
    {
        foreach (var p in problems)
        {
            error.WriteLine("Roster error / 花名册错误: " + GovStaff.Policy.Reporting.PersonalData.MaskText(p));
        }
    }
}
