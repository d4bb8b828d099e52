using GovStaff.Policy.Lifecycles;

namespace GovStaff.Policy.Staffing;

/// <summary>The triggers of a stationing.</summary>
internal enum StationingTrigger
{
    /// <summary>The home unit nominates the person.</summary>
    [ChineseName("选派")]
    Nominate,

    /// <summary>The receiving body vets the nominee.</summary>
    [ChineseName("审核")]
    Vet,

    /// <summary>The nominee starts at the body.</summary>
    [ChineseName("进驻")]
    Station,

    /// <summary>The person leaves the body.</summary>
    [ChineseName("离岗")]
    Leave,
}
