namespace GovStaff.Policy.Regulation;

/// <summary>A chapter (章) of the measures.</summary>
/// <param name="Number">The chapter number, 1–7.</param>
/// <param name="Title">The chapter title as printed (Chinese) with an English gloss.</param>
/// <param name="FirstArticle">The first article in the chapter.</param>
/// <param name="LastArticle">The last article in the chapter.</param>
/// <remarks>The draft heads Chapter 7 总则 by mistake (it is 附则, supplementary provisions); the printed title is kept.</remarks>
public sealed record Chapter(int Number, LocalizedText Title, int FirstArticle, int LastArticle)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Title, nameof(Title));
}
