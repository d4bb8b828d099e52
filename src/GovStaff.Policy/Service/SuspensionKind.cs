namespace GovStaff.Policy.Service;

/// <summary>
/// Why a case's clock stops: only the grounds 《行政许可法》第四十五条 lists — 听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审 —
/// whose time is not counted in the limit. Waiting for the applicant is not one: incomplete materials are dealt with
/// before acceptance (第三十二条: notified all at once, or the application counts as accepted on receipt).
/// </summary>
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
}
