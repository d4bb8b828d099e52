using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Staffing;

namespace GovStaff.Policy.Lifecycles;

/// <summary>A lifecycle's state diagram, exported from its Stateless configuration.</summary>
/// <param name="Name">The lifecycle's name.</param>
/// <param name="Title">What it models, with the articles.</param>
/// <param name="Mermaid">The Mermaid state diagram.</param>
/// <param name="Dot">The Graphviz DOT graph.</param>
public sealed record LifecycleDiagram(string Name, LocalizedText Title, string Mermaid, string Dot)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Name, nameof(Name)) && Guard.NotNull(Title, nameof(Title)) && Guard.NotNull(Mermaid, nameof(Mermaid)) && Guard.NotNull(Dot, nameof(Dot));

    /// <summary>Every lifecycle of the library, in the order of the measures.</summary>
    public static IReadOnlyList<LifecycleDiagram> All { get; } =
    [
        From(StationingLifecycle.Machine, new("选派与进驻（第三条至第六条）", "Nomination and stationing (Art. 3–6)")),
        From(TransferLifecycle.Machine, new("调换与调整（第四条、第七条）", "Transfer and adjustment (Art. 4, 7)")),
        From(LeaveLifecycle.Machine, new("请假与销假（第十二条第（二）项、第（六）项）", "Leave and reporting back (Art. 12(2), 12(6))")),
        From(AppraisalLifecycle.Machine, new("考核（第二十三条至第二十八条）", "Appraisal (Art. 23–28)")),
        From(SanctionLifecycle.Machine, new("退回与重新选派（第二十九条）", "Return and replacement (Art. 29)")),
    ];

    /// <summary>Gets a lifecycle's diagram by name (<c>stationing</c>, <c>transfer</c>, <c>leave</c>, <c>appraisal</c>, <c>recall</c>).</summary>
    /// <exception cref="KeyNotFoundException">No lifecycle has that name; the message lists them.</exception>
    public static LifecycleDiagram Get(string name) =>
        name is null ? throw new ArgumentNullException(nameof(name)) : All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No lifecycle is named '{name}'. Lifecycles: {string.Join(", ", All.Select(d => d.Name))}.");

    private static LifecycleDiagram From<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, LocalizedText title)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        new(machine.Name, title, machine.ToMermaid(), machine.ToDot());
}
