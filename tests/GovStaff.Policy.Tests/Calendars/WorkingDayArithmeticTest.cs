using CsCheck;
using GovStaff.Policy.Calendars;
using NodaTime;

namespace GovStaff.Policy.Tests.Calendars;

public class WorkingDayArithmeticTest
{
    private static readonly WorkCalendar Cal = WorkCalendar.National;

    [Fact]
    public void AddWorkingDays_DayOfAcceptanceIsNotCounted_FridayPlusOneIsMonday()
    {
        Assert.Equal(new LocalDate(2024, 3, 11), Cal.AddWorkingDays(new LocalDate(2024, 3, 8), 1));
        Assert.Equal(new LocalDate(2024, 3, 11), Cal.NextWorkingDay(new LocalDate(2024, 3, 9)));
    }

    [Fact]
    public void LastWorkingDayBeforeNationalDay2024_IsFollowedBy8October()
    {
        Assert.Equal(new LocalDate(2024, 9, 30), Cal.PreviousWorkingDay(new LocalDate(2024, 10, 1)));
        Assert.Equal(new LocalDate(2024, 10, 8), Cal.NextWorkingDay(new LocalDate(2024, 9, 30)));
    }

    [Fact]
    public void AdjustedSunday_IsAWorkingDayAndCounts()
    {
        Assert.True(Cal.IsWorkingDay(new LocalDate(2024, 9, 29)));
        // Friday 27 Sep: next working day is the adjusted Sunday 29 Sep, not Monday 30 Sep.
        Assert.Equal(new LocalDate(2024, 9, 29), Cal.NextWorkingDay(new LocalDate(2024, 9, 27)));
        Assert.Equal(3, Cal.CountWorkingDays(new LocalDate(2024, 9, 27), new LocalDate(2024, 9, 30)));
    }

    [Fact]
    public void DeadlineSpanningSpringFestival2024()
    {
        // Accepted Thu 8 Feb; 1 = Fri 9, 10–17 off, 2 = adjusted Sun 18, 3 = Mon 19, 4 = Tue 20, 5 = Wed 21.
        Assert.Equal(new LocalDate(2024, 2, 21), Cal.AddWorkingDays(new LocalDate(2024, 2, 8), 5));
    }

    [Fact]
    public void TwentyWorkingDays_AcrossNationalDay2024()
    {
        // Accepted Wed 25 Sep: 26, 27, 29 (adj.), 30, 8, 9, 10, 11, 12 (adj.), 14, 15, 16, 17, 18, 21, 22, 23, 24, 25, 28 Oct.
        Assert.Equal(new LocalDate(2024, 10, 28), Cal.AddWorkingDays(new LocalDate(2024, 9, 25), 20));
        Assert.Equal(20, Cal.CountWorkingDays(new LocalDate(2024, 9, 26), new LocalDate(2024, 10, 28)));
    }

    [Fact]
    public void LeaveOverAWeekend_CountsOnlyWorkingDays()
    {
        Assert.Equal(2, Cal.CountWorkingDays(new LocalDate(2024, 3, 8), new LocalDate(2024, 3, 11)));
        Assert.Equal(0, Cal.CountWorkingDays(new LocalDate(2024, 10, 1), new LocalDate(2024, 10, 7)));
        Assert.Equal(1, Cal.CountWorkingDays(new LocalDate(2024, 10, 8), new LocalDate(2024, 10, 8)));
    }

    [Fact]
    public void NegativeN_CountsBackwards()
    {
        Assert.Equal(new LocalDate(2024, 9, 29), Cal.AddWorkingDays(new LocalDate(2024, 10, 8), -2));
    }

    [Fact]
    public void DatesInOtherCalendarSystems_AreConvertedNotMisread()
    {
        // 2024-10-01 ISO is 2024-09-18 in the Julian calendar.
        var julian = new LocalDate(2024, 10, 1).WithCalendar(CalendarSystem.Julian);
        Assert.Equal(new LocalDate(2024, 9, 18, CalendarSystem.Julian), julian);
        Assert.False(Cal.IsWorkingDay(julian));
        Assert.Equal("国庆节", Cal.GetStatus(julian).Name);
    }

    [Fact]
    public void BadArguments_AreClearErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Cal.AddWorkingDays(new LocalDate(2024, 1, 2), 0));
        var e = Assert.Throws<ArgumentException>(() => Cal.CountWorkingDays(new LocalDate(2024, 1, 2), new LocalDate(2024, 1, 1)));
        Assert.Contains("before it starts", e.Message);
    }

    [Fact]
    public void DateOutsideTheData_IsAClearError_NotAGuess()
    {
        var e = Assert.Throws<DateOutsideCalendarException>(() => Cal.IsWorkingDay(new LocalDate(2027, 1, 4)));
        Assert.Contains("2027-01-04", e.Message);
        Assert.Contains("2019-01-01–2026-12-31", e.Message);
        Assert.Throws<DateOutsideCalendarException>(() => Cal.AddWorkingDays(new LocalDate(2026, 12, 30), 5));
        Assert.Throws<DateOutsideCalendarException>(() => Cal.CountWorkingDays(new LocalDate(2018, 12, 1), new LocalDate(2019, 1, 10)));
        Assert.False(Cal.Contains(new LocalDate(2018, 12, 31)));
    }

    [Fact]
    public void Fallback_IsOptIn_AndMarksDaysAssumed()
    {
        var lenient = Cal.WithFallback(true, fallbackYears: 2);
        var status = lenient.GetStatus(new LocalDate(2027, 1, 4));
        Assert.True(status.IsWorkingDay); // a Monday, by the normal week
        Assert.True(status.IsAssumed);
        Assert.True(lenient.HasAssumedDays(new LocalDate(2026, 12, 20), new LocalDate(2027, 1, 10)));
        Assert.False(lenient.HasAssumedDays(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31)));
        Assert.False(lenient.GetStatus(new LocalDate(2026, 10, 1)).IsAssumed);
        Assert.Throws<DateOutsideCalendarException>(() => lenient.IsWorkingDay(new LocalDate(2030, 1, 1)));
    }

    private static readonly LocalDate First = new(2019, 1, 1);
    private static readonly LocalDate Last = new(2026, 12, 31);
    private static readonly Gen<LocalDate> AnyDate = Gen.Int[0, Period.DaysBetween(First, Last)].Select(First.PlusDays);

    private static LocalDate NaiveAdd(LocalDate date, int n)
    {
        var d = date;
        while (n > 0)
        {
            d = d.PlusDays(1);
            if (Cal.IsWorkingDay(d))
            {
                n--;
            }
        }

        return d;
    }

    [Fact]
    public void Property_AddAndCountAreConsistent()
    {
        Gen.Select(AnyDate, Gen.Int[1, 250]).Where((d, n) => d < new LocalDate(2026, 1, 1)).Sample((d, n) =>
            Cal.CountWorkingDays(Cal.NextWorkingDay(d), Cal.AddWorkingDays(d, n)) == n);
    }

    [Fact]
    public void Property_AddIsStrictlyMonotonicAndLandsOnWorkingDays()
    {
        Gen.Select(AnyDate, Gen.Int[1, 200]).Where((d, n) => d < new LocalDate(2026, 1, 1)).Sample((d, n) =>
        {
            var a = Cal.AddWorkingDays(d, n);
            var b = Cal.AddWorkingDays(d, n + 1);
            return a > d && b > a && Cal.IsWorkingDay(a) && Cal.CountWorkingDays(a, b) == 2;
        });
    }

    [Fact]
    public void Property_AgreesWithANaiveDayByDayLoop()
    {
        Gen.Select(AnyDate, Gen.Int[1, 60]).Where((d, n) => d < new LocalDate(2026, 9, 1)).Sample((d, n) => Cal.AddWorkingDays(d, n) == NaiveAdd(d, n));
        Gen.Select(AnyDate, AnyDate).Sample((a, b) =>
        {
            var (from, to) = a <= b ? (a, b) : (b, a);
            var naive = 0;
            for (var x = from; x <= to; x = x.PlusDays(1))
            {
                naive += Cal.IsWorkingDay(x) ? 1 : 0;
            }

            return Cal.CountWorkingDays(from, to) == naive;
        }, iter: 300);
    }

    [Fact]
    public void Property_PreviousUndoesNext()
    {
        AnyDate.Where(d => d > new LocalDate(2019, 1, 10) && d < new LocalDate(2026, 12, 20)).Sample(d =>
        {
            var next = Cal.NextWorkingDay(d);
            var prev = Cal.PreviousWorkingDay(next);
            // On a working day the step back lands on the day itself; otherwise on the last working day before it.
            var landed = Cal.IsWorkingDay(d) ? prev == d : prev < d;
            return landed && Cal.CountWorkingDays(prev, next) == 2;
        });
    }

    [Fact]
    public void Queries_AllocateNothingAfterBuild()
    {
        var d = new LocalDate(2024, 9, 25);
        var to = new LocalDate(2024, 12, 31);
        _ = Cal.IsWorkingDay(d) && Cal.AddWorkingDays(d, 20) > d && Cal.CountWorkingDays(d, to) > 0; // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = 0;
        for (var i = 0; i < 10_000; i++)
        {
            sink += Cal.IsWorkingDay(d.PlusDays(i % 90)) ? 1 : 0;
            sink += Cal.AddWorkingDays(d, 1 + (i % 20)).Day;
            sink += Cal.CountWorkingDays(d, to);
            sink += Cal.GetStatus(d).IsWorkingDay ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sink > 0);
        Assert.Equal(0, allocated);
    }
}
