using System.Text.Json.Serialization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// What the measures say about one action: the <see cref="Outcome"/>, the findings behind it (each citing its
/// article), the policy version applied and the instant it was evaluated.
/// </summary>
/// <remarks>
/// The outcome follows from the findings: any <see cref="Severity.Violation"/> refuses; otherwise any
/// <see cref="Severity.ApprovalRequired"/> requires approval; otherwise any <see cref="Severity.Warning"/> warns;
/// otherwise the action is permitted. Decisions are plain data with value equality and stable JSON, so they can be
/// stored, compared and snapshot-tested. Immutable and thread-safe.
/// </remarks>
public sealed record Decision
{
    /// <summary>Creates a decision; the outcome is derived from the findings.</summary>
    /// <param name="action">What was evaluated, e.g. <c>nomination.vet</c>.</param>
    /// <param name="subject">Whom or what it is about, e.g. <c>staff:S001</c>.</param>
    /// <param name="findings">The findings, in the order the rules produced them; at least one.</param>
    /// <param name="policyVersion">The id of the policy version applied.</param>
    /// <param name="evaluatedAt">When the decision was made (from the injected clock).</param>
    /// <exception cref="ArgumentException">No findings, or an empty action or version.</exception>
    public Decision(string action, string? subject, IReadOnlyList<Finding> findings, string policyVersion, Instant evaluatedAt)
    {
        Action = Guard.Text(action, nameof(Action), 80);
        Subject = subject;
        ArgumentNullException.ThrowIfNull(findings);
        Findings = findings.Count > 0 ? [.. findings] : throw new ArgumentException("A decision rests on at least one finding.", nameof(findings));
        PolicyVersion = Guard.Text(policyVersion, nameof(PolicyVersion), 80);
        EvaluatedAt = evaluatedAt;
        Outcome = Derive(Findings);
    }

    // For reading stored JSON: a decision about no one is written without "subject", so it must be optional here.
    [JsonConstructor]
    private Decision(string action, IReadOnlyList<Finding> findings, string policyVersion, Instant evaluatedAt, string? subject = null)
        : this(action, subject, findings, policyVersion, evaluatedAt)
    {
    }

    /// <summary>What was evaluated, e.g. <c>nomination.vet</c>.</summary>
    public string Action { get; }

    /// <summary>Whom or what the decision is about.</summary>
    public string? Subject { get; }

    /// <summary>The outcome, derived from the findings (written to JSON, recomputed when read).</summary>
    public Outcome Outcome { get; }

    /// <summary>The findings.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The id of the policy version applied (Art. 31).</summary>
    public string PolicyVersion { get; }

    /// <summary>When the decision was made.</summary>
    public Instant EvaluatedAt { get; }

    /// <summary>True when the action may go ahead now: <see cref="Outcome.Permitted"/> or <see cref="Outcome.Warning"/>.</summary>
    [JsonIgnore]
    public bool IsPermitted => Outcome is Outcome.Permitted or Outcome.Warning;

    private IReadOnlyList<Citation>? _citations;

    /// <summary>Every provision cited, in document order, without repeats.</summary>
    [JsonIgnore]
    public IReadOnlyList<Citation> Citations => _citations ??= CollectCitations(Findings);

    /// <summary>The findings that decided the outcome (for a refusal, the violations).</summary>
    [JsonIgnore]
    public IEnumerable<Finding> Reasons => Findings.Where(f => f.Severity == Findings.Max(x => x.Severity) && f.Severity >= Severity.Warning);

    /// <summary>True when a finding with this code is present.</summary>
    public bool Has(string code) => Findings.Any(f => f.Code == code);

    /// <inheritdoc />
    public bool Equals(Decision? other) =>
        other is not null &&
        Action == other.Action &&
        Subject == other.Subject &&
        Outcome == other.Outcome &&
        PolicyVersion == other.PolicyVersion &&
        EvaluatedAt == other.EvaluatedAt &&
        Findings.SequenceEqual(other.Findings);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Action, Subject, Outcome, PolicyVersion, EvaluatedAt, Findings.Count);

    /// <summary>A one-line summary: <c>nomination.vet staff:S001 → Refused (Art. 4)</c>.</summary>
    public override string ToString() =>
        $"{Action} {Subject} → {Outcome} ({string.Join(", ", Citations)}) [{PolicyVersion}]";

    // A decision cites a handful of provisions; a sort and one pass beat a hash set at that size.
    private static IReadOnlyList<Citation> CollectCitations(IReadOnlyList<Finding> findings)
    {
        // Most decisions rest on one provision throughout: then the provision's shared one-citation list.
        var first = findings[0].Citation;
        var count = 0;
        var same = true;
        for (var i = 0; i < findings.Count; i++)
        {
            var citations = findings[i].Citations;
            count += citations.Count;
            for (var j = 0; j < citations.Count; j++)
            {
                same &= citations[j] == first;
            }
        }

        if (same)
        {
            return first.AsList();
        }

        // Sorted and made unique on the stack (a decision cites a handful), then copied out once at the exact size.
        var all = count <= 32 ? stackalloc Citation[count] : new Citation[count];
        var n = 0;
        for (var i = 0; i < findings.Count; i++)
        {
            var citations = findings[i].Citations;
            for (var j = 0; j < citations.Count; j++)
            {
                all[n++] = citations[j];
            }
        }

        all.Sort();
        var unique = 0;
        for (var i = 0; i < all.Length; i++)
        {
            if (unique == 0 || all[i] != all[unique - 1])
            {
                all[unique++] = all[i];
            }
        }

        return all[..unique].ToArray();
    }

    internal static Outcome Derive(IReadOnlyList<Finding> findings)
    {
        var worst = Severity.Satisfied;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Severity > worst)
            {
                worst = findings[i].Severity;
            }
        }

        return worst switch
        {
            Severity.Violation => Outcome.Refused,
            Severity.ApprovalRequired => Outcome.RequiresApproval,
            Severity.Warning => Outcome.Warning,
            _ => Outcome.Permitted,
        };
    }
}
