namespace GovStaff.Policy.Lifecycles;

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
