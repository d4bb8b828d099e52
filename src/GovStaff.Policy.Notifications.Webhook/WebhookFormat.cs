namespace GovStaff.Policy.Notifications.Webhook;

/// <summary>The shape of the JSON posted.</summary>
public enum WebhookFormat
{
    /// <summary>
    /// The notification as the library's JSON, with its <c>messageId</c>; with a secret, signed over the time and the
    /// body (<c>X-GovStaff-Timestamp</c>, <c>X-GovStaff-Signature</c>; see <see cref="WebhookNotifier.Sign"/>).
    /// </summary>
    Generic = 0,

    /// <summary>A WeCom (企业微信) group robot markdown message: <c>{"msgtype":"markdown","markdown":{"content":…}}</c>.</summary>
    WeCom = 1,

    /// <summary>A DingTalk (钉钉) group robot markdown message; with a secret the URL is signed (timestamp and HMAC-SHA256).</summary>
    DingTalk = 2,
}
