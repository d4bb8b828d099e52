using CsCheck;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using NodaTime;

namespace GovStaff.Policy.Tests.Decisions;

/// <summary>
/// Properties of the public value types and decisions over generated inputs (CsCheck): what goes out comes back,
/// the outcome follows from the findings, and bad values are refused rather than half-accepted.
/// </summary>
public class PublicApiPropertyTest
{
    private static readonly Gen<Citation> MeasuresCitation =
        Gen.Int[1, RegulationCatalogue.ArticleCount].SelectMany(article =>
            RegulationCatalogue.ItemCount(article) is var items and > 0
                ? Gen.Int[0, items].Select(i => i == 0 ? new Citation(article) : new Citation(article, i))
                : Gen.Const(new Citation(article)));

    private static readonly Gen<AppraisalPeriod> Period =
        Gen.Const(new[] { 1, 2, 3, 4, 6, 12 }).SelectMany(m => Gen.Int[0, m.Length - 1].Select(i => m[i])).SelectMany(months =>
            Gen.Select(Gen.Int[1901, 2199], Gen.Int[1, 12 / months], (year, number) => new AppraisalPeriod(year, number, months)));

    private static readonly Gen<Finding> AnyFinding =
        Gen.Select(Gen.Enum<Severity>(), MeasuresCitation.Array[1, 3], Gen.String[Gen.Char.AlphaNumeric, 1, 20], (severity, citations, text) =>
            new Finding("prop." + severity.ToString().ToLowerInvariant(), severity, citations, new LocalizedText("发现" + text, "found " + text)));

    [Fact]
    public void ComposedMessages_ReadCompareAndSerialiseAsTheTextTheyWrite() =>
        Gen.Select(Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.Int[0, 999]).Sample((name, n) =>
        {
            var eager = new LocalizedText($"{name}有{n}件", $"{name} has {n}");
            var composed = LocalizedText.Compose((Name: name, N: n), static p => $"{p.Name}有{p.N}件", static p => $"{p.Name} has {p.N}");
            var copy = composed with { En = "changed" };
            return composed == eager && eager == composed && composed.GetHashCode() == eager.GetHashCode() &&
                composed.ToString() == eager.ToString() &&
                GovStaffJson.Serialize(composed) == GovStaffJson.Serialize(eager) &&
                GovStaffJson.Deserialize<LocalizedText>(GovStaffJson.Serialize(composed)) == eager &&
                copy.Zh == eager.Zh && copy.En == "changed" && composed.En == eager.En;
        });

    [Fact]
    public void EventData_KeepsWhatADictionaryWould_InTheOrderSet() =>
        Gen.Select(Gen.Int[0, 5], Gen.String[Gen.Char.AlphaNumeric, 0, 4]).Array[0, 12].Sample(sets =>
        {
            var data = new GovStaff.Policy.Decisions.EventData(2);
            var dictionary = new Dictionary<string, string>();
            foreach (var (key, value) in sets)
            {
                data["k" + key] = value;
                dictionary["k" + key] = value;
            }

            // Dictionary keeps insertion order while nothing is removed, so both orders must agree too.
            return data.SequenceEqual(dictionary) && data.Count == dictionary.Count &&
                dictionary.All(kv => data.TryGetValue(kv.Key, out var v) && v == kv.Value && data[kv.Key] == v) &&
                !data.ContainsKey("absent") && data.Keys.SequenceEqual(dictionary.Keys) && data.Values.SequenceEqual(dictionary.Values);
        });

    [Fact]
    public void Citations_ParseBackFromBothLanguages() =>
        MeasuresCitation.Sample(c =>
            Citation.Parse(c.ToChinese()) == c && Citation.Parse(c.ToEnglish()) == c && GovStaffJson.Deserialize<Citation>(GovStaffJson.Serialize(c)) == c);

    [Fact]
    public void AppraisalPeriods_ParseBackFromTheirText_AndOrderByStart() =>
        Gen.Select(Period, Period).Sample((a, b) =>
            AppraisalPeriod.Parse(a.ToString()) == a &&
            a.Previous.Next == a &&
            (a.Start < b.Start ? a < b : a.Start > b.Start ? a > b : true));

    [Fact]
    public void ADecisionsOutcome_IsItsWorstFinding_AndItCitesEveryProvisionOnceInOrder() =>
        AnyFinding.Array[1, 8].Sample(findings =>
        {
            var decision = new Decision("prop.check", "staff:S1", findings, "v1", Instant.FromUtc(2022, 10, 10, 1, 0));
            var worst = findings.Max(f => f.Severity);
            var expected = worst switch
            {
                Severity.Violation => Outcome.Refused,
                Severity.ApprovalRequired => Outcome.RequiresApproval,
                Severity.Warning => Outcome.Warning,
                _ => Outcome.Permitted,
            };
            var cited = findings.SelectMany(f => f.Citations).Distinct().Order().ToArray();
            return decision.Outcome == expected &&
                decision.IsPermitted == (expected is Outcome.Permitted or Outcome.Warning) &&
                decision.Citations.SequenceEqual(cited) &&
                GovStaffJson.Deserialize<Decision>(GovStaffJson.Serialize(decision)) == decision;
        });

    [Fact]
    public void ValidResidentIdNumbers_AreAccepted_AndAnySingleDigitChangeIsRefused()
    {
        var valid = Gen.Select(Gen.Int[110000, 659999], Gen.Date[new DateTime(1940, 1, 1), new DateTime(2010, 12, 31)], Gen.Int[0, 999], (region, birth, sequence) =>
            WithCheckDigit($"{region:000000}{birth:yyyyMMdd}{sequence:000}"));
        Gen.Select(valid, Gen.Int[0, 16], Gen.Int[1, 9]).Sample((id, position, shift) =>
        {
            var parsed = new ResidentIdNumber(id);
            var digit = (char)('0' + ((id[position] - '0' + shift) % 10));
            var changed = string.Concat(id.AsSpan(0, position), digit.ToString(), id.AsSpan(position + 1));
            return parsed.Value == id &&
                parsed.ToString() == id[..4] + "**********" + id[14..] &&
                ResidentIdNumber.Validate(changed) is not null;
        });
    }

    [Fact]
    public void InvalidPeriods_AreRefusedNamingTheArgument() =>
        Gen.Select(Gen.Int[-5, 20], Gen.Int[-2, 14], Gen.Int[-1, 13]).Where((_, number, months) => months is < 1 or > 12 || 12 % months != 0 || number < 1 || number > 12 / months)
            .Sample((year, number, months) =>
            {
                var e = Record.Exception(() => new AppraisalPeriod(2000 + year, number, months));
                return e is ArgumentOutOfRangeException { ParamName: "months" or "number" };
            });

    [Fact]
    public void MaskedText_HoldsNoMobileOrIdNumber_AndTextWithoutLongDigitRunsIsUntouched()
    {
        var chunk = Gen.OneOf(Gen.String[Gen.Char['0', '9'], 1, 20], Gen.String[Gen.Char.AlphaNumeric, 0, 8], Gen.Const("电话"), Gen.Const("身份证"), Gen.Const("-"));
        chunk.Array[1, 8].Select(parts => string.Concat(parts)).Sample(text =>
        {
            var masked = GovStaff.Policy.Reporting.PersonalData.MaskText(text);
            var mobile = System.Text.RegularExpressions.Regex.IsMatch(masked, "(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
            var id = System.Text.RegularExpressions.Regex.IsMatch(masked, "(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");
            var longRun = System.Text.RegularExpressions.Regex.IsMatch(text, "[0-9]{11}");
            return !mobile && !id && (longRun || masked == text);
        });
    }

    // GB 11643: weights 2^(17-i) mod 11, check characters 1 0 X 9 8 7 6 5 4 3 2.
    private static string WithCheckDigit(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * ((1 << (17 - i)) % 11);
        }

        return first17 + "10X98765432"[sum % 11];
    }
}
