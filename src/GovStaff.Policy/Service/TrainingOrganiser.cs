namespace GovStaff.Policy.Service;

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
