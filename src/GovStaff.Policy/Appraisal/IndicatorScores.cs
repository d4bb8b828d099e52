using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GovStaff.Policy.Appraisal;

/// <summary>
/// The scores of one appraisal, in the order of its indicator set: the set's codes are shared, only the numbers are
/// the appraisal's own. A quarter-end run keeps one of these per person, where a copied dictionary cost three times as much.
/// </summary>
internal sealed class IndicatorScores : IReadOnlyDictionary<string, decimal>
{
    private readonly string[] _codes;
    private readonly decimal[] _values;

    public IndicatorScores(string[] codes, decimal[] values)
    {
        _codes = codes;
        _values = values;
    }

    /// <summary>The codes of the set the scores were captured for; the same array for every appraisal of that set.</summary>
    public string[] Codes => _codes;

    public int Count => _codes.Length;

    public IEnumerable<string> Keys => _codes;

    public IEnumerable<decimal> Values => _values;

    public decimal this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No score for indicator '{key}'.");

    /// <summary>The score at a position of the set.</summary>
    public decimal At(int index) => _values[index];

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out decimal value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _values[i] : 0;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, decimal>> GetEnumerator()
    {
        for (var i = 0; i < _codes.Length; i++)
        {
            yield return new(_codes[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Array.IndexOf(_codes, key);
    }
}
