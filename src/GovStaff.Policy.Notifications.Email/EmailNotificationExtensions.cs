using GovStaff.Policy.Hosting;
using GovStaff.Policy.Notifications.Email;
using GovStaff.Policy.Plugins;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers email notifications.</summary>
public static class EmailNotificationExtensions
{
    /// <summary>Sends every notification by email over SMTP, through the outbox.</summary>
    /// <param name="builder">The GovStaff.Policy builder.</param>
    /// <param name="configure">Sets the server and addresses.</param>
    public static GovStaffPolicyBuilder AddEmailNotifications(this GovStaffPolicyBuilder builder, Action<EmailOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EmailOptions();
        configure(options);
        var notifier = new EmailNotifier(options);
        builder.Services.AddSingleton<INotifier>(notifier);
        return builder;
    }
}
