using GovStaff.Policy.Hosting;
using GovStaff.Policy.Notifications.Webhook;
using GovStaff.Policy.Plugins;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook notifications.</summary>
public static class WebhookNotificationExtensions
{
    /// <summary>Posts every notification to a webhook (generic JSON, WeCom or DingTalk robot), through the outbox.</summary>
    /// <param name="builder">The GovStaff.Policy builder.</param>
    /// <param name="configure">Sets the URL, format and secret.</param>
    public static GovStaffPolicyBuilder AddWebhookNotifications(this GovStaffPolicyBuilder builder, Action<WebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WebhookOptions();
        configure(options);
        var name = "govstaff-webhook-" + Guid.NewGuid().ToString("N");
        builder.Services.AddHttpClient(name);
        builder.Services.AddSingleton<INotifier>(sp => new WebhookNotifier(sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), options, sp.GetRequiredService<IClock>()));
        return builder;
    }
}
