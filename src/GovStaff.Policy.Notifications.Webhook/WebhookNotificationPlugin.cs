using GovStaff.Policy.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Policy.Notifications.Webhook;

/// <summary>Loads webhook notifications from the plugins folder; settings: <c>Url</c>, <c>Format</c>, <c>Secret</c>.</summary>
public sealed class WebhookNotificationPlugin : IGovStaffPlugin
{
    /// <inheritdoc />
    public void Register(GovStaffPolicyBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var options = settings.Get<WebhookOptions>() ?? new WebhookOptions();
        if (options.Url is null)
        {
            throw new InvalidOperationException("the setting Url is missing.");
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
