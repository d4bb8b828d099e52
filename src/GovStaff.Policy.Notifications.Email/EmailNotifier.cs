using GovStaff.Policy.Plugins;
using MailKit.Net.Smtp;
using MimeKit;

namespace GovStaff.Policy.Notifications.Email;

/// <summary>Sends each notification as a plain-text email (UTF-8: Chinese intact) over SMTP with MailKit.</summary>
public sealed class EmailNotifier : INotifier
{
    private readonly EmailOptions _options;

    /// <summary>Creates the notifier.</summary>
    /// <exception cref="ArgumentException">The host, sender or recipients are missing.</exception>
    public EmailNotifier(EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (string.IsNullOrWhiteSpace(options.Host) || string.IsNullOrWhiteSpace(options.From))
        {
            throw new ArgumentException("Email notifications need Host and From (GovStaffPolicy:Notifications:Email).", nameof(options));
        }

        if (options.To.Count == 0 && options.Routes.Count == 0)
        {
            throw new ArgumentException("Email notifications need at least one address in To or Routes.", nameof(options));
        }
    }

    /// <inheritdoc />
    public string Name => "email";

    /// <inheritdoc />
    public async Task DeliverAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        using var message = Compose(notification);
        if (message.To.Count == 0)
        {
            return; // nobody routed for this notification
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
        }

        await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The email for a notification.</summary>
    public MimeMessage Compose(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        var addresses = _options.To.Concat(notification.Recipients.SelectMany(r => _options.Routes.GetValueOrDefault(r) ?? [])).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = $"[政务服务] {notification.Title.Zh}";
        if (notification.MessageId is { } id)
        {
            // One Message-ID per outbox message, the same on every attempt: a mail system or reader drops repeats by it.
            message.MessageId = MessageIdFor(id, _options.From);
            message.Headers.Add("X-GovStaff-Message-Id", id.ToString());
        }

        message.Body = new TextPart("plain")
        {
            Text = $"{notification.Body.Zh}\n\n{notification.Body.En}\n\n{notification.Kind} · {notification.Subject} · {notification.OccurredAt}\n",
        };
        return message;
    }

    // The outbox message's id at the sender's domain, e.g. 0194…@gov.example.cn.
    private static string MessageIdFor(Guid messageId, string from)
    {
        var at = from.LastIndexOf('@');
        var domain = at >= 0 && at < from.Length - 1 ? from[(at + 1)..] : "govstaff.invalid";
        return $"{messageId:N}@{domain}";
    }
}
