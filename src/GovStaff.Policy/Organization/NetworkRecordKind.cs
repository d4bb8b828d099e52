namespace GovStaff.Policy.Organization;

/// <summary>The kinds of record a <see cref="ServiceNetwork"/> is built from, as a <see cref="NetworkProblem"/> names them.</summary>
public enum NetworkRecordKind
{
    /// <summary>A <see cref="ServiceBody"/>.</summary>
    ServiceBody = 1,

    /// <summary>A <see cref="HomeUnit"/>.</summary>
    HomeUnit = 2,

    /// <summary>A <see cref="StaffMember"/>.</summary>
    StaffMember = 3,

    /// <summary>A <see cref="Post"/>.</summary>
    Post = 4,
}
