using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Staffing;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Staffing;

public class Article4NominationTest
{
    private static Decision Vet(StaffMember candidate, LocalDate on, ServiceBodyId? to = null, Role role = Role.TownshipWindowStaff, PolicyOptions? options = null, LocalDate? stationingOn = null) =>
        new StaffingRules(Engine(on, options)).VetNomination(
            new Nomination(candidate.Id, to ?? BinheCentre, role, on, stationingOn),
            Network([candidate], asOf: on));

    private static StaffMember Candidate(LocalDate birth, bool computer = true, bool backbone = true) =>
        Person("NOM", "候选人", birth, Binhe, Role.Other, computer: computer, backbone: backbone);

    // 《民法典》第一千二百五十九条: "45岁以下" includes 45, so a person aged 45 in full years qualifies; the 46th birthday refuses.
    [Fact]
    public void Art4_On45thBirthday_IsPermitted_YiXiaIncludesTheNumber()
    {
        var d = Vet(Candidate(new(1977, 10, 10)), new(2022, 10, 10));
        Assert.Equal(Outcome.Permitted, d.Outcome);
        var age = d.Findings.Single(f => f.Code == "art4.age-limit");
        Assert.Equal(Severity.Satisfied, age.Severity);
        Assert.Contains("年龄45周岁，在45岁以下（含本数）", age.Message.Zh);
        Snap.Match(d);
    }

    [Fact]
    public void Art4_DayBefore46thBirthday_IsPermitted()
    {
        var d = Vet(Candidate(new(1976, 10, 11)), new(2022, 10, 10));
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Contains("Aged 45", d.Findings.Single(f => f.Code == "art4.age-limit").Message.En);
    }

    [Fact]
    public void Art4_On46thBirthday_IsRefused()
    {
        var d = Vet(Candidate(new(1976, 10, 10)), new(2022, 10, 10));
        Assert.Equal(Outcome.Refused, d.Outcome);
        var age = d.Findings.Single(f => f.Code == "art4.age-limit");
        Assert.Equal(Severity.Violation, age.Severity);
        Assert.Equal(new Citation(4), age.Citation);
        Assert.Contains("已满46周岁", age.Message.Zh);
        Snap.Match(d);
    }

    [Theory]
    [InlineData(true, "1977-10-10", Outcome.Permitted)]  // aged 45: inside 45岁以下 (default)
    [InlineData(false, "1977-10-10", Outcome.Refused)]   // the strict reading: under 45
    [InlineData(false, "1977-10-11", Outcome.Permitted)] // aged 44 qualifies either way
    [InlineData(true, "1976-10-10", Outcome.Refused)]    // aged 46 qualifies under neither
    public void Art4_AgeLimit_BothReadings(bool inclusive, string birth, Outcome expected)
    {
        var born = NodaTime.Text.LocalDatePattern.Iso.Parse(birth).Value;
        var d = Vet(Candidate(born), new(2022, 10, 10), options: PolicyOptions.Default with { AgeLimitInclusive = inclusive });
        Assert.Equal(expected, d.Outcome);
    }

    [Fact]
    public void Art4_HallWindow_SameAgeRule()
    {
        var candidate = Person("NOM", "候选人", new(1976, 10, 10), HumanResources, Role.Other);
        Assert.Equal(Outcome.Refused, Vet(candidate, new(2022, 10, 10), Hall, Role.HallWindowStaff).Outcome);
        Assert.Equal(Outcome.Permitted, Vet(candidate, new(2022, 10, 9), Hall, Role.HallWindowStaff).Outcome);
    }

    [Fact]
    public void Art4_EachFailedConditionIsItsOwnFinding()
    {
        var d = Vet(Candidate(new(1970, 1, 1), computer: false, backbone: false), new(2022, 10, 10));
        var violations = d.Findings.Where(f => f.Severity == Severity.Violation).Select(f => f.Code).ToArray();
        Assert.Equal(["art4.age-limit", "art4.computer", "art4.backbone"], violations);
        Snap.Match(d);
    }

    [Theory]
    [InlineData(false, true, "art4.computer")]
    [InlineData(true, false, "art4.backbone")]
    public void Art4_OneMissingQualification_Refuses(bool computer, bool backbone, string code)
    {
        var d = Vet(Candidate(new(1990, 1, 1), computer, backbone), new(2022, 10, 10));
        Assert.Equal(Outcome.Refused, d.Outcome);
        Assert.Equal(code, Assert.Single(d.Findings, f => f.Severity == Severity.Violation).Code);
    }

    // Born 1976-02-29; 2022 is a common year. Under the default (1 March) the 46th birthday — the first day refused —
    // is 2022-03-01: the year is complete only when 28 February has ended.
    [Theory]
    [InlineData(LeapDayBirthdays.March1, "2022-02-28", Outcome.Permitted)]
    [InlineData(LeapDayBirthdays.March1, "2022-03-01", Outcome.Refused)]
    [InlineData(LeapDayBirthdays.February28, "2022-02-27", Outcome.Permitted)]
    [InlineData(LeapDayBirthdays.February28, "2022-02-28", Outcome.Refused)]
    public void Art4_LeapDayBirth_BothSettings(LeapDayBirthdays rule, string date, Outcome expected)
    {
        var on = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        var d = Vet(Candidate(new(1976, 2, 29)), on, options: PolicyOptions.Default with { LeapDayBirthdays = rule });
        Assert.Equal(expected, d.Outcome);
    }

    [Fact]
    public void Art4_LeapDayBirthInALeapYear_IsOn29February()
    {
        // 1980-02-29 + 44 years = 2024-02-29, a leap year: the 44th birthday exists, and at 45 the option matters.
        Assert.Equal(44, Ages.CompletedYears(new(1980, 2, 29), new(2024, 2, 29)));
        Assert.Equal(43, Ages.CompletedYears(new(1980, 2, 29), new(2024, 2, 28)));
    }

    [Theory]
    [InlineData(AgeReferenceDate.NominationDate, Outcome.Permitted)]
    [InlineData(AgeReferenceDate.StationingDate, Outcome.Refused)]
    public void Art4_AgeReferenceDate_BothSettings(AgeReferenceDate reference, Outcome expected)
    {
        // Turns 46 between nomination (2022-10-10) and stationing (2022-10-20).
        var d = Vet(Candidate(new(1976, 10, 15)), new(2022, 10, 10),
            options: PolicyOptions.Default with { AgeMeasuredOn = reference }, stationingOn: new(2022, 10, 20));
        Assert.Equal(expected, d.Outcome);
    }

    [Fact]
    public void Art4_BirthDateAfterNomination_IsBadInput()
    {
        var candidate = Candidate(new(2022, 10, 11));
        var network = Network([candidate], asOf: new(2022, 10, 12));
        var e = Assert.Throws<ArgumentException>(() => new StaffingRules(Engine()).VetNomination(
            new Nomination(candidate.Id, BinheCentre, Role.TownshipWindowStaff, new(2022, 10, 10)), network));
        Assert.Contains("BirthDate", e.Message);
    }

    [Fact]
    public void Art4_UnknownCandidate_IsAClearError()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => new StaffingRules(Engine()).VetNomination(
            new Nomination(new StaffId("ghost"), BinheCentre, Role.TownshipWindowStaff, AsOf), Network()));
        Assert.Contains("ghost", e.Message);
    }
}

public class Article5PoliceTest
{
    private static StaffMember Officer(HomeUnitId station, LocalDate birth, bool backbone = true, bool computer = true) =>
        Person("POL", "警员", birth, station, Role.Other, computer: computer, backbone: backbone);

    private static Decision Vet(StaffMember officer, ServiceBodyId to, PolicyOptions? options = null) =>
        new StaffingRules(Engine(AsOf, options)).VetNomination(
            new Nomination(officer.Id, to, Role.TownshipWindowStaff, AsOf), Network([officer]));

    [Fact]
    public void Art5_PoliceToOwnTownshipCentre_IsPermitted()
    {
        var d = Vet(Officer(BinhePolice, new(1985, 1, 1)), BinheCentre);
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.All(d.Findings, f => Assert.Equal(new Citation(5), f.Citation));
        Snap.Match(d);
    }

    // Art. 5 says where police staff go and forbids nothing: elsewhere is a notice, refused only under the option.
    [Theory]
    [InlineData(false, Outcome.Permitted, Severity.Notice)]
    [InlineData(true, Outcome.Refused, Severity.Violation)]
    public void Art5_PoliceToAnotherTownshipCentre_IsANotice_OrRefusedUnderTheOption(bool onlyOwnCentre, Outcome expected, Severity severity)
    {
        var d = Vet(Officer(BinhePolice, new(1985, 1, 1)), WenchangCentre, PolicyOptions.Default with { PoliceStaffOnlyAtOwnTownshipCentre = onlyOwnCentre });
        Assert.Equal(expected, d.Outcome);
        Assert.Equal(severity, d.Findings.Single(f => f.Code == "art5.own-township").Severity);
    }

    [Fact]
    public void Art5_PoliceNotBackbone_IsRefused()
    {
        var d = Vet(Officer(BinhePolice, new(1985, 1, 1), backbone: false), BinheCentre);
        Assert.Equal("art5.backbone", Assert.Single(d.Findings, f => f.Severity == Severity.Violation).Code);
    }

    [Theory]
    [InlineData(false, Outcome.Permitted)]
    [InlineData(true, Outcome.Refused)]
    public void Art5_PoliceToTheHall_IsNotForbidden_ANoticeByDefault(bool onlyOwnCentre, Outcome expected)
    {
        var officer = Officer(BinhePolice, new(1985, 1, 1));
        var d = new StaffingRules(Engine(AsOf, PolicyOptions.Default with { PoliceStaffOnlyAtOwnTownshipCentre = onlyOwnCentre }))
            .VetNomination(new Nomination(officer.Id, Hall, Role.HallWindowStaff, AsOf), Network([officer]));
        Assert.True(d.Has("art5.township-centre"));
        Assert.Equal(expected, d.Outcome);
        Assert.Equal(new Citation(5), d.Findings.Single(f => f.Code == "art5.township-centre").Citation);
    }

    [Theory]
    [InlineData(false, Outcome.Permitted)]
    [InlineData(true, Outcome.Refused)]
    public void Art5_AgeLimitOfArt4ForPolice_BothSettings(bool applyArticle4, Outcome expected)
    {
        var d = Vet(Officer(BinhePolice, new(1970, 1, 1)), BinheCentre, PolicyOptions.Default with { ApplyArticle4ToPoliceStaff = applyArticle4 });
        Assert.Equal(expected, d.Outcome);
        Assert.Equal(applyArticle4, d.Has("art4.age-limit"));
    }
}

public class Article6VillageAgentTest
{
    private static Decision Vet(bool grid, bool committee)
    {
        var agent = Person("VA", "代办员", new(1970, 1, 1), Shaliu, Role.Other, computer: false, backbone: false, gridWorker: grid, twoCommittee: committee);
        return new StaffingRules(Engine()).VetNomination(new Nomination(agent.Id, ShaliuVillage, Role.VillageAgent, AsOf), Network([agent]));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Art6_GridWorkerOrTwoCommitteeMember_IsPermitted(bool grid, bool committee)
    {
        var d = Vet(grid, committee);
        Assert.Equal(Outcome.Permitted, d.Outcome);
        Assert.Equal([new Citation(6)], d.Citations);
    }

    [Fact]
    public void Art6_Neither_IsRefused()
    {
        var d = Vet(false, false);
        Assert.Equal(Outcome.Refused, d.Outcome);
        Assert.Equal("art6.concurrent-holder", Assert.Single(d.Findings).Code);
        Snap.Match(d);
    }

    [Fact]
    public void Art6_AgeAndComputerDoNotBindVillageAgents()
    {
        // Art. 4 addresses township and hall windows only; a 52-year-old grid worker may be an agent.
        Assert.False(Vet(true, false).Has("art4.age-limit"));
    }
}
