using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GovStaff.Policy.Decisions;

/// <summary>
/// The details of a <see cref="DomainEvent"/> as they are built: a handful of name/value pairs in the order they were
/// set, searched in place. An event carries two to six; a hash table for so few cost three times the memory.
/// </summary>
/// <remarks>
/// Filled by the service that raises the event and read-only once the event is published (it is only ever seen as
/// <see cref="IReadOnlyDictionary{TKey, TValue}"/>). Setting a name again replaces its value, as a dictionary would.
/// </remarks>
internal sealed class EventData : IReadOnlyDictionary<string, string>
{
    private KeyValuePair<string, string>[] _pairs;
    private int _count;

    public EventData(int capacity = 6) => _pairs = capacity == 0 ? [] : new KeyValuePair<string, string>[capacity];

    public int Count => _count;

    public IEnumerable<string> Keys => _pairs.Take(_count).Select(p => p.Key);

    public IEnumerable<string> Values => _pairs.Take(_count).Select(p => p.Value);

    public string this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The event has no detail '{key}'.");
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var i = IndexOf(key);
            if (i >= 0)
            {
                _pairs[i] = new(key, value);
                return;
            }

            if (_count == _pairs.Length)
            {
                Array.Resize(ref _pairs, Math.Max(4, _count * 2));
            }

            _pairs[_count++] = new(key, value);
        }
    }

    /// <summary>The pair at a position, in the order set.</summary>
    public KeyValuePair<string, string> At(int index) => index < _count ? _pairs[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _pairs[i].Value : null;
        return i >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _pairs[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_pairs[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
