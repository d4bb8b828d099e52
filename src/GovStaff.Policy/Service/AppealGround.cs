namespace GovStaff.Policy.Service;

/// <summary>An appeal against a bad review (申诉复核).</summary>
public enum AppealGround
{
    /// <summary>误评: a mistaken review.</summary>
    Mistaken = 1,

    /// <summary>恶意差评: a malicious review.</summary>
    Malicious = 2,
}
