using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Tests.Support;
using NodaTime;

namespace GovStaff.Policy.Tests.Regulation;

public class PolicyVersionTest
{
    [Fact]
    public void Defaults_AreTheMeasuresValues()
    {
        var o = PolicyOptions.Default;
        Assert.Equal(45, o.AgeLimitYears);
        Assert.Equal(AgeReferenceDate.NominationDate, o.AgeMeasuredOn);
        Assert.Equal(2, o.StabilityPeriodYears);
        Assert.Equal(6, o.HallAppraisalTenureMonths);
        Assert.Equal(3, o.RoutineAppraisalMonths);
        Assert.Equal(2, o.ConsecutiveFailuresBeforeRecall);
        Assert.True(o.ConsecutiveAcrossYears);
        Assert.Equal(30, o.RectificationPeriodDays);
        Assert.Empty(o.Validate());
    }

    [Theory]
    [InlineData(nameof(PolicyOptions.AgeLimitYears))]
    [InlineData(nameof(PolicyOptions.StabilityPeriodYears))]
    [InlineData(nameof(PolicyOptions.RectificationPeriodDays))]
    [InlineData(nameof(PolicyOptions.ConsecutiveFailuresBeforeRecall))]
    [InlineData(nameof(PolicyOptions.RoutineAppraisalMonths))]
    public void Validation_RejectsNonsense_NamingTheOption(string option)
    {
        var bad = option switch
        {
            nameof(PolicyOptions.AgeLimitYears) => PolicyOptions.Default with { AgeLimitYears = 0 },
            nameof(PolicyOptions.StabilityPeriodYears) => PolicyOptions.Default with { StabilityPeriodYears = -1 },
            nameof(PolicyOptions.RectificationPeriodDays) => PolicyOptions.Default with { RectificationPeriodDays = -30 },
            nameof(PolicyOptions.ConsecutiveFailuresBeforeRecall) => PolicyOptions.Default with { ConsecutiveFailuresBeforeRecall = 0 },
            _ => PolicyOptions.Default with { RoutineAppraisalMonths = 5 },
        };
        var errors = bad.Validate();
        Assert.Single(errors);
        Assert.StartsWith(option, errors[0]);
        var e = Assert.Throws<ArgumentException>(() => bad.EnsureValid());
        Assert.Contains(option, e.Message);
    }

    [Fact]
    public void Version_WithInvalidOptions_CannotBeBuilt()
    {
        Assert.Throws<ArgumentException>(() => new PolicyVersion("v", new("标题", "Title"), new LocalDate(2024, 1, 1), null, PolicyOptions.Default with { AgeLimitYears = 0 }));
    }

    [Fact]
    public void Version_EndBeforeStart_IsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new PolicyVersion("v", new("标题", "Title"), new LocalDate(2024, 1, 1), new LocalDate(2023, 1, 1), PolicyOptions.Default));
        Assert.Contains("EffectiveUntil", e.Message);
    }

    [Fact]
    public void Set_OverlappingVersions_AreRejected()
    {
        var a = new PolicyVersion("a", new("甲", "A"), new LocalDate(2021, 1, 1), new LocalDate(2023, 12, 31), PolicyOptions.Default);
        var b = new PolicyVersion("b", new("乙", "B"), new LocalDate(2023, 6, 1), null, PolicyOptions.Default);
        var e = Assert.Throws<ArgumentException>(() => new PolicyVersionSet([a, b]));
        Assert.Contains("overlap", e.Message);
        Assert.Throws<ArgumentException>(() => new PolicyVersionSet([]));
        Assert.Throws<ArgumentException>(() => new PolicyVersionSet([a, a]));
    }

    [Fact]
    public void Set_ResolvesTheVersionInForceOnTheActionDate()
    {
        var a = new PolicyVersion("trial", new("甲", "A"), new LocalDate(2021, 1, 1), new LocalDate(2023, 12, 31), PolicyOptions.Default);
        var b = new PolicyVersion("final", new("乙", "B"), new LocalDate(2024, 1, 1), null, PolicyOptions.Default with { AgeLimitYears = 40 });
        var set = new PolicyVersionSet([b, a]);
        Assert.True(set.TryResolve(new LocalDate(2023, 12, 31), out var v1));
        Assert.Equal("trial", v1.Id);
        Assert.True(set.TryResolve(new LocalDate(2024, 1, 1), out var v2));
        Assert.Equal("final", v2.Id);
        Assert.False(set.TryResolve(new LocalDate(2020, 12, 31), out _));
        Assert.Throws<KeyNotFoundException>(() => set.Get("nope"));
    }

    [Fact]
    public void ActionOutsideEveryVersion_IsRefusedUnderArt31_NotJudgedByADefault()
    {
        var engine = new PolicyEngine(PolicyVersionSet.Default, TestDistrict.ClockAt(new LocalDate(2026, 11, 25)));
        var staff = TestDistrict.Staff[0];
        var decision = new GovStaff.Policy.Staffing.StaffingRules(engine).CheckScope(staff, new LocalDate(2026, 11, 25));
        Assert.Equal(Outcome.Refused, decision.Outcome);
        Assert.Equal(PolicyEngine.NoVersion, decision.PolicyVersion);
        Assert.Equal([new Citation(31)], decision.Citations);
        Assert.Contains("2026-11-25", decision.Findings[0].Message.En);
        Assert.Contains("shapotou-2021-trial", decision.Findings[0].Message.En);
        Snap.Match(decision);
    }

    [Fact]
    public void EveryDecision_NamesTheVersionApplied()
    {
        var engine = TestDistrict.Engine();
        var decision = new GovStaff.Policy.Staffing.StaffingRules(engine).CheckScope(TestDistrict.Staff[0], TestDistrict.AsOf);
        Assert.Equal("shapotou-2021-trial", decision.PolicyVersion);
        Assert.Equal(engine.Clock.GetCurrentInstant(), decision.EvaluatedAt);
    }

    [Fact]
    public void Decision_OutcomeFollowsTheWorstFinding()
    {
        Finding F(Severity s) => new("x", s, new Citation(2), new("中", "en"));
        Decision D(params Severity[] s) => new("a", null, s.Select(F).ToList(), "v", Instant.FromUnixTimeSeconds(0));
        Assert.Equal(Outcome.Permitted, D(Severity.Satisfied, Severity.Notice).Outcome);
        Assert.Equal(Outcome.Warning, D(Severity.Satisfied, Severity.Warning).Outcome);
        Assert.Equal(Outcome.RequiresApproval, D(Severity.Warning, Severity.ApprovalRequired).Outcome);
        Assert.Equal(Outcome.Refused, D(Severity.ApprovalRequired, Severity.Violation, Severity.Satisfied).Outcome);
        Assert.Throws<ArgumentException>(() => D());
    }
}
