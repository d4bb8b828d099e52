using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// A clock stopped at one instant. NodaTime.Testing's FakeClock takes a lock on every read so tests can advance it from
/// any thread; the benchmarks never advance the clock and should measure the rules, not that lock.
/// </summary>
internal sealed class FrozenClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
