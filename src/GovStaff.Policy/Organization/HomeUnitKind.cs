namespace GovStaff.Policy.Organization;

/// <summary>The kinds of home unit (派驻单位 / 原派驻单位) that send people to service bodies.</summary>
public enum HomeUnitKind
{
    /// <summary>A district department or unit (部门（单位）) stationing staff at the hall (Art. 3, 4).</summary>
    Department = 1,

    /// <summary>A township government (乡镇) staffing its township centre (Art. 3, 4).</summary>
    Township = 2,

    /// <summary>A township police station (派出所) stationing staff at its township's centre (Art. 5, 7).</summary>
    PoliceStation = 3,

    /// <summary>A village (residents') committee (村（居）委会) whose grid workers or committee members act as agents (Art. 6).</summary>
    VillageCommittee = 4,
}
