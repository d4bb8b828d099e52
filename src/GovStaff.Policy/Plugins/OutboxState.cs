namespace GovStaff.Policy.Plugins;

/// <summary>Where an outbox message stands.</summary>
public enum OutboxState
{
    /// <summary>Waiting to be delivered (or retried).</summary>
    Pending = 0,

    /// <summary>Delivered.</summary>
    Delivered = 1,

    /// <summary>Given up after permanent failure: kept and reported, never dropped.</summary>
    Failed = 2,
}
