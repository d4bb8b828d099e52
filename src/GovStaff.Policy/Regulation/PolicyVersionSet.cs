using NodaTime;

namespace GovStaff.Policy.Regulation;

/// <summary>
/// The configured versions of the measures, none overlapping. An action is judged under the version in force on its
/// date; an action dated outside every version is refused under Art. 31 rather than judged by a silent default.
/// </summary>
public sealed class PolicyVersionSet
{
    private readonly PolicyVersion[] _versions;

    /// <summary>The trial version alone (<see cref="PolicyVersion.Trial2021"/>).</summary>
    public static PolicyVersionSet Default { get; } = new([PolicyVersion.Trial2021]);

    /// <summary>Creates the set.</summary>
    /// <param name="versions">At least one version; ids unique; periods not overlapping.</param>
    /// <exception cref="ArgumentException">No version, a duplicate id, or two versions in force on the same day.</exception>
    public PolicyVersionSet(IEnumerable<PolicyVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        _versions = versions.OrderBy(v => v.EffectiveFrom).ToArray();
        if (_versions.Length == 0)
        {
            throw new ArgumentException("Configure at least one policy version (Art. 31).", nameof(versions));
        }

        var duplicate = _versions.GroupBy(v => v.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Policy version id '{duplicate.Key}' is configured more than once.", nameof(versions));
        }

        for (var i = 1; i < _versions.Length; i++)
        {
            var previous = _versions[i - 1];
            if (previous.EffectiveUntil is null || previous.EffectiveUntil >= _versions[i].EffectiveFrom)
            {
                throw new ArgumentException($"Policy versions '{previous.Id}' and '{_versions[i].Id}' overlap; only one version can be in force on a day.", nameof(versions));
            }
        }
    }

    /// <summary>The versions, by effective date.</summary>
    public IReadOnlyList<PolicyVersion> Versions => _versions;

    /// <summary>Finds the version in force on a date.</summary>
    /// <param name="date">The date of the action.</param>
    /// <param name="version">The version in force.</param>
    /// <returns>False when no configured version is in force on that date.</returns>
    public bool TryResolve(LocalDate date, out PolicyVersion version)
    {
        foreach (var v in _versions)
        {
            if (v.IsInForceOn(date))
            {
                version = v;
                return true;
            }
        }

        version = null!;
        return false;
    }

    /// <summary>Gets a version by id.</summary>
    /// <exception cref="KeyNotFoundException">No version has that id.</exception>
    public PolicyVersion Get(string id) =>
        _versions.FirstOrDefault(v => v.Id == id) ?? throw new KeyNotFoundException($"No policy version has id '{id}'. Configured: {string.Join(", ", _versions.Select(v => v.Id))}.");
}
