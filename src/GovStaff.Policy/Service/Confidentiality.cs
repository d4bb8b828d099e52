namespace GovStaff.Policy.Service;

/// <summary>What Art. 20 keeps out of public view (除涉及国家秘密、商业秘密、个人隐私外).</summary>
public enum Confidentiality
{
    /// <summary>May be published.</summary>
    Public = 0,

    /// <summary>国家秘密: a state secret.</summary>
    StateSecret = 1,

    /// <summary>商业秘密: a commercial secret.</summary>
    CommercialSecret = 2,

    /// <summary>个人隐私: personal privacy.</summary>
    PersonalPrivacy = 3,
}
