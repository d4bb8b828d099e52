namespace GovStaff.Policy.Hosting;

/// <summary>
/// The document kinds under which the library's entities are kept in the store, and the ids of singletons: named here
/// only, for the monitors, the sample and any host that reads what another wrote.
/// </summary>
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

    /// <summary><see cref="Service.Rating"/> documents (好差评, Art. 20).</summary>
    public const string Rating = "rating";

    /// <summary><see cref="Service.Rectification"/> documents: a bad review's rectification.</summary>
    public const string Rectification = "rectification";

    /// <summary><see cref="Service.Complaint"/> documents (Art. 22).</summary>
    public const string Complaint = "complaint";

    /// <summary><see cref="Appraisal.StaffAppraisal"/> documents (Art. 23–28).</summary>
    public const string Appraisal = "appraisal";

    /// <summary>Attendance records (Art. 12(1), 12(8)).</summary>
    public const string Attendance = "attendance";

    /// <summary>Sanctions under Art. 29: admonitions and recalls.</summary>
    public const string Sanction = "sanction";
}
