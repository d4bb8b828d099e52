namespace GovStaff.Policy.Regulation;

/// <summary>An item (项) inside an article, such as Art. 12(5) 限时办结制.</summary>
/// <param name="Citation">The item's citation.</param>
/// <param name="ChineseText">The authoritative text of the item, verbatim from the measures.</param>
/// <param name="EnglishGloss">A working English gloss.</param>
/// <param name="Kind">What a machine can do with the item.</param>
public sealed record ArticleItem(Citation Citation, string ChineseText, string EnglishGloss, ArticleKind Kind)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(ChineseText, nameof(ChineseText)) && Guard.NotNull(EnglishGloss, nameof(EnglishGloss));

    /// <summary>The item number.</summary>
    public int Number => Citation.Item!.Value;
}
