using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// Runs a rule under the policy version in force on the action's date and wraps what it finds in a
/// <see cref="Decision"/> stamped with the version id and the clock's instant.
/// </summary>
/// <remarks>
/// An action dated outside every configured version is refused with a finding citing Art. 31: the library never
/// judges by a version that was not in force. Thread-safe when the clock is.
/// </remarks>
public sealed class PolicyEngine
{
    /// <summary>The version id written into decisions made when no version is in force.</summary>
    public const string NoVersion = "none";

    /// <summary>Creates the engine.</summary>
    /// <param name="versions">The configured versions of the measures.</param>
    /// <param name="clock">The source of "now" for <see cref="Decision.EvaluatedAt"/>.</param>
    public PolicyEngine(PolicyVersionSet versions, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(versions);
        Versions = versions;
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>The configured versions.</summary>
    public PolicyVersionSet Versions { get; }

    /// <summary>The clock.</summary>
    public IClock Clock { get; }

    /// <summary>Evaluates a rule for an action on a date.</summary>
    /// <param name="action">What is evaluated, e.g. <c>nomination.vet</c>.</param>
    /// <param name="subject">Whom it is about.</param>
    /// <param name="actionDate">The date of the action; it selects the policy version.</param>
    /// <param name="rule">The rule: given the version in force, what it finds (at least one finding).</param>
    /// <returns>The decision.</returns>
    public Decision Evaluate(string action, string? subject, LocalDate actionDate, Func<PolicyVersion, IReadOnlyList<Finding>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Evaluate(action, subject, actionDate, rule, static (version, rule) => rule(version));
    }

    /// <summary>
    /// Evaluates a rule that takes an argument of its own, so a static lambda can be passed and nothing is captured
    /// (as <c>ConcurrentDictionary.GetOrAdd</c> takes a factory argument).
    /// </summary>
    /// <typeparam name="TArg">What the rule needs besides the version.</typeparam>
    /// <param name="action">What is evaluated, e.g. <c>nomination.vet</c>.</param>
    /// <param name="subject">Whom it is about.</param>
    /// <param name="actionDate">The date of the action; it selects the policy version.</param>
    /// <param name="argument">Passed to <paramref name="rule"/> as it is.</param>
    /// <param name="rule">The rule: given the version in force and the argument, what it finds (at least one finding).</param>
    /// <returns>The decision.</returns>
    public Decision Evaluate<TArg>(string action, string? subject, LocalDate actionDate, TArg argument, Func<PolicyVersion, TArg, IReadOnlyList<Finding>> rule) =>
        Evaluate(action, subject, actionDate, argument, rule, out _);

    /// <summary>The same, also handing back the version the rule ran under (null when none is in force).</summary>
    internal Decision Evaluate<TArg>(string action, string? subject, LocalDate actionDate, TArg argument, Func<PolicyVersion, TArg, IReadOnlyList<Finding>> rule, out PolicyVersion? applied)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var now = Clock.GetCurrentInstant();
        applied = null;
        if (!Versions.TryResolve(actionDate, out var version))
        {
            var finding = new Finding(
                "art31.no-version-in-force",
                Severity.Violation,
                new Citation(31),
                new LocalizedText(
                    $"{actionDate:yyyy-MM-dd}不在任何已配置的本办法版本施行期内（已配置：{Describe()}），不予评判。",
                    $"No configured version of the measures is in force on {actionDate:yyyy-MM-dd} (configured: {Describe()}); the action is not judged."),
                subject);
            return new Decision(action, subject, [finding], NoVersion, now);
        }

        applied = version;
        return new Decision(action, subject, rule(version, argument), version.Id, now);
    }

    /// <summary>
    /// Evaluates the recording of a citizen's own act — a rating (好差评) or a complaint — which is never refused for want
    /// of a version in force: outside every version the rule runs on <see cref="PolicyOptions.Default"/> and a notice
    /// citing Art. 31 says the measures' handling rules are not in force (the 好差评 handling of 国办发〔2019〕51号 does
    /// not depend on them).
    /// </summary>
    internal Decision EvaluateRecording(string action, string? subject, LocalDate actionDate, Func<PolicyVersion, IReadOnlyList<Finding>> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (Versions.TryResolve(actionDate, out var version))
        {
            return new Decision(action, subject, rule(version), version.Id, Clock.GetCurrentInstant());
        }

        var notice = new Finding(
            "art31.recorded-out-of-force",
            Severity.Notice,
            new Citation(31),
            new LocalizedText(
                $"{actionDate:yyyy-MM-dd}不在任何已配置的本办法版本施行期内（已配置：{Describe()}）：照常记录，不予丢弃；本办法的处理规则不作评判，好差评依国办发〔2019〕51号办理。",
                $"No configured version of the measures is in force on {actionDate:yyyy-MM-dd} (configured: {Describe()}): recorded all the same, never dropped; the measures' handling rules are not applied, and 好差评 handling under 国办发〔2019〕51号 does not depend on them."),
            subject);
        var outOfForce = new PolicyVersion(NoVersion, new LocalizedText("本办法未施行", "no version in force"), actionDate, actionDate, PolicyOptions.Default);
        return new Decision(action, subject, [notice, .. rule(outOfForce)], NoVersion, Clock.GetCurrentInstant());
    }

    private string Describe() => string.Join("; ", Versions.Versions);
}
