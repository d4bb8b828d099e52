namespace GovStaff.Policy.Plugins;

/// <summary>What a commit did.</summary>
/// <param name="DocumentVersions">The new version of each document written, in order.</param>
/// <param name="AuditAppended">Audit entries appended (entries whose idempotency key existed are skipped).</param>
/// <param name="OutboxEnqueued">Messages enqueued (duplicates by key are skipped).</param>
public sealed record CommitResult(IReadOnlyList<long> DocumentVersions, int AuditAppended, int OutboxEnqueued)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(DocumentVersions, nameof(DocumentVersions));
}
