namespace GovStaff.Policy.Staffing;

/// <summary>What kind of change a transfer is.</summary>
public enum TransferKind
{
    /// <summary>A township's or department's rotation of a window post holder (调换, Art. 4).</summary>
    Rotation = 0,

    /// <summary>A police station's adjustment of its stationed staff (调整, Art. 7).</summary>
    PoliceAdjustment = 1,
}
