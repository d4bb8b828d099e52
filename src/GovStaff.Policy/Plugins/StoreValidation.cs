namespace GovStaff.Policy.Plugins;

/// <summary>Checks a batch before any store touches it, so bad input fails the same way everywhere and writes nothing.</summary>
public static class StoreValidation
{
    /// <summary>Throws when a write is malformed: empty kind, id or JSON; a negative version; a document twice in one batch.</summary>
    /// <exception cref="ArgumentException">The batch is malformed; the message names the entry and field.</exception>
    public static void Check(WriteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Most batches carry one document or none; the set is only needed to compare two or more.
        var seen = batch.Documents.Count > 1 ? new HashSet<(string, string)>(batch.Documents.Count) : null;
        for (var i = 0; i < batch.Documents.Count; i++)
        {
            var d = batch.Documents[i] ?? throw new ArgumentException($"Documents[{i}] is null.", nameof(batch));
            Required(d.Kind, $"Documents[{i}].Kind");
            Required(d.Id, $"Documents[{i}].Id");
            Required(d.Json, $"Documents[{i}].Json");
            if (d.ExpectedVersion < 0)
            {
                throw new ArgumentException($"Documents[{i}].ExpectedVersion must be 0 (create) or the version read; got {d.ExpectedVersion}.", nameof(batch));
            }

            if (seen is not null && !seen.Add((d.Kind, d.Id)))
            {
                throw new ArgumentException($"Documents[{i}]: {d.Kind} '{d.Id}' appears twice in one batch.", nameof(batch));
            }
        }

        for (var i = 0; i < batch.Audit.Count; i++)
        {
            var a = batch.Audit[i] ?? throw new ArgumentException($"Audit[{i}] is null.", nameof(batch));
            Required(a.Kind, $"Audit[{i}].Kind");
            Required(a.Subject, $"Audit[{i}].Subject");
            Required(a.PolicyVersion, $"Audit[{i}].PolicyVersion");
            Required(a.Json, $"Audit[{i}].Json");
        }

        for (var i = 0; i < batch.Outbox.Count; i++)
        {
            var o = batch.Outbox[i] ?? throw new ArgumentException($"Outbox[{i}] is null.", nameof(batch));
            Required(o.Kind, $"Outbox[{i}].Kind");
            Required(o.Subject, $"Outbox[{i}].Subject");
            Required(o.Json, $"Outbox[{i}].Json");
        }

        static void Required(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new ArgumentException($"{field} must not be empty.", nameof(batch));
            }
        }
    }
}
