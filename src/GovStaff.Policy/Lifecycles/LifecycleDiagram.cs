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

    // Where the lifecycle starts in the measures, for the order of LifecycleDiagrams.All.
    internal int FirstArticle { get; private init; }

    /// <summary>The diagram of a lifecycle's machine.</summary>
    internal static LifecycleDiagram From<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, int firstArticle, LocalizedText title)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        new(machine.Name, title, machine.ToMermaid(), machine.ToDot()) { FirstArticle = firstArticle };
}
