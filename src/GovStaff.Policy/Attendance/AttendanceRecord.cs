using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Attendance;

/// <summary>One sign-in or sign-out, as the attendance device or app recorded it (Art. 12(1)).</summary>
/// <param name="Staff">Who signed.</param>
/// <param name="At">When.</param>
/// <param name="Kind">Sign-in or sign-out.</param>
public sealed record AttendanceRecord(StaffId Staff, Instant At, AttendanceRecordKind Kind);
