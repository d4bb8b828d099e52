using System.Text;

namespace GovStaff.Policy.Regulation;

/// <summary>Converts between integers and Chinese numerals as used in article numbers (第二百零三条).</summary>
internal static class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>Formats 1–9999 the way statutes number their articles: 十二, 二十一, 一百零三, 一千二百五十九.</summary>
    public static string Format(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 9999);

        // 10–19 are written 十, 十一 … not 一十一 (the form statutes use).
        if (value < 20 && value >= 10)
        {
            return value == 10 ? "十" : "十" + Digits[value - 10];
        }

        var units = new[] { (1000, '千'), (100, '百'), (10, '十'), (1, '\0') };
        var sb = new StringBuilder();
        var pendingZero = false;
        foreach (var (size, name) in units)
        {
            var digit = value / size % 10;
            if (digit == 0)
            {
                pendingZero = sb.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                sb.Append('零');
                pendingZero = false;
            }

            sb.Append(Digits[digit]);
            if (name != '\0')
            {
                sb.Append(name);
            }
        }

        return sb.ToString();
    }

    // Parsing is rare (reading citations back), so a table built once from Format is simplest and exact.
    private static readonly Lazy<Dictionary<string, int>> Table = new(() =>
    {
        var table = new Dictionary<string, int>(9999, StringComparer.Ordinal);
        for (var i = 1; i <= 9999; i++)
        {
            table[Format(i)] = i;
        }

        return table;
    });

    /// <summary>Parses a numeral produced by <see cref="Format"/>; also accepts 两 for 二 and 一十 for 十. Returns false on anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int value)
    {
        var s = text.ToString().Replace('两', '二');
        if (s.StartsWith("一十", StringComparison.Ordinal))
        {
            s = s[1..];
        }

        return Table.Value.TryGetValue(s, out value);
    }
}
