using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>Why a case's clock stops (《行政许可法》第四十五条, and waiting for the applicant).</summary>
public enum SuspensionKind
{
    /// <summary>听证: a hearing.</summary>
    Hearing = 1,

    /// <summary>检验、检测、检疫: testing, inspection or quarantine.</summary>
    Testing = 2,

    /// <summary>鉴定: an expert appraisal or inspection.</summary>
    Inspection = 3,

    /// <summary>专家评审: expert review.</summary>
    ExpertReview = 4,

    /// <summary>招标、拍卖: tender or auction.</summary>
    TenderOrAuction = 5,

    /// <summary>Waiting for materials the applicant must supplement.</summary>
    AwaitingApplicant = 6,
}

/// <summary>A period the case clock stood still: from <see cref="From"/> (not counted) until <see cref="Until"/> (counted again).</summary>
/// <param name="From">The first day not counted.</param>
/// <param name="Until">The day the clock resumed (counted), or null while suspended.</param>
/// <param name="Kind">Why.</param>
/// <param name="Reason">The reason as told to the applicant.</param>
public sealed record Suspension(LocalDate From, LocalDate? Until, SuspensionKind Kind, string Reason)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Reason, nameof(Reason));
}
