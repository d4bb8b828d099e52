using GovStaff.Policy.Calendars;
using GovStaff.Policy.Tests.Support;
using NodaTime;

namespace GovStaff.Policy.Tests.Calendars;

/// <summary>The shipped calendar against the State Council data in ../shared/reference/holiday-cn, day by day.</summary>
public class NationalCalendarReferenceTest
{
    private static readonly string ReferenceDir = Path.Combine(Repo.Shared, "reference", "holiday-cn");

    /// <summary>The reference data, read independently of the library with System.Text.Json.</summary>
    private static Dictionary<LocalDate, (bool Off, string Name)> ReferenceDays()
    {
        var days = new Dictionary<LocalDate, (bool, string)>();
        for (var year = 2019; year <= 2026; year++)
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceDir, $"{year}.json")));
            foreach (var day in doc.RootElement.GetProperty("days").EnumerateArray())
            {
                var date = NodaTime.Text.LocalDatePattern.Iso.Parse(day.GetProperty("date").GetString()!).Value;
                days[date] = (day.GetProperty("isOffDay").GetBoolean(), day.GetProperty("name").GetString()!);
            }
        }

        return days;
    }

    [Fact]
    public void BuiltInNationalCalendar_MatchesTheReference_OnEveryDayOf2019To2026()
    {
        var reference = ReferenceDays();
        var calendar = WorkCalendar.National;
        var checkedDays = 0;
        var differences = new List<string>();
        for (var date = new LocalDate(2019, 1, 1); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
        {
            var weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            var status = calendar.GetStatus(date);
            bool expectedWorking;
            DayKind expectedKind;
            string? expectedName = null;
            if (reference.TryGetValue(date, out var listed))
            {
                expectedWorking = !listed.Off;
                expectedKind = listed.Off ? DayKind.PublicHoliday : weekend ? DayKind.AdjustedWorkingDay : DayKind.WorkingDay;
                expectedName = listed.Name;
            }
            else
            {
                expectedWorking = !weekend;
                expectedKind = weekend ? DayKind.Weekend : DayKind.WorkingDay;
            }

            if (status.IsWorkingDay != expectedWorking || calendar.IsWorkingDay(date) != expectedWorking ||
                status.Kind != expectedKind || status.Name != expectedName || status.IsAssumed)
            {
                differences.Add($"{status} expected {expectedKind} {expectedName}");
            }

            checkedDays++;
        }

        Assert.Equal(2922, checkedDays);
        Assert.Empty(differences);
    }

    [Fact]
    public void ReadingTheReferenceJson_GivesTheSameCalendarAsTheShippedData()
    {
        var years = Enumerable.Range(2019, 8).Select(y => HolidayDataReader.ReadFile(Path.Combine(ReferenceDir, $"{y}.json")).Single()).ToArray();
        var fromJson = WorkCalendar.Create("from-json", [new CalendarLayer("national", CalendarLayerKind.National, years)]);
        for (var date = new LocalDate(2019, 1, 1); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
        {
            Assert.Equal(WorkCalendar.National.GetStatus(date), fromJson.GetStatus(date));
        }
    }

    [Fact]
    public void Reference2027_IsAnUnpublishedPlaceholder_AndIsRefusedAsANationalYear()
    {
        var placeholder = HolidayDataReader.ReadFile(Path.Combine(ReferenceDir, "2027.json")).Single();
        Assert.Empty(placeholder.Entries);
        var e = Assert.Throws<ArgumentException>(() => WorkCalendar.Create("x", [BuiltInCalendars.NationalLayer.WithYears([placeholder])]));
        Assert.Contains("2027", e.Message);
        Assert.Contains("not published", e.Message);
    }

    [Theory]
    [InlineData("2024-10-01", false, DayKind.PublicHoliday, "国庆节")]
    [InlineData("2024-09-29", true, DayKind.AdjustedWorkingDay, "国庆节")]
    [InlineData("2024-10-12", true, DayKind.AdjustedWorkingDay, "国庆节")]
    [InlineData("2024-02-18", true, DayKind.AdjustedWorkingDay, "春节")]
    [InlineData("2025-01-28", false, DayKind.PublicHoliday, "春节")]
    [InlineData("2024-10-19", false, DayKind.Weekend, null)]
    [InlineData("2024-10-08", true, DayKind.WorkingDay, null)]
    [InlineData("2020-02-03", true, DayKind.WorkingDay, "春节")]
    public void Status_HasItsReason(string date, bool working, DayKind kind, string? name)
    {
        var status = WorkCalendar.National.GetStatus(NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);
        Assert.Equal(working, status.IsWorkingDay);
        Assert.Equal(kind, status.Kind);
        Assert.Equal(name, status.Name);
    }

    [Fact]
    public void Reasons_AreBilingual()
    {
        Assert.Equal(new LocalizedText("国庆节调休上班", "adjusted working day for 国庆节"), WorkCalendar.National.GetStatus(new(2024, 9, 29)).Reason);
        Assert.Equal(new LocalizedText("国庆节", "public holiday: 国庆节"), WorkCalendar.National.GetStatus(new(2024, 10, 1)).Reason);
        Assert.Equal(new LocalizedText("周末", "weekend"), WorkCalendar.National.GetStatus(new(2024, 10, 19)).Reason);
    }
}
