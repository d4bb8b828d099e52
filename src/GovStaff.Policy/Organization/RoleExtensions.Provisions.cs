using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Organization;

/// <summary>Which provisions of the measures bind a role (Arts. 2–29 by role; Art. 31 for all in scope).</summary>
public static partial class RoleExtensions
{
    // Which provisions bind whom. Duties: Art. 8 (hall office director), 9 (township director), 10 (window staff),
    // 11 (village agents). Working rules: Art. 12 binds window staff in full; Art. 13 limits village agents to
    // 12(3), 12(4), 12(5), 12(7) and 12(9). Management: Art. 15 hall, 16 township (police dual), 17 village.
    // Appraisal: Art. 23 hall, 24 township (police jointly), 25 village; Art. 26–29 everyone.
    private static readonly int[] Art12Items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    private static readonly int[] Art13Items = [3, 4, 5, 7, 9];

    /// <summary>
    /// The provisions that bind a person in a role: the answer to "what rules apply to this person". Articles with
    /// items are listed item by item.
    /// </summary>
    /// <param name="role">The person's role.</param>
    /// <param name="isPoliceStaff">True for police staff stationed at a township centre (Art. 5, 7, 16, 24 add to them).</param>
    /// <returns>The citations, in document order; empty for <see cref="Role.Other"/> (out of scope, Art. 2).</returns>
    public static IReadOnlyList<Citation> Provisions(this Role role, bool isPoliceStaff = false)
    {
        if (!role.IsInScope())
        {
            return [];
        }

        var list = new List<Citation> { new(2) };
        void Whole(params int[] articles) => list.AddRange(articles.Select(a => new Citation(a)));
        void Items(int article, IEnumerable<int> items) => list.AddRange(items.Select(i => new Citation(article, i)));
        void AllItems(int article) => Items(article, Enumerable.Range(1, RegulationCatalogue.ItemCount(article)));

        switch (role)
        {
            case Role.HallOfficeDirector:
                Whole(3);
                AllItems(8);
                Whole(15, 18, 20, 21, 23);
                break;
            case Role.HallWindowStaff:
                Whole(4);
                AllItems(10);
                AllItems(12);
                AllItems(14);
                Whole(15, 18, 20, 21, 22, 23);
                break;
            case Role.TownshipCentreDirector:
                Whole(3);
                AllItems(9);
                Whole(16, 18, 19, 20, 21, 22, 24);
                break;
            case Role.TownshipWindowStaff:
                Whole(isPoliceStaff ? 5 : 4);
                if (isPoliceStaff)
                {
                    Whole(7);
                }

                AllItems(10);
                Items(12, Art12Items);
                AllItems(14);
                Whole(16, 18, 19, 20, 21, 22, 24);
                break;
            case Role.VillageAgent:
                Whole(6);
                AllItems(11);
                Items(12, Art13Items);
                Whole(13, 17, 18, 20, 21, 25);
                break;
        }

        Whole(26, 27, 28, 29, 31);
        list.Sort();
        return list;
    }

    /// <summary>True when the provision (an article, or an item of it) binds a person in the role.</summary>
    /// <param name="role">The person's role.</param>
    /// <param name="citation">The provision.</param>
    /// <param name="isPoliceStaff">True for police staff stationed at a township centre.</param>
    public static bool IsBoundBy(this Role role, Citation citation, bool isPoliceStaff = false) =>
        role.Provisions(isPoliceStaff).Any(p => p == citation || (citation.Item is null && p.WholeArticle == citation) || citation.IsWithin(p));
}
