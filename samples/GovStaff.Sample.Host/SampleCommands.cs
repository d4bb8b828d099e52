using System.CommandLine;

namespace GovStaff.Sample.Host;

/// <summary>The console's command tree.</summary>
internal static class SampleCommands
{
    public static RootCommand Build(IServiceProvider services, SampleHostRun run)
    {
        var root = new RootCommand(
            "GovStaff.Policy sample host: the Shapotou District measures for government-service staff, as decisions that cite their articles.\n" +
            "沙坡头区基层政务服务人员队伍建设管理办法示例。\n\n" +
            "Examples:\n" +
            "  GovStaff.Sample.Host                     the main job: simulate 2022 Q4 in Shapotou district and print the quarter\n" +
            "  GovStaff.Sample.Host catalogue           the articles and a few nominations with their citations\n" +
            "  GovStaff.Sample.Host workdays add 2022-09-30 1\n" +
            "  GovStaff.Sample.Host workdays is 2022-10-08\n" +
            "  GovStaff.Sample.Host graph leave --format mermaid\n" +
            "  GovStaff.Sample.Host replay samples/GovStaff.Sample.Host/scenarios/binhe-leave-and-cases.json\n" +
            "  GovStaff.Sample.Host report --quarter 2022Q4 --format html > report.html\n" +
            "  GovStaff.Sample.Host report --quarter 2022Q4 --format xlsx --output shapotou-2022Q4.xlsx\n" +
            "  GovStaff.Sample.Host serve                run the monitors and deliver notifications until Ctrl+C\n" +
            "  GovStaff.Sample.Host outbox list --failed\n" +
            "  GovStaff.Sample.Host roster export --output shapotou.xlsx\n" +
            "  GovStaff.Sample.Host --roster shapotou.xlsx   the main job on a district read from a roster workbook");
        var roster = new Option<FileInfo>("--roster") { CustomParser = r => run.File(r.Tokens[0].Value), Description = "Seed the district from a roster workbook (roster export writes the built-in one) instead of the built-in district." };
        root.Options.Add(roster);
        // The option is read by the composition root before the host starts (Program.cs); parsed here for --help and typos.
        root.SetAction((_, ct) => new MainJob(services).RunAsync(run.Out, run.Error, ct));
        var catalogue = new Command("catalogue",
            "List the 31 articles and judge a few nominations with their citations.\n\n" +
            "Examples:\n  catalogue\n  catalogue | grep 第十二条");
        catalogue.SetAction((_, ct) => new OverviewCommand(services).RunAsync(run.Out, ct));
        root.Subcommands.Add(catalogue);
        root.Subcommands.Add(WorkdaysCommand.Build(services, run));
        root.Subcommands.Add(GraphCommand.Build(run));
        root.Subcommands.Add(Replay.ReplayCommand.Build(services, run));
        root.Subcommands.Add(ReportCommand.Build(services, run));
        root.Subcommands.Add(ServeCommand.Build(services, run));
        root.Subcommands.Add(OutboxCommand.Build(services, run));
        root.Subcommands.Add(Roster.RosterCommand.Build(run));
        return root;
    }
}
