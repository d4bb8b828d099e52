using GovStaff.Policy.Calendars;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// One-time complete notification (一次性告知, Art. 12(4)): everything missing is listed in one notification; a second
/// request for more materials on the same application is refused. Per 《行政许可法》第三十二条, the notification is due
/// within <see cref="PolicyOptions.NotificationWorkingDays"/> working days of receipt (counted from the next day);
/// without it, the application counts as accepted from the day the materials were received.
/// </summary>
public sealed class OneTimeNotificationRules
{
    private static readonly Citation OneTime = new(12, 4);
    private static readonly Citation Licensing32 = new(LegalSource.AdministrativeLicensingLaw, 32);

    private readonly PolicyEngine _engine;
    private readonly WorkCalendar _calendar;

    /// <summary>Creates the rules.</summary>
    public OneTimeNotificationRules(PolicyEngine engine, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>The last day to notify missing materials.</summary>
    public LocalDate NotificationDue(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var days = _engine.Versions.TryResolve(application.ReceivedOn, out var v) ? v.Options.NotificationWorkingDays : PolicyOptions.Default.NotificationWorkingDays;
        return _calendar.AddWorkingDays(application.ReceivedOn, days);
    }

    /// <summary>
    /// Receives an application (Art. 12(4)): from today, anything missing is to be told at once, within the set working
    /// days (<see cref="NotificationDue"/>; after them 《行政许可法》第三十二条 deems it accepted).
    /// </summary>
    public Decision Receive(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var due = NotificationDue(application);
        return _engine.Evaluate("application.receive", application.Subject, application.ReceivedOn, (application.Item, Due: due, application.Subject), static (_, a) =>
            [new Finding("art12-4.received", Severity.Satisfied, OneTime,
                new LocalizedText($"收到{a.Item}申请；如需补正，应于{a.Due:yyyy-MM-dd}前一次性告知。", $"{a.Item} received; any missing materials are to be notified at once by {a.Due:yyyy-MM-dd}."), a.Subject)]);
    }

    /// <summary>Notifies everything missing, once and in time; a second notification or a late one is refused.</summary>
    /// <param name="application">The application.</param>
    /// <param name="missing">Every missing material, at least one.</param>
    /// <param name="on">The day of the notification.</param>
    /// <param name="actor">The window.</param>
    public LifecycleResult<Application> NotifyMissing(Application application, IReadOnlyList<string> missing, LocalDate on, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(actor);
        if (missing.Count == 0 || missing.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("List every missing material, each non-empty.", nameof(missing));
        }

        var due = NotificationDue(application);
        var decision = _engine.Evaluate("application.notify-missing", application.Subject, on, _ =>
        {
            if (application.NotifiedOn is { } earlier)
            {
                return [new Finding("art12-4.second-request", Severity.Violation, [OneTime, Licensing32],
                    new LocalizedText($"已于{earlier:yyyy-MM-dd}一次性告知补正材料，不得再次要求补充材料。", $"The missing materials were notified once on {earlier:yyyy-MM-dd}; asking for more on the same application breaks one-time notification."), application.Subject)];
            }

            return on <= due
                ? [new Finding("art12-4.notified-once", Severity.Satisfied, [OneTime, Licensing32],
                    new LocalizedText($"一次性告知需补正的全部材料（{string.Join("、", missing)}）。", $"All missing materials notified at once ({string.Join(", ", missing)})."), application.Subject)]
                : [new Finding("licensing32.notified-late", Severity.Violation, [Licensing32, OneTime],
                    new LocalizedText($"应于{due:yyyy-MM-dd}前告知补正；逾期未告知的，自收到材料之日（{application.ReceivedOn:yyyy-MM-dd}）起即为受理。", $"The notification was due by {due:yyyy-MM-dd}; the application already counts as accepted from receipt ({application.ReceivedOn:yyyy-MM-dd})."), application.Subject)];
        });
        if (!decision.IsPermitted)
        {
            return new LifecycleResult<Application>(decision, application, null);
        }

        var updated = application with { NotifiedOn = on, MissingMaterials = [.. missing] };
        return new LifecycleResult<Application>(decision, updated, new DomainEvent("application.notify-missing", application.Subject, actor, decision.EvaluatedAt, on,
            decision.Citations, decision.PolicyVersion, decision.Findings[0].Message, new EventData() { ["missing"] = string.Join("|", missing) }));
    }

    /// <summary>
    /// Whether the application counts as accepted on <paramref name="today"/> although nobody accepted it: when the
    /// notification deadline passed without a notification, it is accepted from the day of receipt (第三十二条).
    /// </summary>
    /// <returns>The decision, and the deemed acceptance date when it applies.</returns>
    public (Decision Decision, LocalDate? DeemedAcceptedOn) CheckDeemedAcceptance(Application application, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(application);
        var due = NotificationDue(application);
        var deemed = application.NotifiedOn is null && today > due;
        var decision = _engine.Evaluate("application.check-deemed-acceptance", application.Subject, today, _ => new List<Finding>(
            deemed
                ? [new Finding("licensing32.deemed-accepted", Severity.Warning, [Licensing32, OneTime],
                    new LocalizedText($"{due:yyyy-MM-dd}前未一次性告知补正，自收到材料之日{application.ReceivedOn:yyyy-MM-dd}起即为受理。", $"No notification by {due:yyyy-MM-dd}: the application counts as accepted from receipt, {application.ReceivedOn:yyyy-MM-dd}."), application.Subject)]
                : [new Finding("licensing32.within-notification-period", Severity.Satisfied, Licensing32,
                    new LocalizedText(application.NotifiedOn is null ? $"告知期限至{due:yyyy-MM-dd}。" : "已一次性告知。", application.NotifiedOn is null ? $"Notification is due by {due:yyyy-MM-dd}." : "Notified once."), application.Subject)])
            .WarnIfAssumed(_calendar, application.ReceivedOn, due, application.Subject));
        return (decision, deemed ? application.ReceivedOn : null);
    }
}
