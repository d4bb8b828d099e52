using GovStaff.Policy.Organization;
using GovStaff.Policy.Service;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// The disclosure rule of Art. 20: service work is public except what involves state secrets, commercial secrets or
/// personal privacy, which never appears in public output; personal identifiers are masked.
/// </summary>
public static class Disclosure
{
    /// <summary>The cases that may be published, with names masked; the count withheld is returned too.</summary>
    public static (IReadOnlyList<PublicCase> Published, int Withheld) PublicCases(IEnumerable<ServiceCase> cases, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(network);
        var all = cases.ToArray();
        var published = all.Where(c => c.Confidentiality == Confidentiality.Public)
            // Every text is masked (Art. 20: 个人隐私): an item's free text may carry an ID or mobile number.
            .Select(c => new PublicCase(PersonalData.MaskText(c.Item), PersonalData.MaskText(network.GetBody(c.Body).Name),
                network.TryGetStaff(c.AcceptedBy, out var s) ? PersonalData.MaskName(s.Name) : string.Empty, c.Channel, c.AcceptedOn, c.CompletedOn))
            .ToArray();
        return (published, all.Length - published.Length);
    }
}
