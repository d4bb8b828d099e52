namespace GovStaff.Sample.Host.Roster;

/// <summary>The district read from <c>--roster FILE.xlsx</c>, for the main job to seed from instead of the built-in one.</summary>
internal sealed record RosterSeed(DistrictRoster Roster);
