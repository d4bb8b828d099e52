namespace GovStaff.Policy;

/// <summary>
/// A message in Chinese and English. Chinese is the authoritative language of the measures; English is a working gloss.
/// </summary>
/// <remarks>
/// Messages the library composes from their parts (who acted, which period, what total) are written out the first time
/// <see cref="Zh"/> or <see cref="En"/> is read: a quarter-end run makes several per person and most are stored or
/// counted, never displayed. Reading, comparing and serialising see the same text either way. Immutable and thread-safe.
/// </remarks>
public sealed record LocalizedText
{
    // Not read-only: a composed message writes its texts here when they are first read. Two threads may both write a
    // text the first time; they write the same string, so either may be kept.
    private string? _zh;
    private string? _en;
    private readonly Template? _template;

    /// <summary>Creates a message.</summary>
    /// <param name="Zh">The Chinese text (简体中文).</param>
    /// <param name="En">The English text.</param>
    /// <exception cref="ArgumentException">Either text is empty.</exception>
#pragma warning disable CA1707, IDE1006, SA1313 // The parameters keep the names of the properties, as they had when this was a positional record.
    public LocalizedText(string Zh, string En)
#pragma warning restore CA1707, IDE1006, SA1313
    {
        this.Zh = Zh;
        this.En = En;
    }

    private LocalizedText(Template template) => _template = template;

    /// <summary>The Chinese text (简体中文).</summary>
    public string Zh
    {
        get => _zh ??= Checked(_template!.WriteZh(), "Chinese");
        init => _zh = !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException("The Chinese text must not be empty.", nameof(Zh));
    }

    /// <summary>The English text.</summary>
    public string En
    {
        get => _en ??= Checked(_template!.WriteEn(), "English");
        init => _en = !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException("The English text must not be empty.", nameof(En));
    }

    /// <summary>Both texts on one line, Chinese first: <c>中文 / English</c>.</summary>
    public override string ToString() => $"{Zh} / {En}";

    /// <summary>Splits the message into its two texts.</summary>
    public void Deconstruct(out string zh, out string en) => (zh, en) = (Zh, En);

    /// <inheritdoc />
    public bool Equals(LocalizedText? other) =>
        other is not null && (ReferenceEquals(this, other) || (string.Equals(Zh, other.Zh, StringComparison.Ordinal) && string.Equals(En, other.En, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Zh, En);

    /// <summary>
    /// A message written from <paramref name="parts"/> when first read. The writers must be static lambdas of the
    /// parts alone, so the parts are all there is to keep.
    /// </summary>
    internal static LocalizedText Compose<TParts>(TParts parts, Func<TParts, string> zh, Func<TParts, string> en) =>
        new(new Template<TParts>(parts, zh, en));

    private static string Checked(string text, string language) =>
        !string.IsNullOrWhiteSpace(text) ? text : throw new InvalidOperationException($"A composed message has no {language} text.");

    private abstract class Template
    {
        public abstract string WriteZh();

        public abstract string WriteEn();
    }

    private sealed class Template<TParts>(TParts parts, Func<TParts, string> zh, Func<TParts, string> en) : Template
    {
        public override string WriteZh() => zh(parts);

        public override string WriteEn() => en(parts);
    }
}
