using GovStaff.Policy.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Policy.Notifications.Email;

/// <summary>Loads email notifications from the plugins folder; settings as <see cref="EmailOptions"/>.</summary>
public sealed class EmailNotificationPlugin : IGovStaffPlugin
{
    /// <inheritdoc />
    public void Register(GovStaffPolicyBuilder builder, IConfiguration settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var options = settings.Get<EmailOptions>() ?? new EmailOptions();
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
