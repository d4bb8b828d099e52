namespace GovStaff.Policy.Plugins;

/// <summary>A stored entity or lifecycle state: a JSON document with the version optimistic concurrency checks.</summary>
/// <param name="Kind">The kind of record, e.g. <c>leave</c>, <c>case</c>, <c>network</c>.</param>
/// <param name="Id">The record's id within its kind.</param>
/// <param name="Version">The version: 1 after creation, +1 per write.</param>
/// <param name="Json">The record as JSON (<see cref="Serialization.GovStaffJson"/>).</param>
public sealed record StoredDocument(string Kind, string Id, long Version, string Json)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Json, nameof(Json));
}
