using NodaTime;

namespace GovStaff.Policy.Hosting;

/// <summary>One monitor's run: when it ended, how many items it checked, how many warnings it raised, how many items failed.</summary>
/// <param name="Monitor">deadlines, report-back, unreported-adjustments or quarter-end.</param>
/// <param name="At">When the run ended.</param>
/// <param name="Items">Items checked.</param>
/// <param name="Findings">Warnings newly raised.</param>
/// <param name="Errors">Items that failed and were skipped.</param>
public sealed record MonitorRun(string Monitor, Instant At, int Items, int Findings, int Errors);
