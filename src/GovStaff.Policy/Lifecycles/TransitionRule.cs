using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// One trigger of a lifecycle, described once when the lifecycle is first used: the article it follows, its rules, how
/// the entity changes and what the event carries. <see cref="Run"/> applies it: the rules run first; a trigger the
/// lifecycle does not allow from the entity's state is a refusal citing the lifecycle's article (never Stateless's
/// InvalidOperationException); only a permitted decision fires the machine, changes the entity and raises an event.
/// </summary>
/// <typeparam name="T">The entity.</typeparam>
/// <typeparam name="TState">Its states.</typeparam>
/// <typeparam name="TTrigger">Its triggers.</typeparam>
/// <typeparam name="TInput">What one call adds (the network, the actor, dates); a value tuple, so nothing is allocated for it.</typeparam>
internal sealed class TransitionRule<T, TState, TTrigger, TInput>
    where T : class
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly LifecycleMachine<TState, TTrigger> _machine;
    private readonly Func<T, TState> _state;
    private readonly Func<T, string> _subject;
    private readonly TTrigger _trigger;
    private readonly Func<T, TInput, Citation> _basis;
    private readonly string _action;
    private readonly Func<T, TInput, PolicyVersion, List<Finding>> _rules;
    private readonly Func<T, TState, TInput, PolicyVersion, T> _apply;
    private readonly Func<T, TInput, EventData>? _data;
    private readonly LocalizedText _allowed;

    public TransitionRule(
        LifecycleMachine<TState, TTrigger> machine,
        Func<T, TState> state,
        Func<T, string> subject,
        TTrigger trigger,
        Func<T, TInput, Citation> basis,
        Func<T, TInput, PolicyVersion, List<Finding>> rules,
        Func<T, TState, TInput, PolicyVersion, T> apply,
        Func<T, TInput, EventData>? data)
    {
        (_machine, _state, _subject, _trigger, _basis, _rules, _apply, _data) = (machine, state, subject, trigger, basis, rules, apply, data);
        _action = machine.ActionName(trigger);
        _allowed = LocalizedText.Compose((Zh: ChineseNames.Of(trigger), En: ChineseNames.NameOf(trigger)), static n => $"允许{n.Zh}。", static n => $"{n.En} is allowed.");
    }

    /// <summary>Applies the trigger to <paramref name="entity"/> on <paramref name="date"/>.</summary>
    public LifecycleResult<T> Run(PolicyEngine engine, T entity, Actor? actor, LocalDate date, TInput input)
    {
        var state = _state(entity);
        var subject = _subject(entity);
        // Everything the check needs is passed along rather than captured: no closure per transition.
        var decision = engine.Evaluate(_action, subject, date, (Rule: this, Entity: entity, State: state, Subject: subject, Input: input), static (version, t) =>
        {
            var rule = t.Rule;
            if (!rule._machine.CanFire(t.State, rule._trigger))
            {
                return [Transition.NotAllowed(rule._machine, t.State, rule._trigger, rule._basis(t.Entity, t.Input), t.Subject)];
            }

            var findings = rule._rules(t.Entity, t.Input, version);
            return findings.Count > 0 ? findings : [new Finding($"{rule._machine.Name}.allowed", Severity.Satisfied, rule._basis(t.Entity, t.Input), rule._allowed, t.Subject)];
        }, out var version);

        if (!decision.IsPermitted)
        {
            return new LifecycleResult<T>(decision, entity, null);
        }

        var next = _machine.Fire(state, _trigger);
        // The version the rules ran under, for an update that works out again what they found.
        var updated = _apply(entity, next, input, version!);
        // The callback builds fresh details each call, so the event may own them.
        var details = _data?.Invoke(updated, input) ?? new EventData();
        details["fromState"] = ChineseNames.NameOf(state);
        details["toState"] = ChineseNames.NameOf(next);
        var @event = new DomainEvent(
            _action,
            subject,
            actor,
            decision.EvaluatedAt,
            date,
            decision.Citations,
            decision.PolicyVersion,
            LocalizedText.Compose(
                (Subject: subject, From: state, To: next),
                static m => $"{m.Subject}：{ChineseNames.Of(m.From)} → {ChineseNames.Of(m.To)}",
                static m => $"{m.Subject}: {ChineseNames.NameOf(m.From)} → {ChineseNames.NameOf(m.To)}"),
            details);
        return new LifecycleResult<T>(decision, updated, @event);
    }
}

/// <summary>A lifecycle's entity, seen by its transitions: its machine, where its state is and whom it is about.</summary>
internal sealed class LifecycleOf<T, TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, Func<T, TState> state, Func<T, string> subject)
    where T : class
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    /// <summary>Describes one trigger, once, under a fixed article.</summary>
    public TransitionRule<T, TState, TTrigger, TInput> On<TInput>(
        TTrigger trigger,
        Citation basis,
        Func<T, TInput, PolicyVersion, List<Finding>> rules,
        Func<T, TState, TInput, PolicyVersion, T> apply,
        Func<T, TInput, EventData>? data = null) =>
        new(machine, state, subject, trigger, (_, _) => basis, rules, apply, data);

    /// <summary>Describes one trigger, once, under an article that depends on the entity or the call (Art. 7 for police, Art. 4 for others).</summary>
    public TransitionRule<T, TState, TTrigger, TInput> On<TInput>(
        TTrigger trigger,
        Func<T, TInput, Citation> basis,
        Func<T, TInput, PolicyVersion, List<Finding>> rules,
        Func<T, TState, TInput, PolicyVersion, T> apply,
        Func<T, TInput, EventData>? data = null) =>
        new(machine, state, subject, trigger, basis, rules, apply, data);
}
