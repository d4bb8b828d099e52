namespace GovStaff.Policy.Reporting;

/// <summary>
/// The figures of one body, one tier or the district for a period (Art. 21: 县、乡、村三级政务服务及网上办件情况).
/// Rates are fractions 0–1 rounded to four places; null when there is nothing to divide by.
/// </summary>
/// <param name="Scope">What the row covers: a body's id, a tier's name, or <c>district</c>.</param>
/// <param name="Name">The body's or tier's name.</param>
/// <param name="CasesAccepted">Cases accepted in the period.</param>
/// <param name="CasesCompleted">Cases completed in the period.</param>
/// <param name="CompletedOnTime">Of those, completed by the promised day.</param>
/// <param name="OnTimeRate">Completed on time over completed.</param>
/// <param name="OverdueOpen">Cases still open at the period's end past their promised day.</param>
/// <param name="OnlineShare">Accepted online (不见面) over accepted.</param>
/// <param name="Ratings">Ratings counted (appeals upheld are not).</param>
/// <param name="GoodRate">好评率: 非常满意, 满意 and 基本满意 over ratings.</param>
/// <param name="BadRate">差评率: 不满意 and 非常不满意 over ratings.</param>
/// <param name="UnratedRate">未评价率: completed cases without a rating over completed cases.</param>
/// <param name="BadReviewsRectifiedOnTime">Bad reviews rectified with feedback by the due day over bad reviews.</param>
/// <param name="Complaints">Complaints accepted in the period.</param>
/// <param name="AttendanceRate">Days present over working days not on leave, across the body's staff.</param>
/// <param name="RatingsExcludedAfterReview">Reviews annulled on an upheld appeal (复核剔除): kept on record, counted apart from the rates.</param>
public sealed record StatisticsRow(
    string Scope,
    string Name,
    int CasesAccepted,
    int CasesCompleted,
    int CompletedOnTime,
    decimal? OnTimeRate,
    int OverdueOpen,
    decimal? OnlineShare,
    int Ratings,
    decimal? GoodRate,
    decimal? BadRate,
    decimal? UnratedRate,
    decimal? BadReviewsRectifiedOnTime,
    int Complaints,
    decimal? AttendanceRate,
    int RatingsExcludedAfterReview = 0)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Scope, nameof(Scope)) && Guard.NotNull(Name, nameof(Name));
}
