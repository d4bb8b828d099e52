namespace GovStaff.Policy.Staffing;

/// <summary>A ground for ending a stationing that the measures do not govern; recorded with its document.</summary>
public enum OutsideGround
{
    /// <summary>退休: retirement.</summary>
    Retirement = 1,

    /// <summary>辞职: resignation.</summary>
    Resignation = 2,

    /// <summary>死亡: death.</summary>
    Death = 3,

    /// <summary>辞退、开除: dismissal.</summary>
    Dismissal = 4,
}
