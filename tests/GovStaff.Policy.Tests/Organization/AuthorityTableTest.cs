using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Organization;

/// <summary>
/// The rows of docs/authority.md that <see cref="Authority"/> decides, one case per kind of person: who may act, and
/// the article. The lifecycle tests check that anyone else is refused and nothing changes.
/// </summary>
public class AuthorityTableTest
{
    // A police officer stationed at the Binhe township centre (Art. 7, 16, 24).
    private static readonly StaffMember Police = Person("P-BH", "马警官", new(1988, 8, 8), BinhePolice, Role.TownshipWindowStaff, BinheCentre);
    private static readonly ServiceNetwork District = Network([Police]);

    private static StaffMember Staff(string id) => District.Staff.Single(s => s.Id == new StaffId(id));

    private static string[] Names(IEnumerable<Party> parties) => [.. parties.Select(p => p.ToString()).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("W-HR1", 15, new[] { "body:hall" })]
    [InlineData("W-BH1", 16, new[] { "body:binhe-centre" })]
    [InlineData("P-BH", 16, new[] { "body:binhe-centre" })]
    [InlineData("V-SL", 17, new[] { "body:binhe-centre", "unit:shaliu-committee" })]
    public void Leave_IsApprovedByTheBodyThatManagesTheDailyWork(string staff, int article, string[] approvers)
    {
        var (parties, basis) = Authority.LeaveApprovers(Staff(staff), District);
        Assert.Equal(new Citation(article), basis);
        Assert.Equal(approvers, Names(parties));
        // Nobody else: the person's own home unit is not on the list for hall or township staff.
        if (article != 17)
        {
            Assert.DoesNotContain(Names(parties), n => n.StartsWith("unit:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void PoliceAdjustment_IsApprovedByTheServiceCentreOrTheStationsTownshipCentre_NotTheStation()
    {
        var (parties, basis) = Authority.AdjustmentApprovers(Police, District);
        Assert.Equal(new Citation(7), basis);
        Assert.Equal(["body:binhe-centre", "body:hall"], Names(parties));
        Assert.DoesNotContain("unit:binhe-police", Names(parties));
        Assert.DoesNotContain("body:wenchang-centre", Names(parties));
    }

    [Theory]
    [InlineData("W-HR1", "2022-03-30", 23, new[] { "body:hall" })] // stationed 2021-09-30: six months on 2022-03-30 (inclusive by default)
    [InlineData("W-HR1", "2022-03-29", 15, new[] { "unit:hrss" })] // a day short: the home unit appraises, on the option read from Art. 15 (Art. 23 is silent)
    [InlineData("W-BH1", "2022-12-31", 24, new[] { "unit:binhe" })]
    [InlineData("P-BH", "2022-12-31", 24, new[] { "unit:binhe", "unit:binhe-police" })] // both must sign
    [InlineData("V-SL", "2022-12-31", 25, new[] { "unit:binhe" })]
    public void Appraisal_IsByTheBodyTheArticleNames(string staff, string periodEnd, int article, string[] signatories)
    {
        var (parties, basis, reason) = Authority.Appraisers(Staff(staff), District, new LocalDate(2021, 9, 30),
            NodaTime.Text.LocalDatePattern.Iso.Parse(periodEnd).Value, PolicyOptions.Default);
        Assert.Equal(new Citation(article), basis);
        Assert.Equal(signatories, Names(parties));
        Assert.False(string.IsNullOrWhiteSpace(reason.Zh));
        Assert.False(string.IsNullOrWhiteSpace(reason.En));
    }

    [Fact]
    public void TheServiceAuthority_OfArt29_IsTheServiceHall() => Assert.Equal(Hall, Authority.ServiceAuthority(District));
}
