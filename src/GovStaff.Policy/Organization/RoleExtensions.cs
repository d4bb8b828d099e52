namespace GovStaff.Policy.Organization;

/// <summary>Facts about roles that follow from the measures.</summary>
public static partial class RoleExtensions
{
    /// <summary>True for the five roles of Art. 2.</summary>
    public static bool IsInScope(this Role role) => role is >= Role.HallOfficeDirector and <= Role.VillageAgent;

    /// <summary>The tier a role serves at.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The role is <see cref="Role.Other"/>, which has no tier.</exception>
    public static Tier Tier(this Role role) => role switch
    {
        Role.HallOfficeDirector or Role.HallWindowStaff => Organization.Tier.District,
        Role.TownshipCentreDirector or Role.TownshipWindowStaff => Organization.Tier.Township,
        Role.VillageAgent => Organization.Tier.Village,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "A role outside Art. 2 has no tier."),
    };

    /// <summary>True for window staff (hall or township), to whom the working rules of Art. 12 apply in full.</summary>
    public static bool IsWindowStaff(this Role role) => role is Role.HallWindowStaff or Role.TownshipWindowStaff;

    /// <summary>True for the two director roles of Art. 3.</summary>
    public static bool IsDirector(this Role role) => role is Role.HallOfficeDirector or Role.TownshipCentreDirector;

    /// <summary>The role's name in Chinese and English.</summary>
    public static LocalizedText DisplayName(this Role role) => role switch
    {
        Role.HallOfficeDirector => new("政务服务中心运行代办业务办公室主任", "hall operations & agency office director"),
        Role.HallWindowStaff => new("政务服务大厅窗口工作人员", "hall window staff"),
        Role.TownshipCentreDirector => new("乡镇民生服务中心主任", "township centre director"),
        Role.TownshipWindowStaff => new("乡镇民生服务中心窗口工作人员", "township window staff"),
        Role.VillageAgent => new("村（社区）代办服务人员", "village agent"),
        _ => new("其他人员", "other (outside Art. 2)"),
    };
}
