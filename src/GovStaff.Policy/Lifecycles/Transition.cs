using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// The findings every lifecycle makes the same way: a trigger not allowed from a state, and an authority check. The
/// transitions themselves are described once per trigger (<see cref="TransitionRule{T, TState, TTrigger, TInput}"/>).
/// </summary>
internal static class Transition
{
    // Every transition checks authority; its two codes per lifecycle are made once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Authorised, string Unauthorised)> AuthorityCodes = new(StringComparer.Ordinal);

    // "X has the authority to …" names only the acting body and the action (a fixed text at every call site), so each
    // pair's message is made once and shared: a township appraising its whole staff says the same thing each time.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Organization.Party Body, LocalizedText What), LocalizedText> AuthorityTexts = new();

    /// <summary>
    /// The check a lifecycle's first step makes before its own rules: null when the trigger may fire from the state,
    /// otherwise the refusal. An entity whose filing was refused stays in its draft state, from which nothing but
    /// filing again is possible.
    /// </summary>
    public static Finding? NotAllowedFrom<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, TState state, TTrigger trigger, Citation basis, string subject)
        where TState : struct, Enum
        where TTrigger : struct, Enum =>
        machine.CanFire(state, trigger) ? null : NotAllowed(machine, state, trigger, basis, subject);

    internal static Finding NotAllowed<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine, TState state, TTrigger trigger, Citation basis, string subject)
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
            authorised |= actor.ActsFor(parties[i]);
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
