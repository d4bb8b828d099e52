namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// The Chinese name of a lifecycle state or trigger (已批准, 销假), used in the Chinese half of decisions and events so
/// an official reads 当前状态为已批准 rather than the code's English name.
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class ChineseNameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The name.</param>
    public ChineseNameAttribute(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The name.</summary>
    public string Name { get; }
}
