using CsCheck;
using GovStaff.Policy.Attendance;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Policy.Service;
using GovStaff.Policy.Tests.Service;
using GovStaff.Policy.Tests.Support;
using NodaTime;
using static GovStaff.Policy.Tests.Support.TestDistrict;

namespace GovStaff.Policy.Tests.Reporting;

public class PersonalDataTest
{
    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("马志强", "马**")]
    [InlineData("欧阳娜娜", "欧阳**")]
    [InlineData("", "")]
    public void Names_KeepTheFamilyName(string name, string masked) => Assert.Equal(masked, PersonalData.MaskName(name));

    [Fact]
    public void PhonesIdsAndAddresses_AreMasked()
    {
        Assert.Equal("138****1234", PersonalData.MaskPhone("13812341234"));
        Assert.Equal("1101**********002X", PersonalData.MaskIdNumber(new ResidentIdNumber("11010519491231002X")));
        Assert.Equal("中卫市沙坡头区滨河镇****", PersonalData.MaskAddress("中卫市沙坡头区滨河镇应理南街12号"));
    }

    // Art. 20 个人隐私: whatever the spelling, no ID or mobile number survives masking.
    [Theory]
    [InlineData("电话+8613812345678", "电话+86 138****5678")]
    [InlineData("电话008613812345678", "电话+86 138****5678")]
    [InlineData("电话8613812345678", "电话+86 138****5678")]
    [InlineData("电话139-1234-5678", "电话139****5678")]
    [InlineData("电话139 1234 5678。", "电话139****5678。")]
    [InlineData("电话１３９１２３４５６７８", "电话139****5678")]
    [InlineData("身份证640502 19900101 1234", "身份证6405**********1234")]
    [InlineData("身份证64050219900101123X", "身份证6405**********123X")]
    [InlineData("旧证640502900101123", "旧证6405*******1123")]
    [InlineData("身份证640502199001011234-1号", "身份证6405**********1234-1号")]
    [InlineData("2022-10-10至2022-10-12办结", "2022-10-10至2022-10-12办结")]
    public void IdsAndMobiles_AreMaskedInAnySpelling(string text, string masked) => Assert.Equal(masked, PersonalData.MaskText(text));

    [Fact]
    public void Property_NoGeneratedSpellingOfAnIdOrMobile_SurvivesMasking()
    {
        // Digits, full-width or not, grouped by spaces, dashes or ideographic spaces, with or without a country prefix.
        var separator = Pick("", "", " ", "-", "\u3000", "\u2014", "－");
        var mobile = Gen.Select(Gen.Int[3, 9], Gen.Long[0, 999_999_999], (b, rest) => $"1{b}{rest:D9}");
        var id18 = Gen.Select(Gen.Int[110000, 659999], Gen.Int[19500101, 20101228], Gen.Int[0, 999], Pick("0", "5", "X"), (a, b, c, d) => $"{a}{b}{c:D3}{d}");
        var id15 = Gen.Select(Gen.Int[110000, 659999], Gen.Int[500101, 991228], Gen.Int[0, 999], (a, b, c) => $"{a}{b}{c:D3}");
        var number = Gen.OneOf(mobile.Select(m => (m, true)), id18.Select(i => (i, false)), id15.Select(i => (i, false)));
        Gen.Select(number, separator, Pick("", "+86", "0086", "86"), Gen.Bool, Pick("电话", "证件号：", "联系 ", "")).Sample((n, sep, prefix, fullWidth, lead) =>
        {
            var (digits, isMobile) = n;
            var grouped = string.Join(sep, Chunks(digits, isMobile ? [3, 4, 4] : digits.Length == 18 ? [6, 8, 4] : [6, 6, 3]));
            var text = lead + (isMobile ? prefix : string.Empty) + grouped + "。";
            if (fullWidth)
            {
                text = new string(text.Select(c => c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c).ToArray());
            }

            var masked = PersonalData.MaskText(text);
            var plain = new string(masked.Where(c => c is >= '0' and <= '9').ToArray());
            return !plain.Contains(digits[..^1], StringComparison.Ordinal) && masked.Contains('*');
        });

        static Gen<string> Pick(params string[] xs) => Gen.Int[0, xs.Length - 1].Select(i => xs[i]);

        static IEnumerable<string> Chunks(string s, int[] sizes)
        {
            var at = 0;
            foreach (var size in sizes)
            {
                yield return s.Substring(at, size);
                at += size;
            }
        }
    }
}

public class DisclosureTest
{
    [Fact]
    public void Art20_APublishedCase_ShowsTheCatalogueName_NeverANameOrNumberTypedIntoTheItem()
    {
        var typed = new ServiceCase("C1", BinheCentre, new StaffId("W-BH1"), "营业执照（申请人张三 电话139-1234-5678）", ServiceChannel.Online, AsOf, 20, 5);
        var named = new ServiceCase("C2", BinheCentre, new StaffId("W-BH1"), "周敏代办社保登记", ServiceChannel.Online, AsOf, 20, 5);
        var number = new ServiceCase("C3", BinheCentre, new StaffId("W-BH1"), "户口迁移640502199001011234", ServiceChannel.Online, AsOf, 20, 5);
        var (published, withheld) = Disclosure.PublicCases([typed, named, number], Network());
        Assert.Equal(["营业执照", "周*代办社保登记", "户口迁移6405**********1234"], published.Select(p => p.Item));
        Assert.Equal(0, withheld);
        var odd = new ServiceCase("C4", BinheCentre, new StaffId("W-BH1"), "证明12345678", ServiceChannel.Online, AsOf, 20, 5);
        var (none, held) = Disclosure.PublicCases([odd], Network());
        Assert.Empty(none); // a long digit run that is no known number is withheld, not published
        Assert.Equal(1, held);
    }

    [Fact]
    public void Art20_SecretAndPrivateCases_NeverAppearInPublicOutput()
    {
        var open = new ServiceCase("C1", BinheCentre, new StaffId("W-BH1"), "营业执照", ServiceChannel.Online, AsOf, 20, 5);
        var privacy = new ServiceCase("C2", BinheCentre, new StaffId("W-BH1"), "残疾人两项补贴（含病历）", ServiceChannel.OnSite, AsOf, 20, 5) { Confidentiality = Confidentiality.PersonalPrivacy };
        var secret = new ServiceCase("C3", Hall, new StaffId("W-HR1"), "涉密项目", ServiceChannel.OnSite, AsOf, 20, 5) { Confidentiality = Confidentiality.StateSecret };
        var (published, withheld) = Disclosure.PublicCases([open, privacy, secret], Network());
        Assert.Equal(2, withheld);
        var only = Assert.Single(published);
        Assert.Equal("营业执照", only.Item);
        Assert.Equal("周*", only.Staff);
        var json = Serialization.GovStaffJson.Serialize(published);
        Assert.DoesNotContain("病历", json);
        Assert.DoesNotContain("涉密", json);
        Assert.DoesNotContain("周敏", json);
    }

    [Fact]
    public void Art20_EveryTextOfAPublishedCase_IsMasked_AnIdNumberInTheItemIncluded()
    {
        var c = new ServiceCase("C1", BinheCentre, new StaffId("W-BH1"), "户籍迁移（申请人640502199001011234，电话13912345678）", ServiceChannel.OnSite, AsOf, 20, 5);
        var only = Assert.Single(Disclosure.PublicCases([c], Network()).Published);
        Assert.DoesNotContain("640502199001011234", only.Item);
        Assert.DoesNotContain("13912345678", only.Item);
        Assert.Equal("户籍迁移", only.Item); // the catalogue name, not what was typed after it
        Assert.DoesNotContain("199001011234", Serialization.GovStaffJson.Serialize(only));
    }
}

public class ServiceStatisticsTest
{
    /// <summary>A small district's 2022 Q4: cases at the hall, 滨河镇 and 沙溜村; ratings; a complaint; attendance.</summary>
    [Fact]
    public void Art21_QuarterlyThreeTierStatistics_Snapshot()
    {
        var engine = Engine(new(2023, 1, 3));
        var cases = new CaseRules(engine, WorkCalendar.National);
        var net = Network();
        ServiceCase Case(string id, ServiceBodyId body, string staff, ServiceChannel channel, LocalDate accepted, LocalDate? completed)
        {
            var c = cases.Accept(new ServiceCase(id, body, new StaffId(staff), "事项" + id, channel, accepted, 20, 5), net, Actor.For(staff, body)).Entity;
            return completed is { } d ? cases.Complete(c, "办结", d, Actor.For(staff, body)).Entity : c;
        }

        var all = new[]
        {
            Case("H1", Hall, "W-HR1", ServiceChannel.Online, new(2022, 10, 10), new(2022, 10, 12)),   // on time
            Case("H2", Hall, "W-HR2", ServiceChannel.OnSite, new(2022, 10, 10), new(2022, 10, 20)),   // late (due 17 Oct)
            Case("B1", BinheCentre, "W-BH1", ServiceChannel.Online, new(2022, 11, 1), new(2022, 11, 3)),
            Case("B2", BinheCentre, "W-BH2", ServiceChannel.Online, new(2022, 12, 1), null),          // still open, overdue at 31 Dec
            Case("B3", BinheCentre, "W-BH1", ServiceChannel.OnSite, new(2022, 9, 26), new(2022, 10, 10)), // accepted in Q3, completed in Q4 late
            Case("V1", ShaliuVillage, "V-SL", ServiceChannel.OnSite, new(2022, 12, 26), null),        // open, not yet due
        };
        var rules = new RatingRules(engine, ServiceSchedule.Default);
        var ratings = new[]
        {
            new Rating("R1", RatingLevel.VerySatisfied, RatingChannel.PerMatter, Hall, RatingRulesTest.Beijing(10, 12)),
            new Rating("R2", RatingLevel.Dissatisfied, RatingChannel.PerVisit, Hall, RatingRulesTest.Beijing(10, 20), new StaffId("W-HR2"), reason: "办理慢"),
            new Rating("R3", RatingLevel.Satisfied, RatingChannel.PerMatter, BinheCentre, RatingRulesTest.Beijing(11, 3)),
            new Rating("R4", RatingLevel.VeryDissatisfied, RatingChannel.PerVisit, BinheCentre, RatingRulesTest.Beijing(11, 4), reason: "恶意刷评"),
        };
        var r2 = rules.Rectify(rules.Record(ratings[1]).Rectification!, "加派人手", new(2022, 11, 1), Actor.For("中心", Hall)).Entity;
        var r4Filed = rules.Appeal(rules.Record(ratings[3]).Rectification!, AppealGround.Malicious, net, new(2022, 11, 7), Actor.For("马志强", BinheCentre)).Entity;
        var r4 = rules.ReviewAppeal(r4Filed, upheld: true, "核实系恶意刷评", net, new(2022, 11, 8), Actor.For("王科长", Hall)).Entity;
        var complaints = new[] { new Complaint("K1", BinheCentre, new(2022, 11, 15), "态度生硬") };
        var attendance = new AttendanceRules(engine, ServiceSchedule.Default);
        var q4 = new DateInterval(new(2022, 10, 1), new(2022, 12, 31));
        var records = Enumerable.Range(0, 92).Select(i => q4.Start.PlusDays(i)).Where(d => WorkCalendar.National.IsWorkingDay(d) && d.Day != 17)
            .SelectMany(d => new[]
            {
                new AttendanceRecord(new StaffId("W-BH1"), d.At(new LocalTime(8, 55)).InZoneStrictly(OfficeHours.ChinaZone).ToInstant(), AttendanceRecordKind.SignIn),
                new AttendanceRecord(new StaffId("W-BH1"), d.At(new LocalTime(17, 35)).InZoneStrictly(OfficeHours.ChinaZone).ToInstant(), AttendanceRecordKind.SignOut),
            }).ToArray();
        var summary = attendance.Summarize(net.GetStaff(new StaffId("W-BH1")), q4, records);

        var report = new ServiceStatistics(WorkCalendar.National, engine.Versions).Compute(net, q4, all, ratings, [r2, r4], complaints, [summary]);

        var hall = report.Bodies.Single(b => b.Scope == "hall");
        Assert.Equal((2, 2, 1), (hall.CasesAccepted, hall.CasesCompleted, hall.CompletedOnTime));
        Assert.Equal(0.5m, hall.OnTimeRate);
        Assert.Equal(0.5m, hall.BadRate);
        Assert.Equal(1m, hall.BadReviewsRectifiedOnTime);
        var binhe = report.Bodies.Single(b => b.Scope == "binhe-centre");
        Assert.Equal(2, binhe.CasesAccepted);   // B1, B2 (B3 was accepted in Q3)
        Assert.Equal(2, binhe.CasesCompleted);  // B1, B3
        Assert.Equal(1, binhe.OverdueOpen);     // B2
        Assert.Equal(1m, binhe.OnlineShare);
        Assert.Equal(1, binhe.Ratings);         // R4 was annulled on appeal …
        Assert.Equal(1, binhe.RatingsExcludedAfterReview); // … and is counted apart, not dropped
        Assert.Equal(1, binhe.Complaints);
        Assert.Equal(report.District.CasesAccepted, report.Tiers.Sum(t => t.CasesAccepted));
        Assert.Equal(5, report.District.CasesAccepted);
        Snap.Match(report);
    }
}
