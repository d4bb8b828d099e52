namespace GovStaff.Policy.Organization;

/// <summary>The five roles of Art. 2, and <see cref="Other"/> for anyone outside them.</summary>
public enum Role
{
    /// <summary>A role outside the five of Art. 2: such a person is out of the measures' scope.</summary>
    Other = 0,

    /// <summary>政务服务中心运行代办业务办公室主任 / 审批办公室主任: hall operations &amp; agency office director, one per department (Art. 3, 8).</summary>
    HallOfficeDirector = 1,

    /// <summary>政务服务大厅窗口工作人员（含后台）: hall window staff, front desk or back office (Art. 10, 12).</summary>
    HallWindowStaff = 2,

    /// <summary>乡镇民生服务中心主任: township livelihood service centre director, one per township (Art. 3, 9).</summary>
    TownshipCentreDirector = 3,

    /// <summary>乡镇民生服务中心窗口工作人员（含后台）: township window staff, including police staff stationed by the police station (Art. 5, 10, 12).</summary>
    TownshipWindowStaff = 4,

    /// <summary>村（社区）便民服务中心代办服务人员: village (community) agent (Art. 6, 11, 13).</summary>
    VillageAgent = 5,
}
