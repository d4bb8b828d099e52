namespace GovStaff.Policy.Regulation;

/// <summary>
/// The numbers and readings the rules use. Where the measures give a number or a reading, it is the default; where
/// they are silent or ambiguous (ARTICLES.md, "known defects") the choice is an explicit option, and its default names
/// its source: another law, national practice, or an assumption of this library (docs/options.md lists every one).
/// </summary>
/// <remarks>
/// Bind it from configuration (section <c>GovStaffPolicy:Options</c> in the host) or create it in code; either way
/// <see cref="Validate"/> rejects nonsense before any rule runs. Immutable; <c>with</c> to change a value.
/// </remarks>
public sealed record PolicyOptions
{
    /// <summary>The defaults.</summary>
    /// <remarks>
    /// <para>From the measures: <see cref="AgeLimitYears"/> (45, Art. 4), <see cref="StabilityPeriodYears"/> (2, Art. 4),
    /// <see cref="HallAppraisalTenureMonths"/> (6, Art. 23), <see cref="RoutineAppraisalMonths"/> (3, Art. 26),
    /// <see cref="ConsecutiveFailuresBeforeRecall"/> (2, Art. 29).</para>
    /// <para>From other law: <see cref="AgeLimitInclusive"/> and <see cref="HallAppraisalTenureInclusive"/>
    /// (《民法典》第一千二百五十九条), <see cref="StatutoryLimitWorkingDays"/>, <see cref="ExtensionWorkingDays"/> and
    /// <see cref="NotificationWorkingDays"/> (《行政许可法》第四十二、三十二条).</para>
    /// <para>From national or provincial practice (好差评, 国办发〔2019〕51号 and provincial rules): <see cref="BadReviewContactWorkingDays"/>,
    /// <see cref="BadReviewRectificationWorkingDays"/>.</para>
    /// <para>Assumptions of this library, where the measures say only 及时, 限期, 定期 or nothing: every other number
    /// (<see cref="AttendanceGraceMinutes"/>, <see cref="ReportBackWorkingDays"/>, <see cref="AdjustmentReportWorkingDays"/>,
    /// <see cref="RectificationPeriodDays"/>, <see cref="ExcellentThreshold"/>, <see cref="PassThreshold"/>,
    /// <see cref="EarlyWarningShare"/>, <see cref="EarlyWarningRemainingWorkingDays"/>, <see cref="AppointmentReplyWorkingDays"/>,
    /// <see cref="TrainingIntervalMonths"/>, <see cref="QuarterEndReminderWorkingDays"/>, <see cref="SatisfactionDeductionPerLateBadReview"/>,
    /// <see cref="SatisfactionScoreWhenUnrated"/>) and the readings of open words (一般, 等, 原则上), whose defaults
    /// warn rather than refuse.</para>
    /// </remarks>
    public static PolicyOptions Default { get; } = new();

    /// <summary>Art. 4: the oldest age, in completed years (周岁), a nominee for a hall or township window may have (45岁以下). Default 45.</summary>
    public int AgeLimitYears { get; init; } = 45;

    /// <summary>
    /// Art. 4: whether "45岁以下" includes 45. Default true: 《民法典》第一千二百五十九条 — 以上、以下、以内、届满 include the
    /// number — so a person aged 45 in full years qualifies and one aged 46 does not (refused from the 46th birthday).
    /// False is the strict reading (under 45).
    /// </summary>
    public bool AgeLimitInclusive { get; init; } = true;

    /// <summary>Art. 4: on which date age is measured. Default <see cref="AgeReferenceDate.NominationDate"/>.</summary>
    public AgeReferenceDate AgeMeasuredOn { get; init; } = AgeReferenceDate.NominationDate;

    /// <summary>When a person born on 29 February has a birthday in a common year. Default <see cref="LeapDayBirthdays.March1"/>.</summary>
    public LeapDayBirthdays LeapDayBirthdays { get; init; } = LeapDayBirthdays.March1;

    /// <summary>
    /// Whether Art. 4 also binds police staff stationed under Art. 5: its age and computer conditions on nomination and
    /// its two-year stability on an Art. 7 adjustment. Default false: Art. 4 addresses townships and departments; Art. 5
    /// asks police stations only for capable backbone staff, and Art. 7 governs their adjustments (prior approval and a
    /// report afterwards).
    /// </summary>
    public bool ApplyArticle4ToPoliceStaff { get; init; }

    /// <summary>
    /// Whether Art. 4's two-year stability also binds village agents. Default false: Art. 4 names the staff the
    /// townships and departments nominate to the hall and the township centres for window work; village agents are
    /// grid workers and two-committee members who serve concurrently (Art. 6), managed by the township centre and the
    /// village committee (Art. 17), so a committee replacing its agent is permitted.
    /// </summary>
    public bool ApplyArticle4ToVillageAgents { get; init; }

    /// <summary>
    /// Art. 4 (原则上2年内不得调换): whether a rotation inside the stability period that states no exceptional reason is
    /// refused. Default false: 原则上 (in principle) admits a reasoned exception, so such a request goes to the approver
    /// flagged with the bar (approval required) and an approval without a reason is a warning. True refuses it.
    /// </summary>
    public bool RefuseRotationWithinStabilityPeriodWithoutReason { get; init; }

    /// <summary>
    /// Art. 5: whether a police nominee placed anywhere but their own township's centre is refused. Default false:
    /// Art. 5 says where police staff go (所属乡镇民生服务中心) and forbids nothing, so another placement is a notice.
    /// </summary>
    public bool PoliceStaffOnlyAtOwnTownshipCentre { get; init; }

    /// <summary>
    /// Art. 4: no rotation within this many years of stationing, in principle. Default 2. Counted as
    /// 《民法典》第二百零一、二百零二条 count periods: from the day after stationing to the anniversary, which is inside.
    /// </summary>
    public int StabilityPeriodYears { get; init; } = 2;

    /// <summary>Art. 23: months stationed at the hall before the service centre appraises. Default 6 (半年).</summary>
    public int HallAppraisalTenureMonths { get; init; } = 6;

    /// <summary>
    /// Art. 23: whether exactly six months counts as "半年以上". Default true, because 《民法典》第一千二百五十九条 says
    /// 以上 includes the number itself; false reads it as "more than half a year".
    /// </summary>
    public bool HallAppraisalTenureInclusive { get; init; } = true;

    /// <summary>Art. 26: months per routine appraisal period. Default 3 (quarterly, 每季度开展一次).</summary>
    public int RoutineAppraisalMonths { get; init; } = 3;

    /// <summary>Art. 29: consecutive failed routine appraisals that return a person to the home unit. Default 2.</summary>
    public int ConsecutiveFailuresBeforeRecall { get; init; } = 2;

    /// <summary>
    /// Art. 29: whether Q4 and the next year's Q1 are consecutive quarters. Default true (they follow each other in
    /// time; the article does not restart the count each year).
    /// </summary>
    public bool ConsecutiveAcrossYears { get; init; } = true;

    /// <summary>
    /// Art. 29: calendar days to rectify after an admonition talk (the article says only 限期). Default 30, an
    /// assumption. Counted from the day after the talk (《民法典》第二百零一条); the last day is inside.
    /// </summary>
    public int RectificationPeriodDays { get; init; } = 30;

    /// <summary>
    /// Art. 12(1): minutes after opening (and before closing) within which a sign-in (sign-out) still counts as on
    /// time. Default 0: the article says 准时 (on time); a district may allow a few minutes.
    /// </summary>
    public int AttendanceGraceMinutes { get; init; }

    /// <summary>
    /// Art. 12(2): working days after the leave ends (or the person returns) within which they must report back
    /// (销假). The article says 及时 (promptly); default 1: by the next working day.
    /// </summary>
    public int ReportBackWorkingDays { get; init; } = 1;

    /// <summary>
    /// Art. 12(2): whether leave requested on or after its first day without a reason is refused. Default false: the
    /// article says 请假手续<em>一般</em>在事前履行 ("generally" in advance), which admits exceptions, so it is a warning.
    /// </summary>
    public bool RefuseLateLeaveWithoutReason { get; init; }

    /// <summary>
    /// Art. 7: working days after a police adjustment is executed within which the adjusted person must be reported to
    /// the service centre. The article says 及时 (promptly); default 5.
    /// </summary>
    public int AdjustmentReportWorkingDays { get; init; } = 5;

    /// <summary>Art. 26–27: the total score (0–100) from which an appraisal is excellent (优秀). Default 90.</summary>
    public decimal ExcellentThreshold { get; init; } = 90m;

    /// <summary>Art. 26–27: the total score (0–100) from which an appraisal passes (合格); below it fails. Default 60.</summary>
    public decimal PassThreshold { get; init; } = 60m;

    /// <summary>
    /// Art. 12(5): the statutory time limit of a case in working days when the item sets none. Default 20
    /// (《行政许可法》第四十二条: 自受理之日起二十日内; 第八十二条: working days).
    /// </summary>
    public int StatutoryLimitWorkingDays { get; init; } = 20;

    /// <summary>The one extension allowed with the agency head's approval, in working days. Default 10 (《行政许可法》第四十二条).</summary>
    public int ExtensionWorkingDays { get; init; } = 10;

    /// <summary>Art. 21: early warning (预警) once this share of a case's time is used. Default 0.8, an assumption (the article sets no threshold).</summary>
    public decimal EarlyWarningShare { get; init; } = 0.8m;

    /// <summary>Art. 21: early warning once this many working days or fewer remain. Default 3, an assumption (the article sets no threshold).</summary>
    public int EarlyWarningRemainingWorkingDays { get; init; } = 3;

    /// <summary>
    /// Art. 12(4): working days after receiving an application within which missing materials must be notified, all
    /// at once; later, the application counts as accepted from the day of receipt. Default 5 (《行政许可法》第三十二条).
    /// </summary>
    public int NotificationWorkingDays { get; init; } = 5;

    /// <summary>Art. 12(7): working days within which an appointment request must be answered (及时答复). Default 1, an assumption.</summary>
    public int AppointmentReplyWorkingDays { get; init; } = 1;

    /// <summary>
    /// 好差评 (国办发〔2019〕51号, beside Art. 20): working days to contact and verify after a bad review. The measures
    /// give no number; default 1, the common provincial practice (e.g. 辽宁, 安阳).
    /// </summary>
    public int BadReviewContactWorkingDays { get; init; } = 1;

    /// <summary>
    /// 好差评 (国办发〔2019〕51号, beside Art. 20): working days to rectify a bad review and give feedback. The measures
    /// give no number; default 15, the common provincial practice (e.g. 辽宁, 四川).
    /// </summary>
    public int BadReviewRectificationWorkingDays { get; init; } = 15;

    /// <summary>
    /// Art. 27 (服务对象满意度): points taken off the suggested satisfaction score for each bad review not rectified on
    /// time. Default 5, an assumption; a township sets its own in its measures (Art. 19).
    /// </summary>
    public decimal SatisfactionDeductionPerLateBadReview { get; init; } = 5m;

    /// <summary>Art. 27: the suggested satisfaction score (0–100) of a person nobody rated. Default 100, an assumption.</summary>
    public decimal SatisfactionScoreWhenUnrated { get; init; } = 100m;

    /// <summary>
    /// Art. 18 (定期组织业务培训): months without training after which a staff member gets a warning. The article says
    /// only 定期 (regularly); default 6, an assumption. Counted as 《民法典》第二百零一、二百零二条 count periods.
    /// </summary>
    public int TrainingIntervalMonths { get; init; } = 6;

    /// <summary>
    /// Art. 23: whether the service centre also appraises hall staff stationed for less than half a year. Default
    /// false: Art. 23 gives the centre only those stationed half a year or more and says nothing of the others, so this
    /// library assumes their home unit appraises them (it guides their business, Art. 15). An assumption, not the
    /// measures' rule; every such decision says so.
    /// </summary>
    public bool ServiceCentreAppraisesNewHallStaff { get; init; }

    /// <summary>
    /// Art. 26 (平时考核每季度开展一次): how many working days before a quarter ends the monitors remind the appraising
    /// bodies to organise the quarterly appraisal. The measures set no reminder; default 5, an assumption of this library.
    /// </summary>
    public int QuarterEndReminderWorkingDays { get; init; } = 5;

    /// <summary>Checks every value.</summary>
    /// <returns>One message per problem, naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add($"{name} must be between {min} and {max}; got {value}.");
            }
        }

        Range(nameof(AgeLimitYears), AgeLimitYears, 18, 70);
        Range(nameof(StabilityPeriodYears), StabilityPeriodYears, 0, 10);
        Range(nameof(HallAppraisalTenureMonths), HallAppraisalTenureMonths, 0, 60);
        Range(nameof(RoutineAppraisalMonths), RoutineAppraisalMonths, 1, 12);
        if (RoutineAppraisalMonths is > 0 and <= 12 && 12 % RoutineAppraisalMonths != 0)
        {
            errors.Add($"{nameof(RoutineAppraisalMonths)} must divide the year (1, 2, 3, 4, 6 or 12); got {RoutineAppraisalMonths}.");
        }

        Range(nameof(ConsecutiveFailuresBeforeRecall), ConsecutiveFailuresBeforeRecall, 1, 12);
        Range(nameof(RectificationPeriodDays), RectificationPeriodDays, 1, 366);
        Range(nameof(AttendanceGraceMinutes), AttendanceGraceMinutes, 0, 60);
        Range(nameof(ReportBackWorkingDays), ReportBackWorkingDays, 1, 30);
        Range(nameof(AdjustmentReportWorkingDays), AdjustmentReportWorkingDays, 1, 60);
        Range(nameof(StatutoryLimitWorkingDays), StatutoryLimitWorkingDays, 1, 365);
        Range(nameof(ExtensionWorkingDays), ExtensionWorkingDays, 0, 365);
        Range(nameof(EarlyWarningRemainingWorkingDays), EarlyWarningRemainingWorkingDays, 0, 60);
        Range(nameof(NotificationWorkingDays), NotificationWorkingDays, 1, 30);
        Range(nameof(AppointmentReplyWorkingDays), AppointmentReplyWorkingDays, 1, 30);
        Range(nameof(BadReviewContactWorkingDays), BadReviewContactWorkingDays, 1, 30);
        Range(nameof(BadReviewRectificationWorkingDays), BadReviewRectificationWorkingDays, 1, 120);
        Range(nameof(TrainingIntervalMonths), TrainingIntervalMonths, 1, 60);
        Range(nameof(QuarterEndReminderWorkingDays), QuarterEndReminderWorkingDays, 1, 30);
        if (SatisfactionDeductionPerLateBadReview < 0 || SatisfactionDeductionPerLateBadReview > 100)
        {
            errors.Add($"{nameof(SatisfactionDeductionPerLateBadReview)} must be between 0 and 100; got {SatisfactionDeductionPerLateBadReview}.");
        }

        if (SatisfactionScoreWhenUnrated < 0 || SatisfactionScoreWhenUnrated > 100)
        {
            errors.Add($"{nameof(SatisfactionScoreWhenUnrated)} must be between 0 and 100; got {SatisfactionScoreWhenUnrated}.");
        }

        if (EarlyWarningShare <= 0 || EarlyWarningShare >= 1)
        {
            errors.Add($"{nameof(EarlyWarningShare)} must be between 0 and 1 (exclusive); got {EarlyWarningShare}.");
        }

        if (PassThreshold <= 0 || PassThreshold >= ExcellentThreshold || ExcellentThreshold > 100)
        {
            errors.Add($"{nameof(PassThreshold)} and {nameof(ExcellentThreshold)} must satisfy 0 < pass < excellent ≤ 100; got {PassThreshold} and {ExcellentThreshold}.");
        }
        if (!Enum.IsDefined(AgeMeasuredOn))
        {
            errors.Add($"{nameof(AgeMeasuredOn)} has an undefined value {AgeMeasuredOn}.");
        }

        if (!Enum.IsDefined(LeapDayBirthdays))
        {
            errors.Add($"{nameof(LeapDayBirthdays)} has an undefined value {LeapDayBirthdays}.");
        }

        return errors;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem.</summary>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentException">At least one value is invalid; the message lists every problem.</exception>
    public PolicyOptions EnsureValid()
    {
        var errors = Validate();
        return errors.Count == 0 ? this : throw new ArgumentException("Invalid policy options: " + string.Join(" ", errors));
    }
}
