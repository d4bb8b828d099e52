using NodaTime;

namespace GovStaff.Sample.Host.Simulation;

/// <summary>The simulation's own clock: 10:00 Beijing time on the simulated day, so every run decides alike.</summary>
internal sealed class SimulationClock : IClock
{
    private Instant _now;
    private LocalDate _today;

    // Mapped when the day changes, not on every read: each decision reads the clock.
    public LocalDate Today
    {
        get => _today;
        set => (_today, _now) = (value, value.At(new LocalTime(10, 0)).InZoneStrictly(GovStaff.Policy.Calendars.OfficeHours.ChinaZone).ToInstant());
    }

    public Instant GetCurrentInstant() => _now;
}
