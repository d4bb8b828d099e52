using GovStaff.Policy.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Policy.Notifications.Webhook;

/// <summary>Loads webhook notifications from the plugins folder; settings: <c>Url</c>, <c>Format</c>, <c>Secret</c>.</summary>
public sealed class WebhookNotificationPlugin : IGovStaffPlugin
{
    /// <inheritdoc />
    public int ContractVersion => PluginContract.Version;

    /// <inheritdoc />
    public void Register(GovStaffPolicyBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        // Checked here, at start, so a bad setting is one line before anything runs, not a notifier that fails unattended.
        PluginSettings.RequireKnownKeys(settings, nameof(WebhookOptions.Url), nameof(WebhookOptions.Format), nameof(WebhookOptions.Secret), nameof(WebhookOptions.Timeout));
        var options = settings.Get<WebhookOptions>() ?? new WebhookOptions();
        if (options.Url is null)
        {
            throw new InvalidOperationException("the setting Url is missing.");
        }

        if (!options.Url.IsAbsoluteUri || options.Url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(options.Url.Host))
        {
            throw new InvalidOperationException($"the setting Url must be an http or https address; got '{options.Url.OriginalString}'.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            throw new InvalidOperationException($"the setting Timeout must be more than zero and at most 00:05:00; got {options.Timeout}.");
        }

        builder.AddWebhookNotifications(o =>
        {
            o.Url = options.Url;
            o.Format = options.Format;
            o.Secret = options.Secret;
            o.Timeout = options.Timeout;
        });
    }
}
