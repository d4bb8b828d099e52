namespace GovStaff.Policy.Organization;

/// <summary>The three tiers of government service (县、乡、村三级, Art. 2).</summary>
public enum Tier
{
    /// <summary>District (县级): the district government service centre and its service hall.</summary>
    District = 1,

    /// <summary>Township (乡级): the township livelihood service centres.</summary>
    Township = 2,

    /// <summary>Village (村级): the village (community) convenience service centres.</summary>
    Village = 3,
}
