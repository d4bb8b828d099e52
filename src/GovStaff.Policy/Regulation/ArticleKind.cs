namespace GovStaff.Policy.Regulation;

/// <summary>What a machine can do with an article or item (the classification in ARTICLES.md).</summary>
[Flags]
public enum ArticleKind
{
    /// <summary>Purpose, interpretation or background; nothing to check.</summary>
    Context = 1,

    /// <summary>Something the library records (duties, norms, training) but cannot decide by itself.</summary>
    Record = 2,

    /// <summary>A rule the library checks and decides on.</summary>
    Rule = 4,
}
