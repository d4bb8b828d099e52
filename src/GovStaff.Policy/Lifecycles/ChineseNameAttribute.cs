namespace GovStaff.Policy.Lifecycles;

/// <summary>
/// The Chinese name of a lifecycle state or trigger (已批准, 销假), used in the Chinese half of decisions and events so
/// an official reads 当前状态为已批准 rather than the code's English name.
/// </summary>
/// <param name="name">The name.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class ChineseNameAttribute(string name) : Attribute
{
    /// <summary>The name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));
}

/// <summary>Reads <see cref="ChineseNameAttribute"/> off enum members, once per type.</summary>
public static class ChineseNames
{
    /// <summary>The member's Chinese name, or its code name when it has none (or the value is undefined).</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.Names.TryGetValue(value, out var name) ? name : value.ToString();

    // Enum.ToString boxes the value and builds nothing new; lifecycles name states in every event they raise.
    internal static string NameOf<T>(T value)
        where T : struct, Enum => Cache<T>.Plain.TryGetValue(value, out var name) ? name : value.ToString();

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Names = Enum.GetValues<T>().Distinct().ToDictionary(
            v => v,
            v => typeof(T).GetField(v.ToString())?.GetCustomAttributes(typeof(ChineseNameAttribute), false).OfType<ChineseNameAttribute>().FirstOrDefault()?.Name ?? v.ToString());

        public static readonly Dictionary<T, string> Plain = Enum.GetValues<T>().Distinct().ToDictionary(v => v, v => v.ToString());
    }
}
