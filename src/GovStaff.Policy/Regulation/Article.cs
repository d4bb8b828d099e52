namespace GovStaff.Policy.Regulation;

/// <summary>One of the 31 articles of the measures, with its verbatim Chinese text and an English gloss.</summary>
/// <param name="Number">The article number, 1–31.</param>
/// <param name="Chapter">The chapter the article is in.</param>
/// <param name="ChineseText">The authoritative text, verbatim (all lines, including its items).</param>
/// <param name="EnglishGloss">A working English gloss (ARTICLES.md).</param>
/// <param name="Kind">What a machine can do with the article.</param>
/// <param name="Items">The items (项) of the article, in order; empty when it has none.</param>
public sealed record Article(
    int Number,
    Chapter Chapter,
    string ChineseText,
    string EnglishGloss,
    ArticleKind Kind,
    IReadOnlyList<ArticleItem> Items)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Chapter, nameof(Chapter)) && Guard.NotNull(ChineseText, nameof(ChineseText)) && Guard.NotNull(EnglishGloss, nameof(EnglishGloss)) && Guard.NotNull(Items, nameof(Items));

    /// <summary>The citation of the whole article.</summary>
    public Citation Citation => new(Number);

    /// <summary>Gets an item by number.</summary>
    /// <param name="item">The item number, starting at 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The article has no such item.</exception>
    public ArticleItem GetItem(int item) =>
        item >= 1 && item <= Items.Count
            ? Items[item - 1]
            : throw new ArgumentOutOfRangeException(nameof(item), item, $"Art. {Number} has {Items.Count} items.");
}
