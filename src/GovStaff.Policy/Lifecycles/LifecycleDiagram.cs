using System.Reflection;

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
    /// <remarks>
    /// Each lifecycle declares its own diagram (a static <c>Diagram</c> property beside its machine); the machinery here
    /// finds them and knows none of them.
    /// </remarks>
    public static IReadOnlyList<LifecycleDiagram> All { get; } =
    [
        .. typeof(LifecycleDiagram).Assembly.GetTypes()
            .Select(t => t.GetProperty("Diagram", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)?.GetValue(null))
            .OfType<LifecycleDiagram>()
            .OrderBy(d => d.FirstArticle)
            .ThenBy(d => d.Name, StringComparer.Ordinal),
    ];

    // Where the lifecycle starts in the measures, for the order of All.
    internal int FirstArticle { get; private init; }

    /// <summary>Gets a lifecycle's diagram by name (<c>stationing</c>, <c>transfer</c>, <c>leave</c>, <c>complaint</c>, <c>appraisal</c>, <c>recall</c>).</summary>
    /// <exception cref="KeyNotFoundException">No lifecycle has that name; the message lists them.</exception>
    public static LifecycleDiagram Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"No lifecycle is named '{name}'. Lifecycles: {string.Join(", ", All.Select(d => d.Name))}.");
    }

    /// <summary>The diagram of a lifecycle's machine.</summary>
    internal static LifecycleDiagram From<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, int firstArticle, LocalizedText title)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        new(machine.Name, title, machine.ToMermaid(), machine.ToDot()) { FirstArticle = firstArticle };
}
