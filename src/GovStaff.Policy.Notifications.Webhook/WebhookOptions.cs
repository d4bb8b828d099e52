namespace GovStaff.Policy.Notifications.Webhook;

/// <summary>A webhook endpoint (<c>GovStaffPolicy:Notifications:Webhook</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>The URL to POST to (for robots, the full webhook URL with its access token or key).</summary>
    public Uri? Url { get; set; }

    /// <summary>The message format.</summary>
    public WebhookFormat Format { get; set; }

    /// <summary>The signing secret, if the endpoint checks one.</summary>
    public string? Secret { get; set; }

    /// <summary>How long one POST may take. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
