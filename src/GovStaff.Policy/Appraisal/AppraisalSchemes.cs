using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Appraisal;

/// <summary>
/// Which indicator set applies to whom: a township's own sets (its 《管理办法》, Art. 19) where it has them, the
/// defaults (Art. 27) otherwise.
/// </summary>
public sealed class AppraisalSchemes
{
    private readonly Dictionary<(HomeUnitId Township, bool Director), IndicatorSet> _byTownship = [];

    /// <summary>The defaults alone.</summary>
    public static AppraisalSchemes Default { get; } = new();

    /// <summary>Sets a township's indicator set for directors or for window staff and agents.</summary>
    public AppraisalSchemes WithTownship(HomeUnitId township, IndicatorSet set, bool forDirectors = false)
    {
        ArgumentNullException.ThrowIfNull(set);
        var copy = new AppraisalSchemes();
        foreach (var kv in _byTownship)
        {
            copy._byTownship[kv.Key] = kv.Value;
        }

        copy._byTownship[(township, forDirectors)] = set;
        return copy;
    }

    /// <summary>The set for a person in a role at a body.</summary>
    public IndicatorSet For(Role role, ServiceBody body, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(network);
        var township = network.TownshipOf(body);
        return township is { } t && _byTownship.TryGetValue((t, role.IsDirector()), out var set) ? set : IndicatorSet.DefaultFor(role);
    }
}
