namespace GovStaff.Policy.Organization;

/// <summary>
/// One problem found building a <see cref="ServiceNetwork"/>: the record it is in, the field at fault and what is
/// wrong — structured, so an importer can point at the row and column the record came from (a roster's cell).
/// </summary>
/// <param name="Record">The kind of record.</param>
/// <param name="Id">The record's id; null when the record itself is null.</param>
/// <param name="Field">The property at fault as the record's type names it (<c>StationedAt</c>, <c>ParentId</c>,
/// <c>Id</c> for a duplicate); null when the record itself is null.</param>
/// <param name="Message">What is wrong, in English, naming the record.</param>
public sealed record NetworkProblem(NetworkRecordKind Record, string? Id, string? Field, string Message)
{
    private readonly bool _checked = Guard.NotNull(Message, nameof(Message));

    /// <inheritdoc />
    public override string ToString() => Message;
}
