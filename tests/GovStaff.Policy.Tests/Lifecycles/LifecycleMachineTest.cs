using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Service;
using GovStaff.Policy.Staffing;

namespace GovStaff.Policy.Tests.Lifecycles;

/// <summary>
/// The table a lifecycle machine compiles from its Stateless configuration must answer exactly as Stateless does, for
/// every state and every trigger of every lifecycle; a configuration the table cannot express is refused when the
/// machine is made, rather than compiled wrongly or run another way.
/// </summary>
public class LifecycleMachineTest
{
    [Fact]
    public void CompiledTables_AgreeWithStateless()
    {
        AgreesWithStateless(LeaveLifecycle.Machine);
        AgreesWithStateless(AppraisalLifecycle.Machine);
        AgreesWithStateless(SanctionLifecycle.Machine);
        AgreesWithStateless(TransferLifecycle.Machine);
        AgreesWithStateless(StationingLifecycle.Machine);
        AgreesWithStateless(ComplaintLifecycle.Machine);
    }

    [Fact]
    public void EveryStateAndTrigger_HasAChineseName_ForTheChineseMessages()
    {
        HasChineseNames(LeaveLifecycle.Machine);
        HasChineseNames(AppraisalLifecycle.Machine);
        HasChineseNames(SanctionLifecycle.Machine);
        HasChineseNames(TransferLifecycle.Machine);
        HasChineseNames(StationingLifecycle.Machine);
        HasChineseNames(ComplaintLifecycle.Machine);
        Assert.Equal("已销假", ChineseNames.Of(LeaveState.Closed));
        Assert.Equal("销假", ChineseNames.Of(LeaveTrigger.ReportBack));
    }

    [Fact]
    public void AnOutOfOrderTrigger_IsRefusedInChinese_WithoutTheCodesNames()
    {
        var refused = new LeaveLifecycle(Support.TestDistrict.Engine(), GovStaff.Policy.Calendars.WorkCalendar.National)
            .Start(new LeaveRequest("L1", new GovStaff.Policy.Organization.StaffId("W-BH1"), new NodaTime.LocalDate(2022, 10, 17), new NodaTime.LocalDate(2022, 10, 18), "事假", new NodaTime.LocalDate(2022, 10, 12)), new NodaTime.LocalDate(2022, 10, 17));
        var zh = refused.Decision.Findings.Single(f => f.Code == "leave.transition-not-allowed").Message.Zh;
        // Never filed, so still a draft: only filing is possible.
        Assert.Equal("leave:L1当前状态为未提交，不能开始休假（可执行：提交申请）。", zh);
    }

    private static void HasChineseNames<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        Assert.All(Enum.GetValues<TState>(), s => Assert.True(ChineseNames.Of(s).All(c => c > 0x2E80), $"{machine.Name}: {s} has no Chinese name"));
        Assert.All(Enum.GetValues<TTrigger>(), t => Assert.True(ChineseNames.Of(t).All(c => c > 0x2E80), $"{machine.Name}: {t} has no Chinese name"));
    }

    [Fact]
    public void Reentry_StaysInTheState() =>
        Assert.Equal(AppraisalState.Scored, AppraisalLifecycle.Machine.Fire(AppraisalState.Scored, AppraisalTrigger.CoSign));

    [Fact]
    public void ATriggerNotPermitted_Throws_AndAnUndefinedStateIsNotPermitted()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LeaveLifecycle.Machine.Fire(LeaveState.Closed, LeaveTrigger.Approve));
        Assert.Contains("leave", e.Message, StringComparison.Ordinal);
        Assert.False(LeaveLifecycle.Machine.CanFire((LeaveState)99, LeaveTrigger.Approve));
        Assert.False(LeaveLifecycle.Machine.CanFire(LeaveState.Requested, (LeaveTrigger)(-1)));
    }

    [Fact]
    public void AConfigurationWithGuardsOrActions_IsRefusedWhenTheMachineIsMade()
    {
        // The rules run before a transition; a guard or an action in the machine would be a second place for them.
        var guarded = Assert.Throws<ArgumentException>(() => new LifecycleMachine<LeaveState, LeaveTrigger>("guarded", LeaveState.Requested, m =>
            m.Configure(LeaveState.Requested).PermitIf(LeaveTrigger.Approve, LeaveState.Approved, () => true)));
        Assert.Contains("The guarded lifecycle is configured with more than plain permitted transitions", guarded.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentException>(() => new LifecycleMachine<LeaveState, LeaveTrigger>("with-actions", LeaveState.Requested, m =>
        {
            m.Configure(LeaveState.Requested).Permit(LeaveTrigger.Approve, LeaveState.Approved);
            m.Configure(LeaveState.Approved).OnEntry(() => { });
        }));
    }

    private static void AgreesWithStateless<TState, TTrigger>(LifecycleMachine<TState, TTrigger> machine)
        where TState : struct, Enum
        where TTrigger : struct, Enum
    {
        foreach (var state in Enum.GetValues<TState>())
        {
            foreach (var trigger in Enum.GetValues<TTrigger>())
            {
                var current = state;
                var stateless = machine.Build(() => current, s => current = s);
                var permitted = stateless.CanFire(trigger);
                Assert.True(permitted == machine.CanFire(state, trigger), $"{machine.Name}: {state} × {trigger}: Stateless says {permitted}");
                if (permitted)
                {
                    stateless.Fire(trigger);
                    Assert.Equal(current, machine.Fire(state, trigger));
                }
                else
                {
                    Assert.Throws<InvalidOperationException>(() => machine.Fire(state, trigger));
                }
            }

            Assert.Equal(
                Enum.GetValues<TTrigger>().Where(t => machine.Build(() => state, _ => { }).CanFire(t)),
                machine.PermittedTriggers(state));
        }
    }
}
