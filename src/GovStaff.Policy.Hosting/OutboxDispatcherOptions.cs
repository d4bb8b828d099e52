namespace GovStaff.Policy.Hosting;

/// <summary>How the outbox is delivered (<c>GovStaffPolicy:Outbox</c>).</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>This host's name in claims; defaults to the machine name and process id.</summary>
    public string? HostName { get; set; }

    /// <summary>Messages claimed per round. Default 50.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claim lasts before another host may take the message. Default 60 s.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the outbox is polled. Default 2 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Immediate retries within one round, through the resilience pipeline. Default 2.</summary>
    public int ImmediateRetries { get; set; } = 2;

    /// <summary>Delay before the first immediate retry (doubling). Default 200 ms.</summary>
    public TimeSpan ImmediateRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Rounds before a message is kept as failed (and reported). Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failed round, doubling each round, capped at <see cref="MaxBackoff"/>. Default 30 s.</summary>
    public TimeSpan Backoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between rounds. Default 1 h.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
}
