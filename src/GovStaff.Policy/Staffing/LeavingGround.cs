using GovStaff.Policy.Appraisal;

namespace GovStaff.Policy.Staffing;

/// <summary>
/// The ground on which a stationing ends: an approved transfer or adjustment that was carried out (Art. 4, 7), a recall
/// under Art. 29, or a documented ground outside the measures. A stationing never ends without one: Art. 7 forbids a
/// police station to recall its staff on its own (不得私自、随意调回人员), and Art. 4 keeps the townships' and departments'
/// staff stable.
/// </summary>
public sealed record LeavingGround
{
    private LeavingGround(LeavingReason reason, string reference, TransferRequest? transfer, Recall? recall, OutsideGround? outside)
    {
        Reason = reason;
        Reference = reference;
        Transfer = transfer;
        Recall = recall;
        Outside = outside;
    }

    /// <summary>Why the stationing ends.</summary>
    public LeavingReason Reason { get; }

    /// <summary>What proves it: the transfer request's or recall's id, or the document's reference.</summary>
    public string Reference { get; }

    /// <summary>The transfer or adjustment, for <see cref="LeavingReason.Transferred"/>.</summary>
    public TransferRequest? Transfer { get; }

    /// <summary>The recall, for <see cref="LeavingReason.Returned"/>.</summary>
    public Recall? Recall { get; }

    /// <summary>The ground outside the measures, for <see cref="LeavingReason.Other"/>.</summary>
    public OutsideGround? Outside { get; }

    /// <summary>The person moves by a transfer or police adjustment; it must have been approved and carried out.</summary>
    /// <param name="transfer">The request, as it stands.</param>
    public static LeavingGround ByTransfer(TransferRequest transfer)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        return new(LeavingReason.Transferred, transfer.Id, transfer, null, null);
    }

    /// <summary>The person is returned to the home unit under Art. 29.</summary>
    /// <param name="recall">The recall.</param>
    public static LeavingGround ByRecall(Recall recall)
    {
        ArgumentNullException.ThrowIfNull(recall);
        return new(LeavingReason.Returned, recall.Id, null, recall, null);
    }

    /// <summary>A ground outside the measures, with the document that records it.</summary>
    /// <param name="ground">Retirement, resignation, death or dismissal.</param>
    /// <param name="documentReference">The document's reference (e.g. the approval's number); not empty.</param>
    /// <exception cref="ArgumentException">An undefined ground or an empty reference.</exception>
    public static LeavingGround OutsideTheMeasures(OutsideGround ground, string documentReference) =>
        new(LeavingReason.Other, Guard.Text(documentReference, nameof(documentReference), 200), null, null, Guard.Defined(ground, nameof(ground)));
}
