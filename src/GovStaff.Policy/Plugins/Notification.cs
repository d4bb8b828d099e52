using GovStaff.Policy.Decisions;
using GovStaff.Policy.Reporting;
using NodaTime;

namespace GovStaff.Policy.Plugins;

/// <summary>
/// What a notifier delivers: a domain event (a warning, a sanction, an approval needed) in both languages, addressed to
/// the bodies or roles concerned. Personal data is masked when the notification is made.
/// </summary>
/// <param name="Kind">The event kind, e.g. <c>case.supervise</c>.</param>
/// <param name="Subject">Whom it is about.</param>
/// <param name="Title">A short title.</param>
/// <param name="Body">The message, with the articles cited.</param>
/// <param name="OccurredAt">When the event happened.</param>
/// <param name="Recipients">Who should receive it (<c>body:binhe-centre</c>, <c>unit:binhe</c>), as the embedding system routes them.</param>
public sealed record Notification(string Kind, string Subject, LocalizedText Title, LocalizedText Body, Instant OccurredAt, IReadOnlyList<string> Recipients)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Kind, nameof(Kind)) && Guard.NotNull(Subject, nameof(Subject)) && Guard.NotNull(Title, nameof(Title)) && Guard.NotNull(Body, nameof(Body)) && Guard.NotNull(Recipients, nameof(Recipients));

    /// <summary>
    /// The outbox message's id (<see cref="OutboxMessage.MessageId"/>), set when the outbox hands the notification to a
    /// notifier: the same on every attempt and from every host, so a receiver can drop the repeats that at-least-once
    /// delivery allows. Null on a notification that has not been queued.
    /// </summary>
    public Guid? MessageId { get; init; }

    /// <summary>Makes the notification for an event, masking ID numbers and phone numbers in every text.</summary>
    public static Notification From(DomainEvent @event, IReadOnlyList<string>? recipients = null)
    {
        ArgumentNullException.ThrowIfNull(@event);
        // Every recorded event makes one: most cite one provision and have nothing to mask, so those cases make nothing new.
        var citations = @event.Citations;
        var (zhCites, enCites) = citations.Count == 1
            ? (citations[0].ToChinese(), citations[0].ToEnglish())
            : (string.Join("、", citations.Select(c => c.ToChinese())), string.Join(", ", citations.Select(c => c.ToEnglish())));
        var message = @event.Message;
        var (zh, en) = (PersonalData.MaskText(message.Zh), PersonalData.MaskText(message.En));
        return new Notification(
            @event.Kind,
            @event.Subject,
            ReferenceEquals(zh, message.Zh) && ReferenceEquals(en, message.En) ? message : new LocalizedText(zh, en),
            new LocalizedText(
                PersonalData.MaskText(string.Concat(message.Zh, "（依据：", zhCites, "；", @event.PolicyVersion, "）")),
                PersonalData.MaskText(string.Concat(message.En, " (basis: ", enCites, "; ", @event.PolicyVersion, ")"))),
            @event.OccurredAt,
            recipients ?? (@event.Actor is { } a ? [a.Body] : []));
    }

    /// <inheritdoc />
    public bool Equals(Notification? other) =>
        other is not null && Kind == other.Kind && Subject == other.Subject && Title == other.Title && Body == other.Body &&
        OccurredAt == other.OccurredAt && Recipients.SequenceEqual(other.Recipients) && MessageId == other.MessageId;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Subject, OccurredAt);
}
