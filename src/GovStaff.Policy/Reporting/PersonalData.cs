using System.Text.RegularExpressions;
using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// Masks personal identifiers for public output, logs and notifications (Art. 20): 张*, 138****1234,
/// 6405**********1234, and the first part of an address only.
/// </summary>
public static partial class PersonalData
{
    // A run of digits that may be grouped by spaces or dashes (one or two between groups), with an optional + or
    // 00 country prefix and an ID number's final X: every spelling of an ID or mobile number once full-width digits
    // and separators are folded to ASCII (see Normalize).
    [GeneratedRegex(@"(?<![0-9])\+?[0-9](?:[ \-]{0,2}[0-9]){9,21}(?:[ \-]{0,2}[Xx])?(?![0-9])")]
    private static partial Regex GroupedDigits();

    /// <summary>
    /// Masks every resident ID number (18 or 15 digits) and mobile number (11 digits, with or without +86, 0086 or 86)
    /// found in free text — messages, notifications, logs, reports — whatever its spelling: full-width digits, spaces,
    /// dashes or a country prefix. 6405**********1234, 6405*******1234, 138****5678.
    /// </summary>
    public static string MaskText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = Normalize(text);
        // Both kinds need at least eleven digits; most messages have far fewer.
        return DigitCount(normalized) < 11 ? text : GroupedDigits().Replace(normalized, static m => MaskNumber(m.Value));
    }

    /// <summary>True when the text, its digits folded to ASCII, still holds a run of six or more digits (separators allowed).</summary>
    public static bool HasLongDigitRun(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var run = 0;
        foreach (var c in Normalize(text))
        {
            if (c is >= '0' and <= '9')
            {
                if (++run >= 6)
                {
                    return true;
                }
            }
            else if (c is not (' ' or '-'))
            {
                run = 0;
            }
        }

        return false;
    }

    // Full-width digits and signs, the Unicode dashes and the wide spaces become their ASCII forms.
    private static string Normalize(string text)
    {
        var needs = false;
        foreach (var c in text)
        {
            if (c is (>= '\uFF10' and <= '\uFF19') or '\uFF0B' or '\uFF0D' or '\u3000' or '\u00A0' or (>= '\u2010' and <= '\u2015') or '\u2212' or '\uFF38' or '\uFF58')
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                var c = t[i];
                span[i] = c switch
                {
                    >= '\uFF10' and <= '\uFF19' => (char)('0' + (c - '\uFF10')),
                    '\uFF0B' => '+',
                    '\uFF0D' or '\u2212' or (>= '\u2010' and <= '\u2015') => '-',
                    '\u3000' or '\u00A0' => ' ',
                    '\uFF38' => 'X',
                    '\uFF58' => 'x',
                    _ => c,
                };
            }
        });
    }

    private static int DigitCount(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                n++;
            }
        }

        return n;
    }

    private static string MaskNumber(string match)
    {
        Span<char> buffer = stackalloc char[match.Length];
        var n = 0;
        foreach (var c in match)
        {
            if (c is (>= '0' and <= '9') or 'X' or 'x')
            {
                buffer[n++] = c;
            }
        }

        var d = buffer[..n];
        var plus = match.StartsWith('+');
        if (d.Length == 18 && d[0] != '0' && !d[..17].ContainsAnyExceptInRange('0', '9'))
        {
            return string.Concat(d[..4], "**********", d[14..]);
        }

        if (d.Length == 15 && d[0] != '0' && !plus && d.IndexOfAny('X', 'x') < 0)
        {
            return string.Concat(d[..4], "*******", d[11..]);
        }

        // A mobile number: 11 digits from 13 to 19, after an optional 86 or 0086.
        var prefix = d.StartsWith("0086") ? 4 : d.StartsWith("86") && d.Length == 13 ? 2 : 0;
        var mobile = d[prefix..];
        if (mobile.Length == 11 && mobile[0] == '1' && mobile[1] is >= '3' and <= '9' && mobile.IndexOfAny('X', 'x') < 0)
        {
            return string.Concat(prefix > 0 || plus ? "+86 " : string.Empty, mobile[..3], "****", mobile[7..]);
        }

        // Not one number as a whole (an ID with a suffix, two numbers side by side): each unbroken group on its own.
        if (match.AsSpan().IndexOfAny(' ', '-') < 0)
        {
            return match;
        }

        var sb = new System.Text.StringBuilder(match.Length);
        var start = 0;
        for (var i = 0; i <= match.Length; i++)
        {
            if (i == match.Length || match[i] is ' ' or '-')
            {
                sb.Append(MaskNumber(match[start..i]));
                if (i < match.Length)
                {
                    sb.Append(match[i]);
                }

                start = i + 1;
            }
        }

        return sb.ToString();
    }

    private static readonly string[] AddressLevels = ["镇", "乡", "街道"];

    /// <summary>Keeps the family name: 张三 → 张*, 欧阳娜娜 → 欧阳**; Latin names keep the first letter.</summary>
    public static string MaskName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var n = name.Trim();
        var keep = n.Length >= 4 && n.All(c => c > 0x2E80) ? 2 : 1; // two-character family names in four-character names
        return n[..keep] + new string('*', n.Length - keep);
    }

    /// <summary>Keeps the first three and last four digits of a phone number: 138****1234; shorter numbers keep the last two.</summary>
    public static string MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return string.Empty;
        }

        var digits = phone.Trim();
        return digits.Length >= 11
            ? string.Concat(digits.AsSpan(0, 3), new string('*', digits.Length - 7), digits.AsSpan(digits.Length - 4))
            : new string('*', Math.Max(0, digits.Length - 2)) + digits[Math.Max(0, digits.Length - 2)..];
    }

    /// <summary>The resident ID number masked: 6405**********1234.</summary>
    public static string MaskIdNumber(ResidentIdNumber? id) => id?.Masked ?? string.Empty;

    /// <summary>Keeps an address up to the township or street level, masking the rest: 中卫市沙坡头区滨河镇****.</summary>
    public static string MaskAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return string.Empty;
        }

        var a = address.Trim();
        var cut = AddressLevels.Select(m => a.IndexOf(m, StringComparison.Ordinal) is var i and >= 0 ? i + m.Length : -1).Where(i => i > 0).DefaultIfEmpty(Math.Min(6, a.Length)).Min();
        return a[..cut] + "****";
    }
}
