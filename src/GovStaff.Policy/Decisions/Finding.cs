using System.Text.Json.Serialization;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// One observation behind a <see cref="Decision"/>: which rule (a stable <see cref="Code"/>), how much it weighs, the
/// article it rests on, and a message in Chinese and English.
/// </summary>
/// <remarks>Plain data: value equality (citations compared in order), stable JSON. Immutable and thread-safe.</remarks>
public sealed record Finding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="code">A stable machine-readable code, e.g. <c>art4.age-limit</c>.</param>
    /// <param name="severity">How much it weighs.</param>
    /// <param name="citations">The provisions it rests on, the primary one first; at least one.</param>
    /// <param name="message">What was found, in Chinese and English.</param>
    /// <param name="subject">What it is about, e.g. <c>staff:S001</c> or <c>body:hall</c>; null when it is the decision's subject.</param>
    /// <exception cref="ArgumentException">The code is empty or there is no citation.</exception>
    [JsonConstructor]
    public Finding(string code, Severity severity, IReadOnlyList<Citation> citations, LocalizedText message, string? subject = null)
    {
        Code = Guard.Text(code, nameof(Code), 80);
        Severity = Guard.Defined(severity, nameof(Severity));
        ArgumentNullException.ThrowIfNull(citations);
        Citations = citations.Count > 0 ? [.. citations] : throw new ArgumentException("A finding cites at least one provision.", nameof(citations));
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        Subject = subject;
    }

    /// <summary>Creates a finding with one citation.</summary>
    /// <param name="code">A stable machine-readable code.</param>
    /// <param name="severity">How much it weighs.</param>
    /// <param name="citation">The provision it rests on.</param>
    /// <param name="message">What was found.</param>
    /// <param name="subject">What it is about, if not the decision's subject.</param>
    public Finding(string code, Severity severity, Citation citation, LocalizedText message, string? subject = null)
    {
        Code = Guard.Text(code, nameof(Code), 80);
        Severity = Guard.Defined(severity, nameof(Severity));
        Citations = citation.AsList();
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
        Subject = subject;
    }

    /// <summary>A stable machine-readable code, e.g. <c>art4.age-limit</c>.</summary>
    public string Code { get; }

    /// <summary>How much the finding weighs.</summary>
    public Severity Severity { get; }

    /// <summary>The provisions the finding rests on, the primary one first.</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>The primary provision.</summary>
    [JsonIgnore]
    public Citation Citation => Citations[0];

    /// <summary>What was found, in Chinese and English.</summary>
    public LocalizedText Message { get; }

    /// <summary>What the finding is about, when it is not the decision's subject.</summary>
    public string? Subject { get; }

    /// <inheritdoc />
    public bool Equals(Finding? other) =>
        other is not null &&
        Code == other.Code &&
        Severity == other.Severity &&
        Citations.SequenceEqual(other.Citations) &&
        Message == other.Message &&
        Subject == other.Subject;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Code, Severity, Citation, Message, Subject);

    /// <summary><c>[Violation] Art. 4 art4.age-limit: …</c></summary>
    public override string ToString() => $"[{Severity}] {string.Join(", ", Citations)} {Code}: {Message.En}";
}
