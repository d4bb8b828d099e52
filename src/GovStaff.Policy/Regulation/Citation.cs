using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovStaff.Policy.Regulation;

/// <summary>
/// A reference to an article, and optionally an item (项) of it: 第十二条第（五）项 / Art. 12(5).
/// By default it points into the measures; other laws the library relies on for defaults (for example
/// 《行政许可法》第四十二条 for the 20-working-day limit) are cited with their <see cref="LegalSource"/>.
/// </summary>
/// <remarks>
/// Citations order by source, then article, then item (an article before its items). They render in the form an
/// official expects (<see cref="ToChinese"/>) and in English (<see cref="ToEnglish"/>), and <see cref="Parse"/>
/// reads both back. This type is an immutable value and thread-safe.
/// </remarks>
[JsonConverter(typeof(CitationJsonConverter))]
public readonly record struct Citation : IComparable<Citation>, ISpanFormattable
{
    /// <summary>Creates a citation of an article of the measures, or of one of its items.</summary>
    /// <param name="article">The article number, 1–31 for the measures.</param>
    /// <param name="item">The item number (项) inside the article, or null for the whole article.</param>
    /// <exception cref="ArgumentOutOfRangeException">The article or item does not exist in the measures.</exception>
    public Citation(int article, int? item = null)
        : this(LegalSource.Measures, article, item)
    {
    }

    /// <summary>
    /// Creates a citation of an instrument as a whole, for one that has sections rather than articles:
    /// 《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）.
    /// </summary>
    /// <param name="source">An instrument with a document number (<see cref="LegalSourceNames.DocumentNumber"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The source is cited by article.</exception>
    public Citation(LegalSource source)
    {
        if (!Enum.IsDefined(source) || source.DocumentNumber() is null)
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Only an instrument without articles is cited as a whole; cite an article of this one.");
        }

        Source = source;
        Article = 0;
        Item = null;
    }

    /// <summary>Creates a citation of an article of any <see cref="LegalSource"/>.</summary>
    /// <param name="source">The instrument.</param>
    /// <param name="article">The article number (1–9999; 1–31 for the measures).</param>
    /// <param name="item">The item number (项), or null.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range, or the measures have no such article or item.</exception>
    public Citation(LegalSource source, int article, int? item = null)
    {
        if (!Enum.IsDefined(source))
        {
            throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown legal source.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(article, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(article, 9999);
        if (item is { } i)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(i, 1, nameof(item));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(i, 99, nameof(item));
        }

        if (source == LegalSource.Measures)
        {
            if (article > RegulationCatalogue.ArticleCount)
            {
                throw new ArgumentOutOfRangeException(nameof(article), article, $"The measures have {RegulationCatalogue.ArticleCount} articles; there is no Art. {article}.");
            }

            if (item is { } it && it > RegulationCatalogue.ItemCount(article))
            {
                throw new ArgumentOutOfRangeException(nameof(item), item, $"Art. {article} of the measures has {RegulationCatalogue.ItemCount(article)} items; there is no item ({it}).");
            }
        }

        Source = source;
        Article = article;
        Item = item;
    }

    /// <summary>The instrument cited.</summary>
    public LegalSource Source { get; }

    /// <summary>True when the citation names an instrument as a whole (<see cref="Article"/> is 0).</summary>
    public bool IsWholeInstrument => Article == 0 && Source != LegalSource.Measures;

    /// <summary>The article number (条); 0 for an instrument cited as a whole.</summary>
    public int Article { get; }

    /// <summary>The item number (项), or null when the whole article is cited.</summary>
    public int? Item { get; }

    /// <summary>The citation of the whole article this citation is in.</summary>
    public Citation WholeArticle => IsWholeInstrument ? this : new(Source, Article);

    /// <summary>True when this citation is the same as <paramref name="other"/> or an item inside it.</summary>
    public bool IsWithin(Citation other) =>
        Source == other.Source && Article == other.Article && (other.Item is null || other.Item == Item);

    // Every decision, event and stored record renders its citations: each provision is rendered once, the measures'
    // in a table by article and item, other laws' (a few articles each) in a dictionary.
    private static readonly Rendering?[] MeasuresRendered = new Rendering?[(RegulationCatalogue.ArticleCount + 1) * 100];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Citation, Rendering> OtherRendered = new();

    /// <summary>This provision's texts, made once.</summary>
    internal Rendering Rendered => Source == LegalSource.Measures
        ? MeasuresRendered[(Article * 100) + (Item ?? 0)] ??= new Rendering(this)
        : OtherRendered.GetOrAdd(this, static c => new Rendering(c));

    // Most findings cite one provision; the read-only list of it is immutable, so one per provision is shared.
    internal IReadOnlyList<Citation> AsList() => Rendered.AsList;

    /// <summary>Renders the citation as an official would write it: 第十二条第（五）项, or 《行政许可法》第四十二条.</summary>
    public string ToChinese() => Rendered.Zh;

    /// <summary>Renders the citation in English: Art. 12(5), or Administrative Licensing Law Art. 42.</summary>
    public string ToEnglish() => Rendered.En;

    private string RenderChinese()
    {
        if (IsWholeInstrument)
        {
            return "《" + Source.ChineseName() + "》（" + Source.DocumentNumber() + "）";
        }

        var prefix = Source == LegalSource.Measures ? string.Empty : "《" + Source.ChineseName() + "》";
        var item = Item is { } i ? "第（" + ChineseNumerals.Format(i) + "）项" : string.Empty;
        return prefix + "第" + ChineseNumerals.Format(Article) + "条" + item;
    }

    private string RenderEnglish()
    {
        if (IsWholeInstrument)
        {
            return Source.EnglishName() + " (" + Source.EnglishDocumentNumber() + ")";
        }

        var prefix = Source == LegalSource.Measures ? string.Empty : Source.EnglishName() + " ";
        var item = Item is { } i ? "(" + i.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty;
        return prefix + "Art. " + Article.ToString(CultureInfo.InvariantCulture) + item;
    }

    /// <summary>The English form, <see cref="ToEnglish"/>.</summary>
    public override string ToString() => ToEnglish();

    /// <summary>Formats with <c>"zh"</c> (Chinese), <c>"en"</c> or null (English), or <c>"both"</c> (第十二条第（五）项 / Art. 12(5)).</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) => format switch
    {
        null or "" or "en" or "E" => ToEnglish(),
        "zh" or "Z" => ToChinese(),
        "both" or "B" => ToChinese() + " / " + ToEnglish(),
        _ => throw new FormatException($"Unknown citation format '{format}'. Use \"zh\", \"en\" or \"both\"."),
    };

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        if (text.AsSpan().TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <inheritdoc />
    public int CompareTo(Citation other)
    {
        // As numbers: Enum.CompareTo takes an object and would box on every comparison.
        var c = ((int)Source).CompareTo((int)other.Source);
        if (c != 0)
        {
            return c;
        }

        c = Article.CompareTo(other.Article);
        if (c != 0)
        {
            return c;
        }

        return (Item ?? 0).CompareTo(other.Item ?? 0);
    }

    /// <summary>Compares citations in document order.</summary>
    public static bool operator <(Citation left, Citation right) => left.CompareTo(right) < 0;

    /// <summary>Compares citations in document order.</summary>
    public static bool operator >(Citation left, Citation right) => left.CompareTo(right) > 0;

    /// <summary>Compares citations in document order.</summary>
    public static bool operator <=(Citation left, Citation right) => left.CompareTo(right) <= 0;

    /// <summary>Compares citations in document order.</summary>
    public static bool operator >=(Citation left, Citation right) => left.CompareTo(right) >= 0;

    /// <summary>Parses either form: <c>第十二条第（五）项</c>, <c>Art. 12(5)</c>, <c>《行政许可法》第四十二条</c>, <c>Administrative Licensing Law Art. 42</c>.</summary>
    /// <param name="text">The citation text.</param>
    /// <exception cref="FormatException">The text is not a citation, or names an article or item that does not exist.</exception>
    public static Citation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var citation)
            ? citation
            : throw new FormatException($"'{text}' is not a citation. Expected a form such as 第十二条第（五）项 or Art. 12(5).");
    }

    /// <summary>Parses either form; returns false instead of throwing.</summary>
    /// <param name="text">The citation text.</param>
    /// <param name="citation">The parsed citation.</param>
    public static bool TryParse([NotNullWhen(true)] string? text, out Citation citation)
    {
        citation = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        foreach (var source in LegalSourceNames.All)
        {
            // An instrument cited as a whole: its rendering in either language, or its document number alone.
            if (source.DocumentNumber() is { } number &&
                (s == number || s == source.EnglishDocumentNumber() || s == new Citation(source).ToChinese() || s == new Citation(source).ToEnglish()))
            {
                citation = new Citation(source);
                return true;
            }
        }

        return s.Contains('第', StringComparison.Ordinal) || s.Contains('笫', StringComparison.Ordinal)
            ? TryParseChinese(s, out citation)
            : TryParseEnglish(s, out citation);
    }

    private static bool TryParseChinese(string s, out Citation citation)
    {
        citation = default;
        var source = LegalSource.Measures;
        if (s.StartsWith('《'))
        {
            var close = s.IndexOf('》', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            var name = s[1..close];
            var found = false;
            foreach (var candidate in LegalSourceNames.All)
            {
                var cn = candidate.ChineseName();
                // The measures' title is also read without its trailing （试行）（征求意见稿）.
                if (name == cn || name == "中华人民共和国" + cn || (candidate == LegalSource.Measures && name.Length >= 8 && cn.StartsWith(name, StringComparison.Ordinal)))
                {
                    source = candidate;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }

            s = s[(close + 1)..];
        }

        // The draft itself writes 笫 for 第 in two headings (Art. 7, Art. 13); accept it when reading.
        s = s.Replace('笫', '第');
        if (!s.StartsWith('第'))
        {
            return false;
        }

        var tiao = s.IndexOf('条', StringComparison.Ordinal);
        if (tiao < 0 || !ChineseNumerals.TryParse(s.AsSpan(1, tiao - 1), out var article))
        {
            return false;
        }

        int? item = null;
        var rest = s[(tiao + 1)..];
        if (rest.Length > 0)
        {
            rest = rest.Replace('(', '（').Replace(')', '）');
            if (!rest.StartsWith("第（", StringComparison.Ordinal) || !rest.EndsWith("）项", StringComparison.Ordinal) ||
                !ChineseNumerals.TryParse(rest.AsSpan(2, rest.Length - 4), out var i))
            {
                return false;
            }

            item = i;
        }

        return TryCreate(source, article, item, out citation);
    }

    private static bool TryParseEnglish(string s, out Citation citation)
    {
        citation = default;
        var source = LegalSource.Measures;
        var art = s.IndexOf("Art.", StringComparison.Ordinal);
        if (art < 0)
        {
            return false;
        }

        if (art > 0)
        {
            var name = s[..art].Trim().TrimEnd(',');
            var found = false;
            foreach (var candidate in LegalSourceNames.All)
            {
                if (string.Equals(name, candidate.EnglishName(), StringComparison.OrdinalIgnoreCase) ||
                    (candidate == LegalSource.Measures && string.Equals(name, "Shapotou Measures", StringComparison.OrdinalIgnoreCase)))
                {
                    source = candidate;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        var rest = s[(art + 4)..].Trim();
        var paren = rest.IndexOf('(', StringComparison.Ordinal);
        var number = paren < 0 ? rest : rest[..paren];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var article))
        {
            return false;
        }

        int? item = null;
        if (paren >= 0)
        {
            if (!rest.EndsWith(')') ||
                !int.TryParse(rest.AsSpan(paren + 1, rest.Length - paren - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var i))
            {
                return false;
            }

            item = i;
        }

        return TryCreate(source, article, item, out citation);
    }

    private static bool TryCreate(LegalSource source, int article, int? item, out Citation citation)
    {
        try
        {
            citation = new Citation(source, article, item);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            citation = default;
            return false;
        }
    }

    /// <summary>A provision's texts, made once and shared: both languages, the one-citation list, and the JSON form.</summary>
    internal sealed class Rendering(Citation citation)
    {
        private (JsonEncodedText Zh, JsonEncodedText En)? _json;

        public string Zh { get; } = citation.RenderChinese();

        public string En { get; } = citation.RenderEnglish();

        public IReadOnlyList<Citation> AsList { get; } = [citation];

        /// <summary>Both texts encoded for <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>, the library's JSON encoder.</summary>
        public (JsonEncodedText Zh, JsonEncodedText En) Json => _json ??= (
            JsonEncodedText.Encode(Zh, JavaScriptEncoder.UnsafeRelaxedJsonEscaping),
            JsonEncodedText.Encode(En, JavaScriptEncoder.UnsafeRelaxedJsonEscaping));
    }
}
