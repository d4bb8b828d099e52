namespace GovStaff.Policy.Hosting;

/// <summary>The document kinds the host keeps in the store, and the ids of singletons.</summary>
public static class DocumentKinds
{
    /// <summary>The district's <see cref="Organization.ServiceNetwork"/> (id <see cref="DistrictId"/>).</summary>
    public const string Network = "network";

    /// <summary>The id of the district's network document.</summary>
    public const string DistrictId = "district";

    /// <summary><see cref="Service.ServiceCase"/> documents.</summary>
    public const string Case = "case";

    /// <summary><see cref="Attendance.LeaveRequest"/> documents.</summary>
    public const string Leave = "leave";

    /// <summary><see cref="Staffing.TransferRequest"/> documents.</summary>
    public const string Transfer = "transfer";
}
