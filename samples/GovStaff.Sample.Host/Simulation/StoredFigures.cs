using GovStaff.Policy;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>A person's attendance figures for the quarter, as stored (the day-by-day detail is not kept).</summary>
internal sealed record AttendanceFigures(string Staff, int WorkingDays, int LeaveDays, int DaysPresent, int LateCount, int EarlyLeaveCount, int Absences);

/// <summary>A sanction as stored, with the articles it rests on.</summary>
internal sealed record SanctionRecord(string Staff, string Kind, IReadOnlyList<string> Citations, LocalizedText Message);
