namespace GovStaff.Policy.Plugins;

/// <summary>A write carried a version the store no longer holds: someone else wrote first. Nothing was written.</summary>
public sealed class ConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyException(string kind, string id, long expectedVersion, long? actualVersion)
        : base($"Concurrency conflict on {kind} '{id}': the write expected version {expectedVersion} but the store holds {(actualVersion is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}. Nothing was written; read again and retry.")
    {
        Kind = kind;
        Id = id;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The document's kind.</summary>
    public string Kind { get; }

    /// <summary>The document's id.</summary>
    public string Id { get; }

    /// <summary>The version the writer read.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the store holds, or null when the document does not exist.</summary>
    public long? ActualVersion { get; }
}
