using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GovStaff.Policy.Calendars;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// Working-day arithmetic on the national calendar against a straightforward day-by-day loop over the same calendar
/// (the baseline of each category), so every ratio is measured in the same run.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkCalendarBenchmarks
{
    private readonly WorkCalendar _calendar = WorkCalendar.National;
    private readonly LocalDate _accepted = new(2024, 9, 25);
    private readonly LocalDate _quarterStart = new(2024, 10, 1);
    private readonly LocalDate _quarterEnd = new(2024, 12, 31);
    private readonly LocalDate _yearStart = new(2024, 1, 1);
    private readonly LocalDate _yearEnd = new(2024, 12, 31);

    [Benchmark(Baseline = true), BenchmarkCategory("AddWorkingDays(20)")]
    public LocalDate AddWorkingDays_Loop()
    {
        var d = _accepted;
        var n = 20;
        while (n > 0)
        {
            d = d.PlusDays(1);
            if (_calendar.IsWorkingDay(d))
            {
                n--;
            }
        }

        return d;
    }

    [Benchmark, BenchmarkCategory("AddWorkingDays(20)")]
    public LocalDate AddWorkingDays_Index() => _calendar.AddWorkingDays(_accepted, 20);

    [Benchmark(Baseline = true), BenchmarkCategory("CountWorkingDays(quarter)")]
    public int CountQuarter_Loop() => CountLoop(_quarterStart, _quarterEnd);

    [Benchmark, BenchmarkCategory("CountWorkingDays(quarter)")]
    public int CountQuarter_Index() => _calendar.CountWorkingDays(_quarterStart, _quarterEnd);

    [Benchmark(Baseline = true), BenchmarkCategory("CountWorkingDays(year)")]
    public int CountYear_Loop() => CountLoop(_yearStart, _yearEnd);

    [Benchmark, BenchmarkCategory("CountWorkingDays(year)")]
    public int CountYear_Index() => _calendar.CountWorkingDays(_yearStart, _yearEnd);

    // The naive form of IsWorkingDay: scan the holiday entries for the date, then fall back to the day of the week.
    [Benchmark(Baseline = true), BenchmarkCategory("IsWorkingDay")]
    public bool IsWorkingDay_Scan()
    {
        foreach (var year in BuiltInCalendars.NationalLayer.Years)
        {
            foreach (var entry in year.Entries)
            {
                if (entry.Date == _accepted)
                {
                    return !entry.IsOffDay;
                }
            }
        }

        return _accepted.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    [Benchmark, BenchmarkCategory("IsWorkingDay")]
    public bool IsWorkingDay_Index() => _calendar.IsWorkingDay(_accepted);

    private int CountLoop(LocalDate from, LocalDate to)
    {
        var count = 0;
        for (var d = from; d <= to; d = d.PlusDays(1))
        {
            count += _calendar.IsWorkingDay(d) ? 1 : 0;
        }

        return count;
    }
}
