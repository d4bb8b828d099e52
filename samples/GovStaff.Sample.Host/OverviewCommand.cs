using GovStaff.Policy.Decisions;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GovStaff.Sample.Host;

/// <summary>The default job: the article catalogue, then nominations in the sample district judged with their citations.</summary>
internal sealed class OverviewCommand(IServiceProvider services)
{
    private static readonly LocalDate NominationDate = new(2022, 10, 10);

    public async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine(RegulationCatalogue.Title);
        var kinds = RegulationCatalogue.Articles.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{RegulationCatalogue.Articles.Count} articles in {RegulationCatalogue.Chapters.Count} chapters / 共{RegulationCatalogue.Articles.Count}条{RegulationCatalogue.Chapters.Count}章");
        foreach (var chapter in RegulationCatalogue.Chapters)
        {
            output.WriteLine();
            output.WriteLine($"第{chapter.Number}章 {chapter.Title.Zh} / Chapter {chapter.Number}: {chapter.Title.En}");
            foreach (var article in RegulationCatalogue.Articles.Where(a => a.Chapter == chapter))
            {
                var firstLine = article.ChineseText.Split('\n')[0];
                var lead = firstLine.Length > 42 ? firstLine[..42] + "…" : firstLine;
                var items = article.Items.Count > 0 ? $" ({article.Items.Count} items)" : string.Empty;
                output.WriteLine($"  {article.Citation.ToEnglish(),-8} [{article.Kind.ToString().ToLowerInvariant()}]{items} {lead}");
            }
        }

        var rules = services.GetRequiredService<StaffingRules>();
        var network = SampleDistrict.Build(NominationDate);
        var binhe = SampleDistrict.Townships[0].Code;
        var candidates = new[]
        {
            (new StaffMember(new("zhang-wei"), "张伟", new LocalDate(1990, 4, 2), SampleDistrict.TownshipUnit(binhe), Role.Other, null, true, true), SampleDistrict.CentreOf(binhe), Role.TownshipWindowStaff),
            (new StaffMember(new("liu-fang"), "刘芳", new LocalDate(1976, 10, 10), SampleDistrict.TownshipUnit(binhe), Role.Other, null, true, true), SampleDistrict.CentreOf(binhe), Role.TownshipWindowStaff),
            (new StaffMember(new("zhou-min"), "周敏", new LocalDate(1992, 7, 7), new("dept-hrss"), Role.Other, null, false, false), SampleDistrict.Hall, Role.HallWindowStaff),
            (new StaffMember(new("police-wang"), "王警官", new LocalDate(1975, 1, 1), new($"police-{binhe}"), Role.Other, null, true, true), SampleDistrict.CentreOf(SampleDistrict.Townships[1].Code), Role.TownshipWindowStaff),
        };
        foreach (var (candidate, _, _) in candidates)
        {
            network = network.WithStaff(candidate);
        }

        output.WriteLine();
        output.WriteLine($"Nominations on {NominationDate:yyyy-MM-dd} / {NominationDate:yyyy-MM-dd}选派审核:");
        // The catalogue shows what the rules say; it records nothing (and so creates no database).
        foreach (var (candidate, target, role) in candidates)
        {
            var decision = rules.VetNomination(new Nomination(candidate.Id, target, role, NominationDate), network);
            output.WriteLine($"  {candidate.Name} → {network.GetBody(target).Name} ({role.DisplayName().En}): {decision.Outcome} [{decision.PolicyVersion}]");
            foreach (var finding in decision.Findings.Where(f => decision.Outcome == Outcome.Permitted || f.Severity >= Severity.Warning))
            {
                output.WriteLine($"    {finding.Citation.ToChinese()} / {finding.Citation}: {finding.Message.Zh} / {finding.Message.En}");
            }
        }

        var directors = rules.CheckDirectors(network);
        output.WriteLine();
        output.WriteLine($"Directors (Art. 3) / 主任明确情况: {directors.Outcome}, {directors.Findings.Count(f => f.Severity == Severity.Satisfied)} of {directors.Findings.Count} units have exactly one");
        output.WriteLine();
        output.WriteLine("Nothing recorded: the main job and replay record / 未记录：主任务与场景回放才写入存储");
        await output.FlushAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
