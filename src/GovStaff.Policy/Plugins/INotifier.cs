namespace GovStaff.Policy.Plugins;

/// <summary>
/// The notification contract every notifier plugin implements (log, email, webhook). Delivery goes through the
/// outbox: a notifier that throws is retried with backoff, and a message that keeps failing is kept, never dropped.
/// </summary>
public interface INotifier
{
    /// <summary>The notifier's name, for logs and reports.</summary>
    string Name { get; }

    /// <summary>Delivers a notification; throws when it could not (the outbox retries).</summary>
    Task DeliverAsync(Notification notification, CancellationToken cancellationToken = default);
}
