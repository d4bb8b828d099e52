using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Service;
using NodaTime;

namespace GovStaff.Policy.Reporting;

/// <summary>
/// 好评率, 差评率, 未评价率 and on-time rectification for one staff member, body or tier (Art. 20), and the satisfaction
/// score they give the appraisal's citizen-satisfaction indicator (Art. 27).
/// </summary>
/// <param name="Ratings">Ratings counted (appeals upheld are not).</param>
/// <param name="Good">非常满意, 满意 and 基本满意.</param>
/// <param name="Bad">不满意 and 非常不满意.</param>
/// <param name="Services">Services delivered (the denominator of 未评价率).</param>
/// <param name="RectifiedOnTime">Bad reviews rectified with feedback by the due day.</param>
/// <param name="ExcludedAfterReview">Reviews annulled on an upheld appeal: kept on record, counted here and nowhere else.</param>
public sealed record RatingRates(int Ratings, int Good, int Bad, int Services, int RectifiedOnTime, int ExcludedAfterReview = 0)
{
    /// <summary>好评率, 0–1; null without ratings.</summary>
    public decimal? GoodRate => Ratings == 0 ? null : Math.Round((decimal)Good / Ratings, 4);

    /// <summary>差评率, 0–1; null without ratings.</summary>
    public decimal? BadRate => Ratings == 0 ? null : Math.Round((decimal)Bad / Ratings, 4);

    /// <summary>未评价率, 0–1; null without services.</summary>
    public decimal? UnratedRate => Services == 0 ? null : Math.Round((decimal)Math.Max(0, Services - Ratings) / Services, 4);

    /// <summary>Bad reviews rectified on time over bad reviews, 0–1; null without bad reviews.</summary>
    public decimal? RectifiedOnTimeRate => Bad == 0 ? null : Math.Round((decimal)RectifiedOnTime / Bad, 4);

    /// <summary>
    /// The suggested citizen-satisfaction score (0–100) for the appraisal (Art. 27): the 好评率 as a percentage, less
    /// <see cref="Regulation.PolicyOptions.SatisfactionDeductionPerLateBadReview"/> points per bad review not rectified on
    /// time; <see cref="Regulation.PolicyOptions.SatisfactionScoreWhenUnrated"/> when nobody rated. Both numbers are this
    /// library's assumptions (options); a township sets its own in its measures (Art. 19).
    /// </summary>
    /// <param name="options">The options of the policy version in force.</param>
    public decimal SatisfactionScore(Regulation.PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return GoodRate is not { } rate
            ? options.SatisfactionScoreWhenUnrated
            : Math.Clamp((rate * 100m) - (options.SatisfactionDeductionPerLateBadReview * (Bad - RectifiedOnTime)), 0m, 100m);
    }

    /// <summary>Counts the rates for one staff member over a period.</summary>
    /// <param name="staff">The staff member.</param>
    /// <param name="period">The period, by the rating's day in Beijing.</param>
    /// <param name="ratings">Ratings (any).</param>
    /// <param name="rectifications">The handling of bad reviews.</param>
    /// <param name="services">Services the person delivered in the period.</param>
    /// <param name="rectificationDue">The due day of a bad review's rectification (see <see cref="RatingRules.Dues"/>).</param>
    public static RatingRates ForStaff(StaffId staff, DateInterval period, IEnumerable<Rating> ratings, IEnumerable<Rectification> rectifications, int services, Func<Rectification, LocalDate> rectificationDue)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(rectifications);
        ArgumentNullException.ThrowIfNull(rectificationDue);
        ArgumentOutOfRangeException.ThrowIfNegative(services);
        var handled = rectifications.ToDictionary(r => r.Rating.Id);
        var all = ratings.Where(r => r.Staff == staff && period.Contains(r.RatedAt.InZone(OfficeHours.ChinaZone).Date)).ToArray();
        var mine = all.Where(r => !(handled.TryGetValue(r.Id, out var h) && h.State == RectificationState.Annulled)).ToArray();
        var bad = mine.Where(r => r.IsBad).ToArray();
        var onTime = bad.Count(r => handled.TryGetValue(r.Id, out var x) && x.RectifiedOn is { } on && on <= rectificationDue(x));
        return new RatingRates(mine.Length, mine.Length - bad.Length, bad.Length, services, onTime, all.Length - mine.Length);
    }
}
