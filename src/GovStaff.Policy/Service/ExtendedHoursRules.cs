using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Regulation;

namespace GovStaff.Policy.Service;

/// <summary>
/// Extended hours (延时服务制度, Art. 12(8)): a person still being served at closing time is served on; the service is
/// recorded with its minutes so attendance counts the late sign-out as extended service, not an anomaly.
/// </summary>
public sealed class ExtendedHoursRules
{
    private static readonly Citation Extended = new(12, 8);

    private readonly PolicyEngine _engine;
    private readonly ServiceSchedule _schedule;

    /// <summary>Creates the rules over the body's schedule.</summary>
    public ExtendedHoursRules(PolicyEngine engine, ServiceSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
    }

    /// <summary>Records extended service: on a working day, ending after closing; otherwise it is not extended service.</summary>
    public Decision Record(ExtendedService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        var closing = _schedule.Hours.CloseOfBusiness(service.Date);
        return _engine.Evaluate("extended-hours.record", Subjects.Of(service.Staff), service.Date, _ =>
        [
            _schedule.Calendar.IsWorkingDay(service.Date) && service.EndedAt > closing
                ? new Finding("art12-8.extended-service", Severity.Satisfied, Extended,
                    new LocalizedText($"闭馆后延时服务{(int)Math.Ceiling((service.EndedAt - closing).TotalMinutes)}分钟。", $"Served {(int)Math.Ceiling((service.EndedAt - closing).TotalMinutes)} minutes past closing."), Subjects.Of(service.Staff))
                : new Finding("art12-8.not-extended", Severity.Violation, Extended,
                    new LocalizedText("该服务未在工作日闭馆后进行，不属于延时服务。", "The service did not run past closing on a working day; it is not extended service."), Subjects.Of(service.Staff)),
        ]);
    }
}
