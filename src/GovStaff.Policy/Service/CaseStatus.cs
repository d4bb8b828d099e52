using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>Where a case's clock stands on a day (Art. 21: whole-process dynamic tracking).</summary>
/// <param name="AsOf">The day.</param>
/// <param name="UsedWorkingDays">Working days used.</param>
/// <param name="PromisedDue">The last day of the promised limit (with any extension); null while suspended.</param>
/// <param name="StatutoryDue">The last day of the statutory limit (with any extension); null while suspended.</param>
/// <param name="Level">On track, early warning, overdue, suspended or done.</param>
public sealed record CaseStatus(LocalDate AsOf, int UsedWorkingDays, LocalDate? PromisedDue, LocalDate? StatutoryDue, CaseLevel Level);
