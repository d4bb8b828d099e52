using GovStaff.Policy.Calendars;
using NodaTime;

namespace GovStaff.Policy.Tests.Calendars;

public class CalendarLayersTest
{
    [Fact]
    public void NingxiaOverlay_AddsEidDaysOff()
    {
        var ningxia = BuiltInCalendars.NationalWithNingxia();
        var eid = ningxia.GetStatus(new LocalDate(2021, 5, 13));
        Assert.False(eid.IsWorkingDay);
        Assert.Equal(DayKind.RegionalHoliday, eid.Kind);
        Assert.Equal("开斋节", eid.Name);
        Assert.Equal("ningxia", eid.Layer);
        Assert.True(WorkCalendar.National.IsWorkingDay(new LocalDate(2021, 5, 13)));
        Assert.False(ningxia.IsWorkingDay(new LocalDate(2022, 7, 11))); // 古尔邦节
        // A deadline from Wed 12 May 2021: Thu 13 and Fri 14 are off in Ningxia, so 1 working day is Mon 17 May.
        Assert.Equal(new LocalDate(2021, 5, 17), ningxia.AddWorkingDays(new LocalDate(2021, 5, 12), 1));
        Assert.Equal(new LocalDate(2021, 5, 13), WorkCalendar.National.AddWorkingDays(new LocalDate(2021, 5, 12), 1));
    }

    [Fact]
    public void NingxiaOverlay_YearWithoutRegionalData_IsRefusedByDefault()
    {
        var ningxia = BuiltInCalendars.NationalWithNingxia();
        var e = Assert.Throws<DateOutsideCalendarException>(() => ningxia.IsWorkingDay(new LocalDate(2024, 10, 8)));
        Assert.Contains("'ningxia'", e.Message);
        Assert.Contains("2024", e.Message);
        Assert.Equal(new LocalDate(2022, 12, 31), ningxia.LastKnown);
        Assert.Throws<DateOutsideCalendarException>(() => ningxia.AddWorkingDays(new LocalDate(2022, 12, 20), 20));
    }

    [Fact]
    public void NingxiaOverlay_WithFallback_AnswersAndMarksTheGap()
    {
        var ningxia = BuiltInCalendars.NationalWithNingxia(allowFallback: true);
        var status = ningxia.GetStatus(new LocalDate(2024, 10, 1));
        Assert.Equal("国庆节", status.Name); // the national data is still used
        Assert.True(status.IsAssumed);       // but Ningxia's own days for 2024 are not known
        Assert.True(ningxia.HasAssumedDays(new LocalDate(2022, 12, 20), new LocalDate(2023, 1, 10)));
    }

    [Fact]
    public void MoreRegionalYears_CanBeLoadedWithoutARelease()
    {
        var year2023 = HolidayDataReader.ReadText("year 2023\n  古尔邦节 off 2023-06-29..2023-06-30\n", "ningxia-2023.txt");
        var layer = BuiltInCalendars.NingxiaLayer.WithYears(year2023);
        var calendar = WorkCalendar.Create("national+ningxia", [BuiltInCalendars.NationalLayer, layer]);
        Assert.Equal(DayKind.RegionalHoliday, calendar.GetStatus(new LocalDate(2023, 6, 29)).Kind);
        Assert.Equal(new LocalDate(2023, 12, 31), calendar.LastKnown);
    }

    [Fact]
    public void LayersCompose_NationalPlusNingxiaPlusABodysClosures()
    {
        var closures = new CalendarLayer("binhe-closures", CalendarLayerKind.Closures, HolidayDataReader.ReadText(
            "year 2022\n  网络升级闭馆 off 2022-11-15\n  周六加班 work 2022-11-19\n", "binhe-closures.txt"));
        var calendar = BuiltInCalendars.NationalWithNingxia().WithLayer(closures);
        Assert.Equal("national+ningxia+binhe-closures", calendar.Name);
        Assert.Equal(DayKind.Closure, calendar.GetStatus(new LocalDate(2022, 11, 15)).Kind);
        Assert.Equal(DayKind.AdjustedWorkingDay, calendar.GetStatus(new LocalDate(2022, 11, 19)).Kind);
        Assert.Equal(DayKind.RegionalHoliday, calendar.GetStatus(new LocalDate(2022, 7, 12)).Kind);
        Assert.Equal(DayKind.PublicHoliday, calendar.GetStatus(new LocalDate(2022, 10, 3)).Kind);
        Assert.Equal(new LocalDate(2022, 12, 31), calendar.LastKnown); // a closures layer leaves no year uncovered
    }

    [Fact]
    public void NationalYear2027_LoadsFromAHolidayCnJsonFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"govstaff-2027-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "year": 2027,
              "papers": [],
              "days": [
                { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
                { "name": "春节", "date": "2027-02-06", "isOffDay": false },
                { "name": "春节", "date": "2027-02-08", "isOffDay": true }
              ]
            }
            """);
        try
        {
            var layer = BuiltInCalendars.NationalLayer.WithYears(HolidayDataReader.ReadFile(path));
            var calendar = WorkCalendar.Create("national", [layer]);
            Assert.Equal(new LocalDate(2027, 12, 31), calendar.LastKnown);
            Assert.Equal(DayKind.PublicHoliday, calendar.GetStatus(new LocalDate(2027, 1, 1)).Kind);
            Assert.Equal(DayKind.AdjustedWorkingDay, calendar.GetStatus(new LocalDate(2027, 2, 6)).Kind);
            Assert.True(calendar.IsWorkingDay(new LocalDate(2027, 3, 1)));
            // Arithmetic runs across the year boundary: Thu 31 Dec 2026 + 1 skips 1 Jan (元旦), then the weekend.
            Assert.Equal(new LocalDate(2027, 1, 4), calendar.AddWorkingDays(new LocalDate(2026, 12, 31), 1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_RejectsBadLayerSets()
    {
        Assert.Throws<ArgumentException>(() => WorkCalendar.Create("x", []));
        Assert.Throws<ArgumentException>(() => WorkCalendar.Create("x", [BuiltInCalendars.NingxiaLayer]));
        Assert.Throws<ArgumentException>(() => WorkCalendar.Create("x", [BuiltInCalendars.NationalLayer, BuiltInCalendars.NationalLayer]));
        Assert.Throws<ArgumentException>(() => WorkCalendar.Create("x", [BuiltInCalendars.NationalLayer, BuiltInCalendars.NingxiaLayer, BuiltInCalendars.NingxiaLayer]));
    }
}

public class HolidayDataReaderTest
{
    [Theory]
    [InlineData("  元旦 off 2024-01-01\n", 1, "year")]
    [InlineData("year 2024\n  元旦 off 2024-13-01\n", 2, "date")]
    [InlineData("year 2024\n  元旦 holiday 2024-01-01\n", 2, "kind")]
    [InlineData("year 2024\n  元旦 off 2024-01-05..2024-01-01\n", 2, "date")]
    [InlineData("year 2024\n  元旦 off 2025-01-01\n", 2, "date")]
    [InlineData("year 2024\n\n  元旦 off 2024-01-01\n  再次 off 2024-01-01\n", 4, "date")]
    [InlineData("year twenty\n", 1, "year")]
    [InlineData("year 2024\nyear 2024\n", 2, "year")]
    [InlineData("year 2024\n  元旦\n", 2, "date")]
    public void OwnFormat_MalformedLine_NamesFileLineAndField(string text, int line, string field)
    {
        var e = Assert.Throws<CalendarDataException>(() => HolidayDataReader.ReadText(text, "bad.txt"));
        Assert.Equal("bad.txt", e.FileName);
        Assert.Equal(line, e.Line);
        Assert.Equal(field, e.Field);
        Assert.StartsWith($"bad.txt, line {line}, field '{field}'", e.Message);
    }

    [Theory]
    [InlineData("{\"year\": 2027, \"days\": [\n{\"name\": \"元旦\", \"date\": \"2027-02-30\", \"isOffDay\": true}]}", 2, "days[0].date")]
    [InlineData("{\"year\": 2027, \"days\": [\n{\"name\": \"元旦\", \"date\": \"2027-01-01\",\n \"isOffDay\": \"yes\"}]}", 3, "days[0].isOffDay")]
    [InlineData("{\"year\": 2027, \"days\": [\n{\"name\": \"元旦\", \"isOffDay\": true}]}", 2, "days[0].date")]
    [InlineData("{\"year\": \"2027\", \"days\": []}", 1, "year")]
    [InlineData("{\"year\": 2027, \"days\": {}}", 1, "days")]
    [InlineData("{\"year\": 2027,\n \"days\": [\n {\"name\": 3, \"date\": \"2027-01-01\", \"isOffDay\": true}]}", 3, "days[0].name")]
    [InlineData("{\"year\": 2027,\n \"days\": [ {,]}", 2, "$")]
    public void HolidayCnJson_MalformedField_NamesFileLineAndField(string json, int line, string field)
    {
        var e = Assert.Throws<CalendarDataException>(() => HolidayDataReader.ReadHolidayCnJson(json, "2027.json"));
        Assert.Equal("2027.json", e.FileName);
        Assert.Equal(line, e.Line);
        Assert.StartsWith(field, e.Field);
    }

    [Fact]
    public void HolidayCnJson_MissingYearOrDays_NamesTheField()
    {
        Assert.Equal("year", Assert.Throws<CalendarDataException>(() => HolidayDataReader.ReadHolidayCnJson("{\"days\": []}", "f.json")).Field);
        Assert.Equal("days", Assert.Throws<CalendarDataException>(() => HolidayDataReader.ReadHolidayCnJson("{\"year\": 2027}", "f.json")).Field);
        Assert.Equal("days.date", Assert.Throws<CalendarDataException>(() => HolidayDataReader.ReadHolidayCnJson(
            "{\"year\": 2027, \"days\": [{\"name\": \"x\", \"date\": \"2029-01-01\", \"isOffDay\": true}]}", "f.json")).Field);
    }

    [Fact]
    public void MissingFile_IsACalendarDataError()
    {
        var e = Assert.Throws<CalendarDataException>(() => HolidayDataReader.ReadFile("/nonexistent/2027.json"));
        Assert.Equal("file", e.Field);
    }
}

public class OfficeHoursTest
{
    [Fact]
    public void SeasonalSchedules_SwitchOnTheConfiguredDates()
    {
        var hours = OfficeHours.Default;
        Assert.Equal(new LocalTime(17, 30), hours.On(new LocalDate(2024, 4, 30)).AfternoonEnd);
        Assert.Equal(new LocalTime(18, 0), hours.On(new LocalDate(2024, 5, 1)).AfternoonEnd);
        Assert.Equal(new LocalTime(18, 0), hours.On(new LocalDate(2024, 9, 30)).AfternoonEnd);
        Assert.Equal(new LocalTime(17, 30), hours.On(new LocalDate(2024, 10, 1)).AfternoonEnd);
    }

    [Fact]
    public void DeadlineDay_EndsAtCloseOfBusinessInBeijing()
    {
        var schedule = ServiceSchedule.Default;
        // 20 working days from Wed 25 Sep 2024 is Mon 28 Oct; winter hours close at 17:30 = 09:30 UTC.
        Assert.Equal(Instant.FromUtc(2024, 10, 28, 9, 30), schedule.DueInstant(new LocalDate(2024, 9, 25), 20));
    }

    [Fact]
    public void IsOpenAt_FollowsSessionsAndTheCalendar()
    {
        var schedule = ServiceSchedule.Default;
        Instant Beijing(int y, int m, int d, int h, int min) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(OfficeHours.ChinaZone).ToInstant();
        Assert.True(schedule.IsOpenAt(Beijing(2024, 10, 8, 9, 0)));
        Assert.False(schedule.IsOpenAt(Beijing(2024, 10, 8, 12, 30)));   // midday break
        Assert.False(schedule.IsOpenAt(Beijing(2024, 10, 8, 17, 30)));   // closed at 17:30
        Assert.False(schedule.IsOpenAt(Beijing(2024, 10, 3, 10, 0)));    // 国庆节
        Assert.True(schedule.IsOpenAt(Beijing(2024, 10, 12, 10, 0)));    // adjusted Saturday
    }

    [Fact]
    public void Schedules_OutOfOrder_AreRejected()
    {
        Assert.Throws<ArgumentException>(() => new DailySchedule(new(9, 0), new(8, 0), new(14, 0), new(17, 0)));
        Assert.Throws<ArgumentException>(() => new DailySchedule(new(9, 0), new(12, 0), new(11, 0), new(17, 0)));
        Assert.Throws<ArgumentException>(() => new OfficeHours(OfficeHours.Default.Winter, OfficeHours.Default.Summer, new AnnualDate(10, 1), new AnnualDate(5, 1)));
    }
}
