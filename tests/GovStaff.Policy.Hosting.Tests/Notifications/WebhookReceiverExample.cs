using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GovStaff.Policy.Hosting.Tests.Notifications;

/// <summary>A receiver's check of a signed generic webhook, as docs/hosting.md shows it (a test keeps the two equal).</summary>
public static class WebhookReceiverExample
{
    /// <summary>Null when the request is genuine, fresh and new; otherwise why it is refused.</summary>
    /// <param name="secret">The secret shared with the sender.</param>
    /// <param name="timestamp">The X-GovStaff-Timestamp header (Unix seconds).</param>
    /// <param name="signature">The X-GovStaff-Signature header.</param>
    /// <param name="messageId">The X-GovStaff-Message-Id header.</param>
    /// <param name="body">The request body, the bytes as received.</param>
    /// <param name="now">The receiver's time.</param>
    /// <param name="window">How old a request may be, e.g. 5 minutes.</param>
    /// <param name="seen">Message ids already handled (kept at least as long as the window).</param>
    public static string? Check(string secret, string? timestamp, string? signature, string? messageId, byte[] body, DateTimeOffset now, TimeSpan window, ISet<string> seen)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "no timestamp";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > window)
        {
            return "too old: a replay, or a clock out of step";
        }

        byte[] signed = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        if (signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return "bad signature";
        }

        // At-least-once delivery may repeat a message: handle each id once.
        if (messageId is null || !seen.Add(messageId))
        {
            return "a repeat: already handled";
        }

        return null;
    }
}
