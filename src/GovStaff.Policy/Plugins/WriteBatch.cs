namespace GovStaff.Policy.Plugins;

/// <summary>Everything one action writes, committed all or nothing.</summary>
public sealed record WriteBatch
{
    /// <summary>Documents to create or update.</summary>
    public IReadOnlyList<DocumentWrite> Documents { get; init; } = [];

    /// <summary>Audit entries to append.</summary>
    public IReadOnlyList<AuditWrite> Audit { get; init; } = [];

    /// <summary>Notifications to enqueue.</summary>
    public IReadOnlyList<OutboxWrite> Outbox { get; init; } = [];

    /// <summary>This batch followed by another, to commit both at once.</summary>
    public WriteBatch Merge(WriteBatch other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new WriteBatch { Documents = [.. Documents, .. other.Documents], Audit = [.. Audit, .. other.Audit], Outbox = [.. Outbox, .. other.Outbox] };
    }

    /// <summary>Several batches in order as one, to commit them at once (e.g. a chunk of a replay, one batch per action).</summary>
    /// <param name="batches">The batches, in the order they are to be written.</param>
    /// <exception cref="ArgumentException">A batch is null.</exception>
    public static WriteBatch Concat(IReadOnlyList<WriteBatch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        int documents = 0, audit = 0, outbox = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            var b = batches[i] ?? throw new ArgumentException($"batches[{i}] is null.", nameof(batches));
            documents += b.Documents.Count;
            audit += b.Audit.Count;
            outbox += b.Outbox.Count;
        }

        // Sized once: a chunk may hold hundreds of actions.
        var allDocuments = new DocumentWrite[documents];
        var allAudit = new AuditWrite[audit];
        var allOutbox = new OutboxWrite[outbox];
        int d = 0, a = 0, o = 0;
        for (var i = 0; i < batches.Count; i++)
        {
            Copy(batches[i].Documents, allDocuments, ref d);
            Copy(batches[i].Audit, allAudit, ref a);
            Copy(batches[i].Outbox, allOutbox, ref o);
        }

        return new WriteBatch { Documents = allDocuments, Audit = allAudit, Outbox = allOutbox };

        static void Copy<T>(IReadOnlyList<T> from, T[] to, ref int at)
        {
            for (var k = 0; k < from.Count; k++)
            {
                to[at++] = from[k];
            }
        }
    }
}
