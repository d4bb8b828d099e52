namespace GovStaff.Policy.Plugins;

/// <summary>A document to write. <paramref name="ExpectedVersion"/> is the version read (0 to create).</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Id">The id.</param>
/// <param name="Json">The new JSON.</param>
/// <param name="ExpectedVersion">The version the writer read; the write is rejected if the store holds another.</param>
public sealed record DocumentWrite(string Kind, string Id, string Json, long ExpectedVersion)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Json, nameof(Json));
}
