using GovStaff.Policy.Organization;
using GovStaff.Policy.Service;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// The disclosure rule of Art. 20: service work is public except what involves state secrets, commercial secrets or
/// personal privacy, which never appears in public output; personal identifiers are masked.
/// </summary>
public static class Disclosure
{
    /// <summary>
    /// The cases that may be published, and the count withheld. Published: the matter's catalogue name (the item's text
    /// up to its first bracket, colon, comma or space — what the applicant or staff added after it is not published),
    /// with every ID and mobile number masked and the names of the district's staff masked; the accepting staff member
    /// as 张*. Withheld: a case involving a state or commercial secret or personal privacy (Art. 20), and a case whose
    /// catalogue name still holds a long digit run after masking.
    /// </summary>
    public static (IReadOnlyList<PublicCase> Published, int Withheld) PublicCases(IEnumerable<ServiceCase> cases, ServiceNetwork network)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(network);
        var all = cases.ToArray();
        var published = new List<PublicCase>(all.Length);
        foreach (var c in all)
        {
            if (c.Confidentiality != Confidentiality.Public)
            {
                continue;
            }

            var item = MaskNames(PersonalData.MaskText(CatalogueName(c.Item)), network);
            if (PersonalData.HasLongDigitRun(item))
            {
                continue; // still a number that may identify someone: withheld rather than published
            }

            published.Add(new PublicCase(item, PersonalData.MaskText(network.GetBody(c.Body).Name),
                network.TryGetStaff(c.AcceptedBy, out var s) ? PersonalData.MaskName(s.Name) : string.Empty, c.Channel, c.AcceptedOn, c.CompletedOn));
        }

        return (published, all.Length - published.Count);
    }

    private static readonly System.Buffers.SearchValues<char> CatalogueEnd = System.Buffers.SearchValues.Create("（(：:，,；; \u3000【[");

    /// <summary>The matter's catalogue name: the item's text up to its first bracket, colon, comma or space.</summary>
    public static string CatalogueName(string item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var t = item.Trim();
        var cut = t.IndexOfAny(CatalogueEnd);
        return cut > 0 ? t[..cut] : t;
    }

    // A staff member's name typed into the item is masked like any published name (张*).
    private static string MaskNames(string text, ServiceNetwork network)
    {
        foreach (var s in network.Staff)
        {
            if (s.Name.Length >= 2 && text.Contains(s.Name, StringComparison.Ordinal))
            {
                text = text.Replace(s.Name, PersonalData.MaskName(s.Name), StringComparison.Ordinal);
            }
        }

        return text;
    }
}
