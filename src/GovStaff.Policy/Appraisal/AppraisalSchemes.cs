using GovStaff.Policy.Organization;

namespace GovStaff.Policy.Appraisal;

/// <summary>
/// Which indicator set applies to whom. Art. 27 has the service centre and each township set its own appraisal method
/// (政务服务中心、各乡镇要制定切实可行的考核办法; a township centre's own measures, Art. 19), so a set is keyed by the
/// appraising body — the service hall, or a township — and by whether it is for directors; anyone whose appraising
/// body has none is scored on the defaults (Art. 27's emphases).
/// </summary>
public sealed class AppraisalSchemes
{
    private readonly Dictionary<(Party Body, bool Director), IndicatorSet> _byBody = [];

    /// <summary>The defaults alone.</summary>
    public static AppraisalSchemes Default { get; } = new();

    /// <summary>True when no appraising body has a set of its own: everyone is scored on the defaults.</summary>
    internal bool IsDefaultOnly => _byBody.Count == 0;

    /// <summary>Sets an appraising body's indicator set for directors, or for window staff and agents.</summary>
    /// <param name="network">The district, in which the appraising body must be the service hall or a township.</param>
    /// <param name="appraisingBody">The service hall (<c>Party.Of(hallId)</c>) or a township (<c>Party.Of(townshipId)</c>).</param>
    /// <param name="set">Its indicator set.</param>
    /// <param name="forDirectors">True for the set its directors are scored on.</param>
    /// <returns>A copy with the set added; this instance is unchanged.</returns>
    /// <exception cref="ArgumentException">
    /// The appraising body is neither the hall nor a township of the network: Art. 27 gives the method to 政务服务中心、各乡镇 only.
    /// </exception>
    public AppraisalSchemes With(ServiceNetwork network, Party appraisingBody, IndicatorSet set, bool forDirectors = false)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(set);
        var appraises = appraisingBody switch
        {
            { ServiceBody: { } b } => network.TryGetBody(b, out var body) && body.Kind == ServiceBodyKind.ServiceHall,
            { HomeUnit: { } u } => network.TryGetHomeUnit(u, out var unit) && unit.Kind == HomeUnitKind.Township,
            _ => false,
        };
        if (!appraises)
        {
            throw new ArgumentException($"The appraising body {appraisingBody} is neither the service hall nor a township of the district; Art. 27 has the service centre and each township set the appraisal method (政务服务中心、各乡镇要制定考核办法).", nameof(appraisingBody));
        }

        var copy = new AppraisalSchemes();
        foreach (var kv in _byBody)
        {
            copy._byBody[kv.Key] = kv.Value;
        }

        copy._byBody[(appraisingBody, forDirectors)] = set;
        return copy;
    }

    /// <summary>
    /// The set for a person in a role appraised by these bodies (Art. 23–25; <see cref="Authority.Appraisers"/>): the
    /// first of them that has a set of its own, otherwise the default for the role. For police staff at a township
    /// centre, appraised jointly (Art. 24), that is the township's.
    /// </summary>
    /// <param name="role">The person's role.</param>
    /// <param name="appraisers">The appraising bodies.</param>
    public IndicatorSet For(Role role, IReadOnlyList<Party> appraisers)
    {
        ArgumentNullException.ThrowIfNull(appraisers);
        var director = role.IsDirector();
        for (var i = 0; i < appraisers.Count; i++)
        {
            if (_byBody.TryGetValue((appraisers[i], director), out var set))
            {
                return set;
            }
        }

        return IndicatorSet.DefaultFor(role);
    }
}
