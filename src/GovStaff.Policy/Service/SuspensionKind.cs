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
