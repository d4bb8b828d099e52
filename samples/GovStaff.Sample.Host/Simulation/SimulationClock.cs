using NodaTime;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>The simulation's own clock: 10:00 Beijing time on the simulated day, so every run decides alike.</summary>
internal sealed class SimulationClock : IClock
{
    public LocalDate Today { get; set; }

    public Instant GetCurrentInstant() =>
        Today.At(new LocalTime(10, 0)).InZoneStrictly(GovStaff.Policy.Calendars.OfficeHours.ChinaZone).ToInstant();
}
