using System.CommandLine;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Reporting;

namespace GovStaff.Sample.Host;

/// <summary><c>graph &lt;lifecycle&gt; [--format mermaid|dot]</c>: prints a lifecycle's state diagram.</summary>
internal static class GraphCommand
{
    public static Command Build(SampleHostRun run)
    {
        var names = string.Join(", ", LifecycleDiagrams.All.Select(d => d.Name));
        var lifecycle = new Argument<string>("lifecycle") { Description = $"One of: {names}." };
        var format = new Option<string>("--format") { Description = "mermaid (default) or dot.", DefaultValueFactory = _ => "mermaid" };
        var command = new Command("graph",
            "Print a lifecycle's state diagram, generated from its Stateless configuration.\n\n" +
            "Examples:\n  graph leave\n  graph transfer --format dot | dot -Tpng > transfer.png")
        {
            lifecycle, format,
        };
        command.SetAction(r =>
        {
            try
            {
                var diagram = LifecycleDiagrams.Get(r.GetValue(lifecycle)!);
                var text = r.GetValue(format)?.ToLowerInvariant() switch
                {
                    "mermaid" => diagram.Mermaid,
                    "dot" => diagram.Dot,
                    var other => throw new KeyNotFoundException($"Unknown format '{other}'; use mermaid or dot."),
                };
                run.Out.Write(text.TrimEnd() + "\n");
                return ExitCodes.Ok;
            }
            catch (KeyNotFoundException e)
            {
                run.Error.WriteLine("error: " + e.Message);
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}
