using GovStaff.Policy.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Policy.Notifications.Email;

/// <summary>Loads email notifications from the plugins folder; settings as <see cref="EmailOptions"/>.</summary>
public sealed class EmailNotificationPlugin : IGovStaffPlugin
{
    /// <inheritdoc />
    public int ContractVersion => PluginContract.Version;

    /// <inheritdoc />
    public void Register(GovStaffPolicyBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        // Checked here, at start, so a bad setting is one line before anything runs, not a notifier that fails unattended.
        PluginSettings.RequireKnownKeys(settings, nameof(EmailOptions.Host), nameof(EmailOptions.Port), nameof(EmailOptions.Security), nameof(EmailOptions.UserName),
            nameof(EmailOptions.Password), nameof(EmailOptions.From), nameof(EmailOptions.FromName), nameof(EmailOptions.To), nameof(EmailOptions.Routes));
        var options = settings.Get<EmailOptions>() ?? new EmailOptions();
        if (string.IsNullOrWhiteSpace(options.Host) || Uri.CheckHostName(options.Host.Trim()) == UriHostNameType.Unknown)
        {
            throw new InvalidOperationException($"the setting Host must be the SMTP server's name or address; got '{options.Host}'.");
        }

        if (options.Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"the setting Port must be from 1 to 65535; got {options.Port}.");
        }

        foreach (var (key, address) in new[] { ("From", options.From) }.Concat(options.To.Select((t, i) => ($"To:{i}", t)))
                     .Concat(options.Routes.SelectMany(r => r.Value.Select((t, i) => ($"Routes:{r.Key}:{i}", t)))))
        {
            if (!MimeKit.MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the setting {key} must be an email address; got '{address}'.");
            }
        }
        builder.AddEmailNotifications(o =>
        {
            o.Host = options.Host;
            o.Port = options.Port;
            o.Security = options.Security;
            o.UserName = options.UserName;
            o.Password = options.Password;
            o.From = options.From;
            o.FromName = options.FromName;
            o.To = options.To;
            o.Routes = options.Routes;
        });
    }
}
