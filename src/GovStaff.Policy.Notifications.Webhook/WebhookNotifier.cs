using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Serialization;
using NodaTime;

namespace GovStaff.Policy.Notifications.Webhook;

/// <summary>Posts notifications as JSON to a webhook; a non-success status throws so the outbox retries.</summary>
public sealed class WebhookNotifier : INotifier
{
    private readonly HttpClient _http;
    private readonly WebhookOptions _options;
    private readonly IClock _clock;

    /// <summary>Creates the notifier.</summary>
    /// <exception cref="ArgumentException">No URL is configured.</exception>
    public WebhookNotifier(HttpClient http, WebhookOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        if (options.Url is null || !options.Url.IsAbsoluteUri)
        {
            throw new ArgumentException("The webhook needs an absolute Url (GovStaffPolicy:Notifications:Webhook:Url).", nameof(options));
        }
    }

    /// <inheritdoc />
    public string Name => "webhook:" + _options.Format.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public async Task DeliverAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (body, url) = Render(notification);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (notification.MessageId is { } id)
        {
            // The same on every attempt and from every host: the receiver drops repeats by it.
            request.Headers.Add(MessageIdHeader, id.ToString());
        }

        if (_options.Format == WebhookFormat.Generic && !string.IsNullOrEmpty(_options.Secret))
        {
            var timestamp = _clock.GetCurrentInstant().ToUnixTimeSeconds();
            request.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add(SignatureHeader, Sign(_options.Secret, timestamp, body));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The webhook answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }

    /// <summary>The JSON body and the URL for a notification (signed for DingTalk with a secret).</summary>
    public (string Body, Uri Url) Render(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var markdown = $"**{notification.Title.Zh}**\n\n{notification.Body.Zh}\n\n{notification.Body.En}\n\n> {notification.Kind} · {notification.Subject}";
        switch (_options.Format)
        {
            case WebhookFormat.WeCom:
                return (Json(new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = markdown } }), _options.Url!);
            case WebhookFormat.DingTalk:
                var body = Json(new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = notification.Title.Zh, ["text"] = markdown } });
                return (body, string.IsNullOrEmpty(_options.Secret) ? _options.Url! : SignDingTalk(_options.Url!, _options.Secret, _clock.GetCurrentInstant()));
            default:
                return (GovStaffJson.Serialize(notification), _options.Url!);
        }
    }

    /// <summary>The header carrying the message id (<see cref="Notification.MessageId"/>), on every format.</summary>
    public const string MessageIdHeader = "X-GovStaff-Message-Id";

    /// <summary>The header carrying the signing time, in Unix seconds (generic format with a secret).</summary>
    public const string TimestampHeader = "X-GovStaff-Timestamp";

    /// <summary>The header carrying the signature, <c>sha256=</c> and lowercase hex (generic format with a secret).</summary>
    public const string SignatureHeader = "X-GovStaff-Signature";

    /// <summary>
    /// The generic webhook's signature: HMAC-SHA256 with the secret over <c>timestamp + "." + body</c> (the timestamp
    /// in Unix seconds, the body's UTF-8 bytes exactly as sent), as <c>sha256=</c> and lowercase hex. Signing the
    /// time lets a receiver refuse a captured request replayed later.
    /// </summary>
    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>DingTalk's signature: HMAC-SHA256 over "timestamp\nsecret" with the secret, Base64, URL-encoded.</summary>
    public static Uri SignDingTalk(Uri url, string secret, Instant now)
    {
        ArgumentNullException.ThrowIfNull(url);
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        var separator = url.Query.Length > 0 ? "&" : "?";
        return new Uri($"{url}{separator}timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}");
    }

    private static string Json(JsonNode node) => node.ToJsonString(GovStaffJson.Options);
}
