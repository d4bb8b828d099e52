using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Appraisal;

/// <summary>
/// The indicators an appraisal is scored on. Each township centre sets its own (Art. 19); every set covers the five
/// dimensions (Art. 26). The defaults follow Art. 27: directors on cooperation, staff management and policy
/// implementation; window staff and agents on attitude, ability, cases handled, efficiency, attendance and citizen
/// satisfaction.
/// </summary>
public sealed record IndicatorSet
{
    /// <summary>Creates a set.</summary>
    /// <param name="name">The set's name (e.g. the township's measures).</param>
    /// <param name="indicators">The indicators; codes unique; every dimension covered.</param>
    /// <exception cref="ArgumentException">No indicators, duplicate codes, or a dimension left uncovered (Art. 26).</exception>
    public IndicatorSet(string name, IReadOnlyList<Indicator> indicators)
    {
        Name = Guard.Text(name, nameof(Name));
        ArgumentNullException.ThrowIfNull(indicators);
        var duplicate = indicators.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Indicator set '{name}': code '{duplicate.Key}' is used twice.", nameof(indicators));
        }

        var missing = Enum.GetValues<Dimension>().Except(indicators.Select(i => i.Dimension)).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException($"Indicator set '{name}' leaves {string.Join(", ", missing)} unscored; Art. 26 requires all five dimensions (德、能、勤、绩、廉).", nameof(indicators));
        }

        _indicators = [.. indicators];
        _codes = _indicators.Select(i => i.Code).ToArray();
    }

    /// <summary>The set's name.</summary>
    public string Name { get; }

    private readonly Indicator[] _indicators;
    private readonly string[] _codes;

    /// <summary>The indicators.</summary>
    public IReadOnlyList<Indicator> Indicators => _indicators;

    /// <summary>The weighted total of scores (0–100 each), rounded to two decimals.</summary>
    /// <exception cref="ArgumentException">A score is missing, unknown or outside 0–100.</exception>
    public decimal Total(IReadOnlyDictionary<string, decimal> scores)
    {
        // Scores captured by this set were checked then; they are in its order.
        var captured = scores is IndicatorScores s && ReferenceEquals(s.Codes, _codes) ? s : null;
        if (captured is null)
        {
            Check(scores);
        }

        decimal weight = 0, sum = 0;
        for (var k = 0; k < _indicators.Length; k++)
        {
            var i = _indicators[k];
            weight += i.Weight;
            sum += (captured?.At(k) ?? scores[i.Code]) * i.Weight;
        }

        return Math.Round(sum / weight, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Checks that the scores cover exactly these indicators, each 0–100.</summary>
    /// <exception cref="ArgumentException">A score is missing, unknown or outside 0–100; the message names it.</exception>
    public void Check(IReadOnlyDictionary<string, decimal> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        foreach (var i in _indicators)
        {
            if (!scores.TryGetValue(i.Code, out var s))
            {
                throw new ArgumentException($"No score for indicator '{i.Code}' ({i.Name.Zh}) of set '{Name}'.", nameof(scores));
            }

            if (s < 0 || s > 100)
            {
                throw new ArgumentOutOfRangeException(nameof(scores), s, $"The score for '{i.Code}' must be between 0 and 100.");
            }
        }

        // A Dictionary's own key enumerator is a struct; through the interface it would be two objects per check.
        if (scores is Dictionary<string, decimal> dictionary)
        {
            foreach (var pair in dictionary)
            {
                CheckKnown(pair.Key, nameof(scores));
            }
        }
        else
        {
            foreach (var key in scores.Keys)
            {
                CheckKnown(key, nameof(scores));
            }
        }
    }

    private void CheckKnown(string key, string paramName)
    {
        if (!HasCode(key))
        {
            throw new ArgumentException($"Indicator '{key}' is not in set '{Name}' ({string.Join(", ", Indicators.Select(i => i.Code))}).", paramName);
        }
    }

    /// <summary>Checks the scores and keeps them in this set's order, under its codes.</summary>
    internal IndicatorScores Capture(IReadOnlyDictionary<string, decimal> scores)
    {
        Check(scores);
        var values = new decimal[_indicators.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = scores[_indicators[i].Code];
        }

        return new IndicatorScores(_codes, values);
    }

    // Ordinal, whatever comparer the caller's dictionary uses: the scores are copied and looked up by these codes.
    private bool HasCode(string code)
    {
        foreach (var i in _indicators)
        {
            if (string.Equals(i.Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Default for window staff and village agents (Art. 27).</summary>
    public static IndicatorSet WindowStaffDefault { get; } = new("window-staff-default",
    [
        new("integrity", new("政治品德", "integrity of character"), Dimension.Integrity, 10),
        new("ability", new("工作能力", "ability"), Dimension.Ability, 15),
        new("attitude", new("工作态度", "attitude"), Dimension.Diligence, 10),
        new("attendance", new("出勤情况", "attendance"), Dimension.Diligence, 15),
        new("cases", new("办件情况", "cases handled"), Dimension.Performance, 15),
        new("efficiency", new("办事效率", "efficiency"), Dimension.Performance, 10),
        new("satisfaction", new("服务对象满意度", "citizen satisfaction"), Dimension.Performance, 15),
        new("probity", new("廉洁自律", "probity"), Dimension.Probity, 10),
    ]);

    /// <summary>Default for the two director roles (Art. 27).</summary>
    public static IndicatorSet DirectorDefault { get; } = new("director-default",
    [
        new("integrity", new("政治品德", "integrity of character"), Dimension.Integrity, 10),
        new("ability", new("履职能力", "ability"), Dimension.Ability, 10),
        new("diligence", new("勤勉尽责", "diligence"), Dimension.Diligence, 10),
        new("cooperation", new("工作配合度", "cooperation"), Dimension.Performance, 20),
        new("staff-management", new("人员管理", "staff management"), Dimension.Performance, 20),
        new("policy-implementation", new("政策制度落实", "policy implementation"), Dimension.Performance, 20),
        new("probity", new("廉洁自律", "probity"), Dimension.Probity, 10),
    ]);

    /// <summary>The default set for a role.</summary>
    public static IndicatorSet DefaultFor(Role role) => role.IsDirector() ? DirectorDefault : WindowStaffDefault;
}
