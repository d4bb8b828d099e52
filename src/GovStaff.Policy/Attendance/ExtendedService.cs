using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>
/// Service still in progress at closing time (延时服务, Art. 12(8)): a person was being served and the window stayed
/// open until <see cref="EndedAt"/>. A sign-out after closing covered by such a record is extended service.
/// </summary>
/// <param name="Staff">Who served.</param>
/// <param name="Date">The working day.</param>
/// <param name="EndedAt">When the service ended.</param>
/// <param name="Reference">The case or visit served, if recorded.</param>
public sealed record ExtendedService(StaffId Staff, LocalDate Date, Instant EndedAt, string? Reference = null);
