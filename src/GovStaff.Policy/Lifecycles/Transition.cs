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
        Func<T, Dictionary<string, string>>? data = null,
        bool applyWhenApprovalRequired = false,
        LocalizedText? message = null)
        where T : class
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        var action = machine.ActionName(trigger);
        var decision = engine.Evaluate(action, subject, date, version =>
        {
            if (!machine.CanFire(state, trigger))
            {
                var allowed = machine.PermittedTriggers(state);
                return
                [
                    new Finding($"{machine.Name}.transition-not-allowed", Severity.Violation, lifecycleBasis,
                        new LocalizedText(
                            $"{subject}当前状态为{machine.ChineseName(state)}，不能{machine.ChineseName(trigger)}（可执行：{(allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(machine.ChineseName)))}）。",
                            $"{subject} is {state}; {trigger} is not possible now (possible: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))})."),
                        subject),
                ];
            }

            var findings = rules(version);
            return findings.Count > 0
                ? findings
                : [new Finding($"{machine.Name}.allowed", Severity.Satisfied, lifecycleBasis, new LocalizedText($"允许{machine.ChineseName(trigger)}。", $"{trigger} is allowed."), subject)];
        });

        var takesEffect = decision.IsPermitted || (applyWhenApprovalRequired && decision.Outcome == Outcome.RequiresApproval);
        if (!takesEffect)
        {
            return new LifecycleResult<T>(decision, entity, null);
        }

        var next = machine.Fire(state, trigger);
        var updated = apply(entity, next);
        // The callback builds a fresh dictionary each call, so the event may own it.
        var details = data?.Invoke(updated) ?? new Dictionary<string, string>(2);
        details["from"] = state.ToString();
        details["to"] = next.ToString();
        var @event = new DomainEvent(
            action,
            subject,
            actor,
            decision.EvaluatedAt,
            date,
            decision.Citations,
            decision.PolicyVersion,
            message ?? new LocalizedText($"{subject}：{machine.ChineseName(state)} → {machine.ChineseName(next)}", $"{subject}: {state} → {next}"),
            details);
        return new LifecycleResult<T>(decision, updated, @event);
    }

    /// <summary>An authority check as a finding: satisfied, or a violation naming who may act.</summary>
    public static Finding AuthorityFinding(string lifecycle, Actor actor, IReadOnlyList<Organization.Party> parties, Citation basis, string subject, LocalizedText what)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var authorised = false;
        foreach (var p in parties)
        {
            authorised |= p.Matches(actor);
        }

        return authorised
            ? new Finding($"{lifecycle}.authority", Severity.Satisfied, basis,
                new LocalizedText($"{actor.Body}有权{what.Zh}。", $"{actor.Body} has the authority to {what.En}."), subject)
            : new Finding($"{lifecycle}.unauthorised", Severity.Violation, basis,
                new LocalizedText($"{actor.Body}无权{what.Zh}；有权机构：{string.Join("、", parties)}。", $"{actor.Body} has no authority to {what.En}; those who do: {string.Join(", ", parties)}."), subject);
    }
}
