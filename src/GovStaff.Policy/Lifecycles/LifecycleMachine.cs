using System.Runtime.CompilerServices;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// A Stateless state machine for one lifecycle type, configured once and reused for every entity: the state lives on
/// the entity (Stateless external state storage) and is handed to the machine for the duration of a call.
/// </summary>
/// <remarks>
/// <para>
/// Stateless has no split between a machine's definition and its instances, and building the configuration per call
/// costs far more than firing a trigger. The Stateless configuration is the single definition: it is read back once
/// through Stateless's own description (<see cref="StateMachine{TState,TTrigger}.GetInfo"/>) and, when it is plain
/// permitted transitions (no guards, entry or exit actions, substates or dynamic destinations — true of every
/// lifecycle in this library), compiled into a state × trigger table that answers <see cref="CanFire"/> and
/// <see cref="Fire"/> with one array read and no allocation. A test checks the table against a freshly configured
/// Stateless machine for every state and trigger. Any other configuration is refused when the machine is made: the
/// rules of the measures run before a transition, so a lifecycle has no use for guards or actions.
/// </para>
/// <para>The rules of the measures run before <see cref="Fire"/>; the machine enforces the shape of the lifecycle and draws the diagrams.</para>
/// </remarks>
/// <typeparam name="TState">The lifecycle's states.</typeparam>
/// <typeparam name="TTrigger">The lifecycle's triggers.</typeparam>
internal sealed class LifecycleMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly TTrigger[] _triggers = Enum.GetValues<TTrigger>();
    private readonly Action<StateMachine<TState, TTrigger>> _configure;
    private readonly Lazy<(string Mermaid, string Dot)> _diagrams;
    private readonly Dictionary<TTrigger, string> _actions;

    // Destination + 1 per (state, trigger), 0 where the trigger is not permitted.
    private readonly int[] _table;
    private readonly int _width;

    /// <summary>Creates the machine.</summary>
    /// <param name="name">The lifecycle's name, used in diagrams and messages (e.g. <c>leave</c>).</param>
    /// <param name="initial">The state a new entity starts in (the diagrams' start).</param>
    /// <param name="configure">Configures the states and permitted transitions. Called here, once, to compile the table and draw the diagrams.</param>
    /// <exception cref="ArgumentException">
    /// The configuration is more than plain permitted transitions (guards, actions, substates, dynamic or internal
    /// transitions), or an enum is not an int from 0 to 63.
    /// </exception>
    public LifecycleMachine(string name, TState initial, Action<StateMachine<TState, TTrigger>> configure)
    {
        Name = name;
        Initial = initial;
        ArgumentNullException.ThrowIfNull(configure);
        _configure = configure;

        // One read of the configuration serves the table now and the diagrams when first asked for.
        var info = Build(() => initial, _ => { }).GetInfo();
        _diagrams = new(() => (MermaidGraph.Format(info), UmlDotGraph.Format(info)));
        _actions = _triggers.Distinct().ToDictionary(t => t, t => $"{name}.{Kebab(t.ToString())}");
        (_table, _width) = Compile(info) is ({ } table, var width)
            ? (table, width)
            : throw new ArgumentException($"The {name} lifecycle is configured with more than plain permitted transitions (guards, actions, substates, dynamic or internal transitions) or with enums that are not ints from 0 to 63; its rules belong before the transition.", nameof(configure));
    }

    /// <summary>The lifecycle's name.</summary>
    public string Name { get; }

    /// <summary>The state a new entity starts in.</summary>
    public TState Initial { get; }

    /// <summary>True when the trigger leads somewhere from the state.</summary>
    public bool CanFire(TState state, TTrigger trigger) => Lookup(state, trigger) != 0;

    /// <summary>The triggers permitted in a state.</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers(TState state) => _triggers.Where(t => CanFire(state, t)).ToArray();

    /// <summary>Fires a trigger and returns the new state. Call <see cref="CanFire"/> first: the services do.</summary>
    /// <exception cref="InvalidOperationException">The trigger is not permitted in the state (a bug in the caller).</exception>
    public TState Fire(TState state, TTrigger trigger)
    {
        var next = Lookup(state, trigger) - 1;
        return next >= 0
            ? Unsafe.As<int, TState>(ref next)
            : throw new InvalidOperationException($"No valid leaving transitions are permitted from state '{state}' for trigger '{trigger}' in the {Name} lifecycle.");
    }

    /// <summary>The lifecycle as a Mermaid state diagram.</summary>
    public string ToMermaid() => _diagrams.Value.Mermaid;

    /// <summary>The lifecycle as a Graphviz DOT graph.</summary>
    public string ToDot() => _diagrams.Value.Dot;

    /// <summary>
    /// Builds a fresh, fully configured Stateless machine over the given state storage. The services never need
    /// this; it is what a caller without <see cref="LifecycleMachine{TState, TTrigger}"/> would do on every call.
    /// </summary>
    public StateMachine<TState, TTrigger> Build(Func<TState> read, Action<TState> write)
    {
        var machine = new StateMachine<TState, TTrigger>(read, write);
        _configure(machine);
        return machine;
    }

    /// <summary>The action name for a trigger: <c>leave.report-back</c>.</summary>
    internal string ActionName(TTrigger trigger) => _actions[trigger];

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // Reads Stateless's description of the configuration back into a table, or returns null when the configuration
    // uses anything a table cannot express.
    private static (int[]? Table, int Width) Compile(StateMachineInfo info)
    {
        const int MaxValue = 63;
        if (Enum.GetUnderlyingType(typeof(TState)) != typeof(int) || Enum.GetUnderlyingType(typeof(TTrigger)) != typeof(int))
        {
            return (null, 0);
        }

        var states = Enum.GetValues<TState>().Select(ToInt).ToArray();
        var triggers = Enum.GetValues<TTrigger>().Select(ToInt).ToArray();
        if (states.Any(v => v is < 0 or > MaxValue) || triggers.Any(v => v is < 0 or > MaxValue))
        {
            return (null, 0);
        }

        var width = triggers.Max() + 1;
        var table = new int[(states.Max() + 1) * width];
        foreach (var state in info.States)
        {
            var plain = state.Superstate is null && !state.Substates.Any() && !state.EntryActions.Any() && !state.ExitActions.Any() &&
                !state.ActivateActions.Any() && !state.DeactivateActions.Any() && !state.DynamicTransitions.Any() && !state.IgnoredTriggers.Any() &&
                state.Transitions.Count() == state.FixedTransitions.Count();
            if (!plain)
            {
                return (null, 0);
            }

            foreach (var t in state.FixedTransitions)
            {
                if (t.GuardConditionsMethodDescriptions.Any() || t.IsInternalTransition)
                {
                    return (null, 0);
                }

                table[(ToInt((TState)state.UnderlyingState) * width) + ToInt((TTrigger)t.Trigger.UnderlyingTrigger)] = ToInt((TState)t.DestinationState.UnderlyingState) + 1;
            }
        }

        return (table, width);
    }

    private int Lookup(TState state, TTrigger trigger)
    {
        var s = ToInt(state);
        var t = ToInt(trigger);
        return (uint)t < (uint)_width && (uint)((s * _width) + t) < (uint)_table.Length ? _table[(s * _width) + t] : 0;
    }

    private static int ToInt<T>(T value)
        where T : struct, Enum => Unsafe.As<T, int>(ref value);
}
