using GovStaff.Policy.Decisions;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Serialization;

namespace GovStaff.Policy.Hosting;

/// <summary>
/// Writes what an action produced, all or nothing: the changed records, the decision and its event in the audit
/// trail, and the notification in the outbox. Refusals are recorded too: the audit trail shows who tried what.
/// Resident ID and mobile numbers in the decision, the event and the notification are masked before they are stored.
/// </summary>
public sealed class PolicyRecorder
{
    private readonly IPolicyStore _store;

    /// <summary>Creates the recorder over a store.</summary>
    /// <param name="store">The store every action is committed to.</param>
    public PolicyRecorder(IPolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Records one action.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="event">The event, when the action took effect.</param>
    /// <param name="documents">The records the action changed (with the versions read).</param>
    /// <param name="notify">Whether the event goes to the notifiers.</param>
    /// <param name="idempotencyKey">For warnings raised by monitors: one per subject, kind and day, enforced by the store.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="ConcurrencyException">A record changed since it was read; nothing was written.</exception>
    public Task<CommitResult> RecordAsync(Decision decision, DomainEvent? @event, IReadOnlyList<DocumentWrite>? documents = null, bool notify = true, string? idempotencyKey = null, CancellationToken cancellationToken = default) =>
        _store.CommitAsync(Prepare(decision, @event, documents, notify, idempotencyKey), cancellationToken);

    /// <summary>
    /// The batch <see cref="RecordAsync"/> would write, for callers that gather several actions into one commit
    /// (<see cref="WriteBatch.Merge"/>), e.g. a day of a replay.
    /// </summary>
    public static WriteBatch Prepare(Decision decision, DomainEvent? @event, IReadOnlyList<DocumentWrite>? documents = null, bool notify = true, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        // Exactly sized: a replay prepares one batch per action.
        // The audit trail is a channel like any other: a resident ID or mobile number written into a free text (a
        // reason, an item, a summary) is masked here, at the recording boundary, before it is stored.
        var recorded = new AuditWrite("decision:" + decision.Action, decision.Subject ?? "-", decision.EvaluatedAt, decision.PolicyVersion, PersonalData.MaskText(GovStaffJson.Serialize(decision)), Key(idempotencyKey, "decision"));
        if (@event is null)
        {
            return new WriteBatch { Documents = documents ?? [], Audit = [recorded] };
        }

        var happened = new AuditWrite("event:" + @event.Kind, @event.Subject, @event.OccurredAt, @event.PolicyVersion, PersonalData.MaskText(GovStaffJson.Serialize(@event)), Key(idempotencyKey, "event"));
        return new WriteBatch
        {
            Documents = documents ?? [],
            Audit = [recorded, happened],
            Outbox = notify ? [new OutboxWrite(@event.Kind, @event.Subject, GovStaffJson.Serialize(Notification.From(@event)), Key(idempotencyKey, "notify"))] : [],
        };
    }

    private static string? Key(string? key, string part) => key is null ? null : key + "|" + part;
}
