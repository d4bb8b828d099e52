namespace GovStaff.Policy;

/// <summary>
/// A message in Chinese and English. Chinese is the authoritative language of the measures; English is a working gloss.
/// </summary>
/// <param name="Zh">The Chinese text (简体中文).</param>
/// <param name="En">The English text.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The Chinese text (简体中文).</summary>
    public string Zh { get; init; } = !string.IsNullOrWhiteSpace(Zh) ? Zh : throw new ArgumentException("The Chinese text must not be empty.", nameof(Zh));

    /// <summary>The English text.</summary>
    public string En { get; init; } = !string.IsNullOrWhiteSpace(En) ? En : throw new ArgumentException("The English text must not be empty.", nameof(En));

    /// <summary>Both texts on one line, Chinese first: <c>中文 / English</c>.</summary>
    public override string ToString() => $"{Zh} / {En}";
}
