using System.Text.RegularExpressions;

namespace GovStaff.Policy.Regulation;

/// <summary>
/// The 31 articles of the measures (《沙坡头区基层政务服务人员队伍建设管理办法（试行）（征求意见稿）》): the
/// authoritative Chinese text verbatim, an English gloss, the kind of each article and item, and which provisions
/// bind which role.
/// </summary>
/// <remarks>
/// The Chinese text is read from a copy of the measures embedded in this assembly, so it is the text itself, typos
/// included (笫 for 第 in Art. 7 and Art. 13, AR岗 for AB岗 in Art. 12(6)): the law is modelled, not corrected.
/// The catalogue is immutable and thread-safe.
/// </remarks>
public static partial class RegulationCatalogue
{
    /// <summary>The number of articles in the measures.</summary>
    public const int ArticleCount = 31;

    private static readonly Lazy<Loaded> Data = new(Load);

    /// <summary>The title of the measures as printed, on one line.</summary>
    public static string Title => Data.Value.Title;

    /// <summary>All 31 articles in order.</summary>
    public static IReadOnlyList<Article> Articles => Data.Value.Articles;

    /// <summary>The seven chapters in order.</summary>
    public static IReadOnlyList<Chapter> Chapters => Data.Value.Chapters;

    /// <summary>Gets an article by number.</summary>
    /// <param name="number">1–31.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no such article.</exception>
    public static Article GetArticle(int number) =>
        number is >= 1 and <= ArticleCount
            ? Data.Value.Articles[number - 1]
            : throw new ArgumentOutOfRangeException(nameof(number), number, $"The measures have articles 1–{ArticleCount}.");

    /// <summary>Gets the article or item a citation of the measures points to.</summary>
    /// <param name="citation">A citation with <see cref="LegalSource.Measures"/> as its source.</param>
    /// <returns>The Chinese text and gloss of the article or item.</returns>
    /// <exception cref="ArgumentException">The citation is of another law.</exception>
    public static (string ChineseText, string EnglishGloss, ArticleKind Kind) Resolve(Citation citation)
    {
        if (citation.Source != LegalSource.Measures)
        {
            throw new ArgumentException($"{citation} is not a citation of the measures; the catalogue holds only the measures.", nameof(citation));
        }

        var article = GetArticle(citation.Article);
        if (citation.Item is { } i)
        {
            var item = article.GetItem(i);
            return (item.ChineseText, item.EnglishGloss, item.Kind);
        }

        return (article.ChineseText, article.EnglishGloss, article.Kind);
    }

    /// <summary>The number of items (项) in an article of the measures; 0 when it has none.</summary>
    /// <param name="article">1–31.</param>
    public static int ItemCount(int article) =>
        ArticleGlosses.Items.TryGetValue(article, out var items) ? items.Length : 0;

    private sealed record Loaded(string Title, IReadOnlyList<Article> Articles, IReadOnlyList<Chapter> Chapters);

    [GeneratedRegex(@"^[第笫](?<n>[一二三四五六七八九十]+)条")]
    private static partial Regex ArticleHeading();

    [GeneratedRegex(@"^第[一二三四五六七]章")]
    private static partial Regex ChapterHeading();

    [GeneratedRegex(@"^（[一二三四五六七八九十]+）")]
    private static partial Regex ItemLine();

    /// <summary>The embedded text of the measures, exactly as shipped.</summary>
    internal static string ReadEmbeddedText()
    {
        using var stream = typeof(RegulationCatalogue).Assembly.GetManifestResourceStream("GovStaff.Policy.Regulation.measures.zh.txt")
            ?? throw new InvalidOperationException("The embedded text of the measures is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Loaded Load()
    {
        var lines = ReadEmbeddedText().Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var title = string.Concat(lines.TakeWhile(l => !ChapterHeading().IsMatch(l)).Select(l => l.Trim()));

        var chapters = new Chapter[ArticleGlosses.ChapterTitles.Length];
        for (var c = 0; c < chapters.Length; c++)
        {
            var (zh, en) = ArticleGlosses.ChapterTitles[c];
            var (first, last) = ArticleGlosses.ChapterRanges[c];
            chapters[c] = new Chapter(c + 1, new LocalizedText(zh, en), first, last);
        }

        var blocks = new List<(int Number, List<string> Lines)>();
        foreach (var line in lines)
        {
            var heading = ArticleHeading().Match(line);
            if (heading.Success)
            {
                if (!ChineseNumerals.TryParse(heading.Groups["n"].ValueSpan, out var n))
                {
                    throw new InvalidOperationException($"Unreadable article number in the embedded measures: '{line}'.");
                }

                blocks.Add((n, [line]));
            }
            else if (ItemLine().IsMatch(line) && blocks.Count > 0)
            {
                blocks[^1].Lines.Add(line);
            }
        }

        if (blocks.Count != ArticleCount || blocks.Select((b, i) => b.Number != i + 1).Any(x => x))
        {
            throw new InvalidOperationException($"The embedded measures should hold articles 1–{ArticleCount} in order; found {blocks.Count}.");
        }

        var articles = new Article[ArticleCount];
        foreach (var (number, blockLines) in blocks)
        {
            var (kind, en) = ArticleGlosses.Articles[number - 1];
            var chapter = chapters.Single(c => number >= c.FirstArticle && number <= c.LastArticle);
            var itemLines = blockLines.Skip(1).ToArray();
            var glosses = ArticleGlosses.Items.GetValueOrDefault(number) ?? [];
            if (itemLines.Length != glosses.Length)
            {
                throw new InvalidOperationException($"Art. {number}: the text has {itemLines.Length} items but {glosses.Length} are glossed.");
            }

            var items = itemLines
                .Select((text, i) => new ArticleItem(new Citation(number, i + 1), text, glosses[i].En, glosses[i].Kind))
                .ToArray();
            articles[number - 1] = new Article(number, chapter, string.Join('\n', blockLines), en, kind, items);
        }

        return new Loaded(title, articles, chapters);
    }
}
