using Stateless;
using Stateless.Graph;

namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// A Stateless state machine for one lifecycle type, configured once and reused for every entity: the state lives on
/// the entity (Stateless external state storage) and is handed to the machine for the duration of a call.
/// </summary>
/// <remarks>
/// Stateless has no split between a machine's definition and its instances, and building the configuration per call
/// costs far more than firing a trigger. Here each thread configures the machine once (a Stateless machine is not
/// meant for concurrent use), then every call only swaps the state in and out. The rules of the measures run before
/// <see cref="Fire"/>; the machine enforces the shape of the lifecycle and draws the diagrams.
/// </remarks>
/// <typeparam name="TState">The lifecycle's states.</typeparam>
/// <typeparam name="TTrigger">The lifecycle's triggers.</typeparam>
public sealed class LifecycleMachine<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    // One slot per thread and closed generic type; it remembers which machine configured it, so two machines over the
    // same enums never share a configuration. Lifecycle machines live as long as the process: nothing to dispose.
    [ThreadStatic]
    private static Slot? t_slot;

    private readonly TTrigger[] _triggers = Enum.GetValues<TTrigger>();
    private readonly Action<StateMachine<TState, TTrigger>> _configure;
    private readonly Lazy<(string Mermaid, string Dot)> _diagrams;

    /// <summary>Creates the machine.</summary>
    /// <param name="name">The lifecycle's name, used in diagrams and messages (e.g. <c>leave</c>).</param>
    /// <param name="initial">The state a new entity starts in (the diagrams' start).</param>
    /// <param name="configure">Configures the states and permitted transitions; called once per thread.</param>
    public LifecycleMachine(string name, TState initial, Action<StateMachine<TState, TTrigger>> configure)
    {
        Name = name;
        Initial = initial;
        _configure = configure ?? throw new ArgumentNullException(nameof(configure));
        _diagrams = new(() =>
        {
            var info = Build(() => initial, _ => { }).GetInfo();
            return (MermaidGraph.Format(info), UmlDotGraph.Format(info));
        });
    }

    /// <summary>The lifecycle's name.</summary>
    public string Name { get; }

    /// <summary>The state a new entity starts in.</summary>
    public TState Initial { get; }

    /// <summary>True when the trigger leads somewhere from the state.</summary>
    public bool CanFire(TState state, TTrigger trigger)
    {
        var slot = Current();
        slot.State = state;
        return slot.Machine.CanFire(trigger);
    }

    /// <summary>The triggers permitted in a state.</summary>
    public IReadOnlyList<TTrigger> PermittedTriggers(TState state) => _triggers.Where(t => CanFire(state, t)).ToArray();

    /// <summary>Fires a trigger and returns the new state. Call <see cref="CanFire"/> first: the services do.</summary>
    /// <exception cref="InvalidOperationException">The trigger is not permitted in the state (a bug in the caller).</exception>
    public TState Fire(TState state, TTrigger trigger)
    {
        var slot = Current();
        slot.State = state;
        slot.Machine.Fire(trigger);
        return slot.State;
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

    private Slot Current()
    {
        var slot = t_slot;
        if (slot is null || !ReferenceEquals(slot.Owner, this))
        {
            slot = t_slot = new Slot(this);
        }

        return slot;
    }

    private sealed class Slot
    {
        public Slot(LifecycleMachine<TState, TTrigger> owner)
        {
            Owner = owner;
            Machine = owner.Build(() => State, s => State = s);
        }

        public LifecycleMachine<TState, TTrigger> Owner { get; }

        public TState State;

        public StateMachine<TState, TTrigger> Machine { get; }
    }
}
