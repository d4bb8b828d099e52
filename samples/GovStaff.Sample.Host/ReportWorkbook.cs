using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Organization;
using GovStaff.Policy.Reporting;
using GovStaff.Sample.Host.Simulation;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace GovStaff.Sample.Host;

/// <summary>
/// <c>report --format xlsx</c>: the stored quarter as the workbook an office files — the three tiers, each body, every
/// person's appraisal (grade, total and the five dimensions of Art. 26), the grades, the sanctions with their
/// citations and the refusals by article. Counts are numbers, rates are numbers formatted as percentages (the CSV's
/// fractions, so a sheet can compute with them), the header row is frozen and every column has a width.
/// </summary>
internal static class ReportWorkbook
{
    public const string Tiers = "三级统计";
    public const string Bodies = "各中心";
    public const string Appraisals = "考核结果";
    public const string Grades = "考核等次";
    public const string Sanctions = "处理";
    public const string Refusals = "不予通过";

    public static void Write(QuarterReport r, Stream stream)
    {
        var sheets = new Dictionary<string, object>
        {
            [Tiers] = r.Statistics.Tiers.Select(t => StatisticsLine.Of("tier", r.TierName(t), t)).Append(StatisticsLine.Of("district", r.TierName(r.Statistics.District), r.Statistics.District)).ToList(),
            [Bodies] = r.Statistics.Bodies.Select(b => StatisticsLine.Of("body", b.Name, b)).ToList(),
            [Appraisals] = r.Appraisals.Select(a => AppraisalLine.Of(r, a)).ToList(),
            [Grades] = QuarterReport.GradeOrder.Select(g => new GradeLine { Grade = QuarterReport.GradeName(g), Count = r.Grades.GetValueOrDefault(g) }).ToList(),
            [Sanctions] = r.Sanctions.OrderBy(s => s.Staff, StringComparer.Ordinal).Select(s => new SanctionLine
            {
                Staff = s.Staff, Name = r.MaskedName(s.Staff), Kind = s.Kind, Zh = s.Message.Zh, En = s.Message.En, Citations = string.Join("; ", s.Citations),
            }).ToList(),
            [Refusals] = r.Refusals.Select(x => new RefusalLine { Citation = x.Citation, Count = x.Count }).ToList(),
        };
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FreezeRowCount = 1, AutoFilter = true });
    }

    private const string Percent = "0.0%";

    // The CSV's columns, one row per tier, the district or a body.
    private sealed class StatisticsLine
    {
        [ExcelColumn(Name = "级别 level", Width = 10)] public string Level { get; init; } = "";
        [ExcelColumn(Name = "编号 scope", Width = 22)] public string Scope { get; init; } = "";
        [ExcelColumn(Name = "名称 name", Width = 34)] public string Name { get; init; } = "";
        [ExcelColumn(Name = "受理 cases", Width = 12)] public int CasesAccepted { get; init; }
        [ExcelColumn(Name = "办结 done", Width = 12)] public int CasesCompleted { get; init; }
        [ExcelColumn(Name = "按时办结 on time", Width = 16)] public int CompletedOnTime { get; init; }
        [ExcelColumn(Name = "按时率 on-time rate", Width = 18, Format = Percent)] public decimal? OnTimeRate { get; init; }
        [ExcelColumn(Name = "超期未办结 overdue", Width = 18)] public int OverdueOpen { get; init; }
        [ExcelColumn(Name = "网办占比 online", Width = 16, Format = Percent)] public decimal? OnlineShare { get; init; }
        [ExcelColumn(Name = "评价 ratings", Width = 12)] public int Ratings { get; init; }
        [ExcelColumn(Name = "好评率 good", Width = 14, Format = Percent)] public decimal? GoodRate { get; init; }
        [ExcelColumn(Name = "差评率 bad", Width = 14, Format = Percent)] public decimal? BadRate { get; init; }
        [ExcelColumn(Name = "未评价率 unrated", Width = 16, Format = Percent)] public decimal? UnratedRate { get; init; }
        [ExcelColumn(Name = "差评按时整改率 rectified on time", Width = 28, Format = Percent)] public decimal? BadReviewsRectifiedOnTime { get; init; }
        [ExcelColumn(Name = "投诉 complaints", Width = 14)] public int Complaints { get; init; }
        [ExcelColumn(Name = "出勤率 attendance", Width = 16, Format = Percent)] public decimal? AttendanceRate { get; init; }

        public static StatisticsLine Of(string level, string name, StatisticsRow x) => new()
        {
            Level = level, Scope = x.Scope, Name = name, CasesAccepted = x.CasesAccepted, CasesCompleted = x.CasesCompleted, CompletedOnTime = x.CompletedOnTime,
            OnTimeRate = x.OnTimeRate, OverdueOpen = x.OverdueOpen, OnlineShare = x.OnlineShare, Ratings = x.Ratings, GoodRate = x.GoodRate, BadRate = x.BadRate,
            UnratedRate = x.UnratedRate, BadReviewsRectifiedOnTime = x.BadReviewsRectifiedOnTime, Complaints = x.Complaints, AttendanceRate = x.AttendanceRate,
        };
    }

    // One graded person: the five dimensions (Art. 26), the weighted total and the grade (Art. 28).
    private sealed class AppraisalLine
    {
        [ExcelColumn(Name = "编号 staff", Width = 24)] public string Staff { get; init; } = "";
        [ExcelColumn(Name = "姓名 name", Width = 10)] public string Name { get; init; } = "";
        [ExcelColumn(Name = "角色 role", Width = 22)] public string Role { get; init; } = "";
        [ExcelColumn(Name = "进驻机构 body", Width = 30)] public string Body { get; init; } = "";
        [ExcelColumn(Name = "指标体系 indicator set", Width = 24)] public string Set { get; init; } = "";
        [ExcelColumn(Name = "德 integrity", Width = 12, Format = "0.00")] public decimal? Integrity { get; init; }
        [ExcelColumn(Name = "能 ability", Width = 12, Format = "0.00")] public decimal? Ability { get; init; }
        [ExcelColumn(Name = "勤 diligence", Width = 12, Format = "0.00")] public decimal? Diligence { get; init; }
        [ExcelColumn(Name = "绩 performance", Width = 14, Format = "0.00")] public decimal? Performance { get; init; }
        [ExcelColumn(Name = "廉 probity", Width = 12, Format = "0.00")] public decimal? Probity { get; init; }
        [ExcelColumn(Name = "总分 total", Width = 12, Format = "0.00")] public decimal Total { get; init; }
        [ExcelColumn(Name = "等次 grade", Width = 16)] public string Grade { get; init; } = "";

        public static AppraisalLine Of(QuarterReport r, StaffAppraisal a)
        {
            var staff = r.Network.TryGetStaff(a.Staff, out var s) ? s : null;
            var d = r.DimensionScores(a);
            decimal? Score(Dimension dimension) => d.TryGetValue(dimension, out var score) ? score : null;
            return new AppraisalLine
            {
                Staff = a.Staff.Value,
                Name = staff is null ? "?" : PersonalData.MaskName(staff.Name),
                Role = staff?.Role.ToString() ?? "",
                Body = staff?.StationedAt is { } at && r.Network.TryGetBody(at, out var body) ? body.Name : "",
                Set = a.IndicatorSet ?? "",
                Integrity = Score(Dimension.Integrity), Ability = Score(Dimension.Ability), Diligence = Score(Dimension.Diligence),
                Performance = Score(Dimension.Performance), Probity = Score(Dimension.Probity),
                Total = a.Total!.Value,
                Grade = QuarterReport.GradeName(a.Grade!.Value),
            };
        }
    }

    private sealed class GradeLine
    {
        [ExcelColumn(Name = "等次 grade", Width = 16)] public string Grade { get; init; } = "";
        [ExcelColumn(Name = "人数 people", Width = 12)] public int Count { get; init; }
    }

    private sealed class SanctionLine
    {
        [ExcelColumn(Name = "编号 staff", Width = 24)] public string Staff { get; init; } = "";
        [ExcelColumn(Name = "姓名 name", Width = 10)] public string Name { get; init; } = "";
        [ExcelColumn(Name = "处理 sanction", Width = 16)] public string Kind { get; init; } = "";
        [ExcelColumn(Name = "说明", Width = 60)] public string Zh { get; init; } = "";
        [ExcelColumn(Name = "explanation", Width = 60)] public string En { get; init; } = "";
        [ExcelColumn(Name = "依据 citations", Width = 50)] public string Citations { get; init; } = "";
    }

    private sealed class RefusalLine
    {
        [ExcelColumn(Name = "条款 article", Width = 40)] public string Citation { get; init; } = "";
        [ExcelColumn(Name = "次数 refusals", Width = 14)] public int Count { get; init; }
    }
}
