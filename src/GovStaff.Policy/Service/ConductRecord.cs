using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>Which service norm of Art. 14 a record concerns.</summary>
public enum ConductKind
{
    /// <summary>仪容仪表, Art. 14(1).</summary>
    Appearance = 1,

    /// <summary>行为举止, Art. 14(2).</summary>
    Behaviour = 2,

    /// <summary>吃、拿、卡、要 — asking for or taking anything, obstructing, Art. 14(2).</summary>
    Bribery = 3,

    /// <summary>服务态度, Art. 14(3).</summary>
    Attitude = 4,

    /// <summary>文明用语, Art. 14(4).</summary>
    Language = 5,
}

/// <summary>A recorded breach of the service norms (Art. 14), with its evidence.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Staff">Who.</param>
/// <param name="On">When.</param>
/// <param name="Kind">Which norm.</param>
/// <param name="Evidence">What shows it (a complaint id, a supervisor's note, a video reference).</param>
public sealed record ConductRecord(string Id, StaffId Staff, LocalDate On, ConductKind Kind, string Evidence)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Evidence, nameof(Evidence));
}

/// <summary>Who organised a training (Art. 18).</summary>
public enum TrainingOrganiser
{
    /// <summary>政务服务中心.</summary>
    ServiceCentre = 1,

    /// <summary>政府办（审批服务管理局）.</summary>
    ApprovalBureau = 2,

    /// <summary>派驻单位.</summary>
    HomeUnit = 3,

    /// <summary>业务主管部门.</summary>
    Department = 4,

    /// <summary>乡镇.</summary>
    Township = 5,
}

/// <summary>A training attended (Art. 18, Art. 10(1)).</summary>
/// <param name="Staff">Who attended.</param>
/// <param name="On">When.</param>
/// <param name="Organiser">Who organised it.</param>
/// <param name="Topic">What it covered.</param>
public sealed record TrainingRecord(StaffId Staff, LocalDate On, TrainingOrganiser Organiser, string Topic)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Topic, nameof(Topic));
}
