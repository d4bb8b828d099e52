using GovStaff.Policy.Decisions;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>
/// Door-to-door service (上门服务, Art. 12(9); 上门代办 by village agents, Art. 11(2)): free of charge, for people who
/// cannot come because of age, frailty, illness, disability "and so on" (老、弱、病、残等): the list is open, so another
/// reason is accepted when it is described; any fee is refused.
/// </summary>
public sealed class DoorToDoorRules
{
    private static readonly Citation DoorToDoor = new(12, 9);

    private readonly PolicyEngine _engine;

    /// <summary>Creates the rules.</summary>
    public DoorToDoorRules(PolicyEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>Judges a door-to-door service by a staff member.</summary>
    /// <param name="provider">Who serves.</param>
    /// <param name="reason">Why the person cannot come.</param>
    /// <param name="fee">Any fee charged (yuan); must be zero.</param>
    /// <param name="on">The day.</param>
    /// <param name="subject">The visit's subject string.</param>
    /// <param name="otherReason">For <see cref="DoorToDoorReason.Other"/>: what keeps the person from coming.</param>
    public Decision Judge(StaffMember provider, DoorToDoorReason reason, decimal fee, LocalDate on, string subject, string? otherReason = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        Guard.Defined(reason, nameof(reason));
        var described = Guard.OptionalText(otherReason, nameof(otherReason), 500);
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        var basis = provider.Role == Role.VillageAgent ? new[] { DoorToDoor, new Citation(11, 2), new Citation(13) } : [DoorToDoor];
        return _engine.Evaluate("door-to-door.judge", subject, on, _ =>
        [
            reason == DoorToDoorReason.Other
                ? described is null
                    ? new Finding("art12-9.other-reason-undescribed", Severity.Violation, basis,
                        new LocalizedText("因老、弱、病、残以外的原因申请上门服务的，须说明无法到现场的原因。", "For a reason other than age, frailty, illness or disability, say what keeps the person from coming."), subject)
                    : new Finding("art12-9.eligible-other", Severity.Satisfied, basis,
                        new LocalizedText($"因其他原因（{described}）无法到现场，提供上门服务（第十二条第（九）项“等”）。", $"Cannot come for another reason ({described}): door-to-door service (the article's list is open)."), subject)
                : new Finding("art12-9.eligible", Severity.Satisfied, basis,
                    new LocalizedText($"因{Zh(reason)}无法到现场，提供上门服务。", $"Cannot come because of {reason.ToString().ToLowerInvariant()}: door-to-door service."), subject),
            fee == 0
                ? new Finding("art12-9.free", Severity.Satisfied, DoorToDoor, new LocalizedText("无偿提供。", "Free of charge."), subject)
                : new Finding("art12-9.fee-charged", Severity.Violation, DoorToDoor, new LocalizedText($"上门服务应无偿提供，不得收取{fee}元。", $"Door-to-door service is free; a fee of {fee} yuan is not allowed."), subject),
        ]);
    }

    private static string Zh(DoorToDoorReason reason) => reason switch
    {
        DoorToDoorReason.Elderly => "年老",
        DoorToDoorReason.Weak => "体弱",
        DoorToDoorReason.Ill => "患病",
        _ => "残疾",
    };
}
