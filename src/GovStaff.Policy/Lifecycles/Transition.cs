using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// One trigger on one entity: the rules run first; a trigger the lifecycle does not allow from the entity's state is a
/// refusal citing the lifecycle's article (never Stateless's InvalidOperationException); only a permitted decision
/// fires the machine and raises an event.
/// </summary>
internal static class Transition
{
    // Every transition checks authority; its two codes per lifecycle are made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Authorised, string Unauthorised)> AuthorityCodes = new(StringComparer.Ordinal);

    // "X has the authority to …" names only the acting body and the action (a fixed text at every call site), so each
    // pair's message is made once and shared: a township appraising its whole staff says the same thing each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Organization.Party Body, LocalizedText What), LocalizedText> AuthorityTexts = new();

    public static LifecycleResult<T> Run<T, TState, TTrigger>(
        PolicyEngine engine,
        LifecycleMachine<TState, TTrigger> machine,
        T entity,
        TState state,
        TTrigger trigger,
        Citation lifecycleBasis,
        string subject,
        Actor? actor,
        LocalDate date,
        Func<PolicyVersion, List<Finding>> rules,
        Func<T, TState, T> apply,
        Func<T, EventData>? data = null,
        bool applyWhenApprovalRequired = false,
        LocalizedText? message = null)
        where T : class
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        Run(engine, machine, entity, state, trigger, lifecycleBasis, subject, actor, date, (Rules: rules, Apply: apply, Data: data),
            static (version, c) => c.Rules(version),
            static (e, s, c, _) => c.Apply(e, s),
            data is null ? null : static (e, c) => c.Data!(e),
            applyWhenApprovalRequired,
            message);

    /// <summary>
    /// The same with the rule's inputs passed as <paramref name="argument"/> (a struct, so nothing is allocated for
    /// it), so the callbacks can be static and a quarter-end run makes no delegates or closures per person; the update
    /// gets the version the rules ran under to work out what it needs from them.
    /// </summary>
    public static LifecycleResult<T> Run<T, TState, TTrigger, TArg>(
        PolicyEngine engine,
        LifecycleMachine<TState, TTrigger> machine,
        T entity,
        TState state,
        TTrigger trigger,
        Citation lifecycleBasis,
        string subject,
        Actor? actor,
        LocalDate date,
        TArg argument,
        Func<PolicyVersion, TArg, List<Finding>> rules,
        Func<T, TState, TArg, PolicyVersion, T> apply,
        Func<T, TArg, EventData>? data = null,
        bool applyWhenApprovalRequired = false,
        LocalizedText? message = null)
        where T : class
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var action = machine.ActionName(trigger);
        // Everything the check needs is passed along rather than captured: no closure per transition.
        var decision = engine.Evaluate(action, subject, date, (Machine: machine, State: state, Trigger: trigger, Basis: lifecycleBasis, Subject: subject, Rules: rules, Argument: argument), static (version, t) =>
        {
            if (!t.Machine.CanFire(t.State, t.Trigger))
            {
                return [NotAllowed(t.Machine, t.State, t.Trigger, t.Basis, t.Subject)];
            }

            var findings = t.Rules(version, t.Argument);
            return findings.Count > 0
                ? findings
                : [new Finding($"{t.Machine.Name}.allowed", Severity.Satisfied, t.Basis,
                    LocalizedText.Compose((Zh: ChineseNames.Of(t.Trigger), En: ChineseNames.NameOf(t.Trigger)), static n => $"允许{n.Zh}。", static n => $"{n.En} is allowed."), t.Subject)];
        });

        var takesEffect = decision.IsPermitted || (applyWhenApprovalRequired && decision.Outcome == Outcome.RequiresApproval);
        if (!takesEffect)
        {
            return new LifecycleResult<T>(decision, entity, null);
        }

        var next = machine.Fire(state, trigger);
        // The version the rules ran under (resolved by the date, as the engine did), for a callback that works out again
        // what they found; nothing is kept between the two.
        engine.Versions.TryResolve(date, out var version);
        var updated = apply(entity, next, argument, version);
        // The callback builds fresh details each call, so the event may own them.
        var details = data?.Invoke(updated, argument) ?? new EventData();
        details["fromState"] = ChineseNames.NameOf(state);
        details["toState"] = ChineseNames.NameOf(next);
        var @event = new DomainEvent(
            action,
            subject,
            actor,
            decision.EvaluatedAt,
            date,
            decision.Citations,
            decision.PolicyVersion,
            message ?? LocalizedText.Compose(
                (Subject: subject, From: state, To: next),
                static m => $"{m.Subject}：{ChineseNames.Of(m.From)} → {ChineseNames.Of(m.To)}",
                static m => $"{m.Subject}: {ChineseNames.NameOf(m.From)} → {ChineseNames.NameOf(m.To)}"),
            details);
        return new LifecycleResult<T>(decision, updated, @event);
    }

    /// <summary>
    /// The check a lifecycle's first step makes before its own rules: null when the trigger may fire from the state,
    /// otherwise the refusal. An entity whose filing was refused stays in its draft state, from which nothing but
    /// filing again is possible.
    /// </summary>
    public static Finding? NotAllowedFrom<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, TState state, TTrigger trigger, Citation basis, string subject)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        machine.CanFire(state, trigger) ? null : NotAllowed(machine, state, trigger, basis, subject);

    private static Finding NotAllowed<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, TState state, TTrigger trigger, Citation basis, string subject)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var allowed = machine.PermittedTriggers(state);
        return new Finding($"{machine.Name}.transition-not-allowed", Severity.Violation, basis,
            new LocalizedText(
                $"{subject}当前状态为{ChineseNames.Of(state)}，不能{ChineseNames.Of(trigger)}（可执行：{(allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(ChineseNames.Of)))}）。",
                $"{subject} is {state}; {trigger} is not possible now (possible: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))})."),
            subject);
    }

    /// <summary>An authority check as a finding: satisfied, or a violation naming who may act.</summary>
    public static Finding AuthorityFinding(string lifecycle, Actor actor, IReadOnlyList<Organization.Party> parties, Citation basis, string subject, LocalizedText what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var authorised = false;
        for (var i = 0; i < parties.Count; i++)
        {
            authorised |= parties[i].Matches(actor);
        }

        var codes = AuthorityCodes.GetOrAdd(lifecycle, static l => (l + ".authority", l + ".unauthorised"));
        return authorised
            ? new Finding(codes.Authorised, Severity.Satisfied, basis,
                AuthorityTexts.GetOrAdd((new Organization.Party(actor.ServiceBody, actor.HomeUnit), what), static k =>
                    LocalizedText.Compose(k, static a => $"{a.Body}有权{a.What.Zh}。", static a => $"{a.Body} has the authority to {a.What.En}.")), subject)
            : new Finding(codes.Unauthorised, Severity.Violation, basis,
                new LocalizedText($"{actor.Body}无权{what.Zh}；有权机构：{string.Join("、", parties)}。", $"{actor.Body} has no authority to {what.En}; those who do: {string.Join(", ", parties)}."), subject);
    }
}
