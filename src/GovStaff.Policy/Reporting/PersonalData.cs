using System.Text.RegularExpressions;
using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// Masks personal identifiers for public output, logs and notifications (Art. 20): 张*, 138****1234,
/// 6405**********1234, and the first part of an address only.
/// </summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"(?<![0-9])([1-9][0-9]{3})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9])")]
    private static partial Regex IdNumberInText();

    [GeneratedRegex(@"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")]
    private static partial Regex MobileInText();

    /// <summary>Masks every resident ID number and mobile number found in free text (messages, notifications, logs).</summary>
    public static string MaskText(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : !HasDigitRun(text, 11) ? text // both patterns need eleven digits in a row; most messages have none
        : MobileInText().Replace(IdNumberInText().Replace(text, "$1**********$2"), "$1****$2");

    private static bool HasDigitRun(string text, int length)
    {
        // Jump from digit to digit (vectorised); only text around digits is looked at one character at a time.
        var span = text.AsSpan();
        for (var start = span.IndexOfAnyInRange('0', '9'); start >= 0 && span.Length - start >= length;)
        {
            var rest = span[start..];
            var run = rest.IndexOfAnyExceptInRange('0', '9');
            if (run < 0 ? rest.Length >= length : run >= length)
            {
                return true;
            }

            if (run < 0)
            {
                return false;
            }

            span = rest[run..];
            start = span.IndexOfAnyInRange('0', '9');
        }

        return false;
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
