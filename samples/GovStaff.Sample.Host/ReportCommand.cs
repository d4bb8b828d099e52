using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text;
using GovStaff.Policy.Appraisal;
using GovStaff.Policy.Calendars;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Reporting;
using GovStaff.Sample.Host.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace GovStaff.Sample.Host;

/// <summary>
/// <c>report --quarter 2022Q4 [--format md|html|csv|xlsx] [--output FILE]</c>: the three-tier statistics (Art. 21) and
/// appraisal results of the stored quarter, as Markdown, CSV, a self-contained HTML page with charts, or a workbook.
/// </summary>
internal static class ReportCommand
{
    public static Command Build(IServiceProvider services, SampleHostRun run)
    {
        var quarter = new Option<string>("--quarter")
        {
            Description = $"The quarter, e.g. {QuarterSimulation.Quarter} (the quarter the main job simulates).",
            DefaultValueFactory = _ => QuarterSimulation.Quarter.ToString(),
        };
        var format = new Option<string>("--format") { Description = "md (default), html, csv or xlsx (xlsx needs --output).", DefaultValueFactory = _ => "md" };
        var output = new Option<FileInfo>("--output") { CustomParser = r => run.File(r.Tokens[0].Value), Description = "Write the report to this file instead of the console (required for xlsx)." };
        var command = new Command("report",
            "Print the stored quarter's three-tier statistics (Art. 21) and appraisal results (Arts. 27–29).\n" +
            "Run the main job first: the report reads what it stored.\n\n" +
            "Examples:\n" +
            $"  report --quarter {QuarterSimulation.Quarter}\n" +
            $"  report --quarter {QuarterSimulation.Quarter} --format html > shapotou-{QuarterSimulation.Quarter}.html\n" +
            $"  report --quarter {QuarterSimulation.Quarter} --format csv > bodies.csv\n" +
            $"  report --quarter {QuarterSimulation.Quarter} --format xlsx --output shapotou-{QuarterSimulation.Quarter}.xlsx")
        {
            quarter, format, output,
        };
        command.SetAction(async (r, ct) =>
        {
            AppraisalPeriod period;
            try
            {
                period = AppraisalPeriod.Parse(r.GetValue(quarter)!);
            }
            catch (FormatException e)
            {
                run.Error.WriteLine("error: --quarter: " + e.Message);
                return ExitCodes.BadInput;
            }

            var kind = r.GetValue(format)?.ToLowerInvariant();
            Action<QuarterReport, TextWriter>? render = kind switch
            {
                "md" or "markdown" => WriteMarkdown,
                "csv" => WriteCsv,
                "html" => WriteHtml,
                _ => null,
            };
            if (render is null && kind != "xlsx")
            {
                run.Error.WriteLine($"error: --format: unknown format '{r.GetValue(format)}'; use md, html, csv or xlsx.");
                return ExitCodes.BadInput;
            }

            var file = r.GetValue(output);
            if (kind == "xlsx" && file is null)
            {
                run.Error.WriteLine("error: --format xlsx writes a workbook, not text: add --output FILE.xlsx.");
                return ExitCodes.BadInput;
            }

            if (period != QuarterSimulation.Quarter)
            {
                run.Error.WriteLine($"error: no data for {period}: the sample stores {QuarterSimulation.Quarter} only.");
                return ExitCodes.NoData;
            }

            var report = await QuarterReport.LoadAsync(
                services.GetRequiredService<IPolicyStore>(),
                SampleCalendar.WithAssumedDays(services.GetRequiredService<WorkCalendar>()),
                services.GetRequiredService<PolicyVersionSet>(),
                ct);
            if (report is null)
            {
                run.Error.WriteLine("error: the store holds no simulated district yet; run the main job first (no arguments).");
                return ExitCodes.NoData;
            }

            if (file is null)
            {
                render!(report, run.Out);
                return ExitCodes.Ok;
            }

            return OutputFile.Write(run, file, stream =>
            {
                if (render is null)
                {
                    ReportWorkbook.Write(report, stream);
                    return;
                }

                using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
                render(report, writer);
            }, "Report written / 已写入报告");
        });
        return command;
    }

    private static string Title(QuarterReport r) =>
        $"沙坡头区{r.Quarter.Year}年第{r.Quarter.Number}季度政务服务情况 / Shapotou District, {r.Quarter}";

    private static IEnumerable<(string Name, StatisticsRow Row)> Rows(QuarterReport r) =>
        r.Statistics.Tiers.Append(r.Statistics.District).Select(t => (r.TierName(t), t));

    private static readonly string[] Header =
        ["受理 cases", "办结 done", "按时率 on time", "超期 overdue", "网办 online", "评价 ratings", "好评率 good", "投诉 complaints", "出勤率 attendance"];

    private static string[] Cells(StatisticsRow x) =>
    [
        Num(x.CasesAccepted), Num(x.CasesCompleted), QuarterReport.P(x.OnTimeRate), Num(x.OverdueOpen), QuarterReport.P(x.OnlineShare),
        Num(x.Ratings), QuarterReport.P(x.GoodRate), Num(x.Complaints), QuarterReport.P(x.AttendanceRate),
    ];

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void WriteMarkdown(QuarterReport r, TextWriter o)
    {
        static string Md(string s) => s.Replace("|", "\\|", StringComparison.Ordinal);
        void Table(string first, IEnumerable<(string Name, StatisticsRow Row)> rows)
        {
            o.WriteLine($"| {first} | {string.Join(" | ", Header)} |");
            o.WriteLine("|---" + string.Concat(Enumerable.Repeat("|---:", Header.Length)) + "|");
            foreach (var (name, row) in rows)
            {
                o.WriteLine($"| {Md(name)} | {string.Join(" | ", Cells(row))} |");
            }
        }

        o.WriteLine($"# {Title(r)}");
        o.WriteLine();
        o.WriteLine("## 三级统计 / Three tiers (第二十一条 / Art. 21)");
        o.WriteLine();
        Table("层级 / tier", Rows(r));
        o.WriteLine();
        o.WriteLine("## 各中心 / Each body");
        o.WriteLine();
        Table("机构 / body", r.Statistics.Bodies.Select(b => (b.Name, b)));
        o.WriteLine();
        o.WriteLine("## 考核 / Appraisal (第二十七条 / Art. 27)");
        o.WriteLine();
        o.WriteLine(r.GradeCounts());
        o.WriteLine();
        o.WriteLine("## 不予通过（按条款） / Refused, by article");
        o.WriteLine();
        foreach (var (citation, count) in r.Refusals)
        {
            o.WriteLine($"- {citation}: {count}");
        }

        o.WriteLine();
        o.WriteLine("## 处理 / Sanctions");
        o.WriteLine();
        foreach (var s in r.Sanctions.OrderBy(s => s.Staff, StringComparer.Ordinal))
        {
            o.WriteLine($"- {r.MaskedName(s.Staff)} ({s.Staff}): {Md(s.Message.Zh)} / {Md(s.Message.En)} [{string.Join("; ", s.Citations)}]");
        }
    }

    /// <summary>
    /// One CSV cell. A text a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR: OWASP's CSV
    /// injection) is kept as text with a leading apostrophe, as the xlsx and HTML reports keep it as text; a cell with a
    /// comma, quote or line break is quoted.
    /// </summary>
    internal static string CsvField(string s)
    {
        var text = s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void WriteCsv(QuarterReport r, TextWriter o)
    {
        // One row per body, tier and the district; rates as fractions so a spreadsheet can compute with them.
        static string Rate(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
        o.Write("quarter,level,scope,name,cases_accepted,cases_completed,completed_on_time,on_time_rate,overdue_open,online_share," +
            "ratings,good_rate,bad_rate,unrated_rate,bad_reviews_rectified_on_time,complaints,attendance_rate\r\n");
        void Row(string level, StatisticsRow x) => o.Write(string.Join(',',
            r.Quarter.ToString(), level, CsvField(x.Scope), CsvField(x.Name), Num(x.CasesAccepted), Num(x.CasesCompleted), Num(x.CompletedOnTime),
            Rate(x.OnTimeRate), Num(x.OverdueOpen), Rate(x.OnlineShare), Num(x.Ratings), Rate(x.GoodRate), Rate(x.BadRate),
            Rate(x.UnratedRate), Rate(x.BadReviewsRectifiedOnTime), Num(x.Complaints), Rate(x.AttendanceRate)) + "\r\n");
        foreach (var b in r.Statistics.Bodies)
        {
            Row("body", b);
        }

        foreach (var t in r.Statistics.Tiers)
        {
            Row("tier", t);
        }

        Row("district", r.Statistics.District);
    }

    private static void WriteHtml(QuarterReport r, TextWriter o)
    {
        // Well-formed XHTML-style markup (every element closed, every text encoded) so the page also parses as XML.
        static string H(string s) => WebUtility.HtmlEncode(s);
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\" />\n<title>").Append(H(Title(r))).Append("</title>\n")
            .Append("<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .Append("th,td{border:1px solid #bbb;padding:.3em .6em}td.n{text-align:right}th{background:#f0f0f0}")
            .Append("svg text{font-size:12px;font-family:sans-serif}</style>\n</head>\n<body>\n")
            .Append("<h1>").Append(H(Title(r))).Append("</h1>\n");
        void Table(string first, IEnumerable<(string Name, StatisticsRow Row)> rows)
        {
            b.Append("<table>\n<thead><tr><th>").Append(H(first)).Append("</th>");
            foreach (var h in Header)
            {
                b.Append("<th>").Append(H(h)).Append("</th>");
            }

            b.Append("</tr></thead>\n<tbody>\n");
            foreach (var (name, row) in rows)
            {
                b.Append("<tr><td>").Append(H(name)).Append("</td>");
                foreach (var c in Cells(row))
                {
                    b.Append("<td class=\"n\">").Append(H(c)).Append("</td>");
                }

                b.Append("</tr>\n");
            }

            b.Append("</tbody>\n</table>\n");
        }

        b.Append("<h2>三级统计 / Three tiers (第二十一条 / Art. 21)</h2>\n");
        Table("层级 / tier", Rows(r));
        b.Append("<h2>按时办结率 / On-time rate per centre</h2>\n");
        Chart(b, "on-time", r.Statistics.Bodies.Select(x => (x.Name, x.OnTimeRate)));
        b.Append("<h2>好评率 / Satisfaction (good reviews) per centre</h2>\n");
        Chart(b, "satisfaction", r.Statistics.Bodies.Select(x => (x.Name, x.GoodRate)));
        b.Append("<h2>各中心 / Each body</h2>\n");
        Table("机构 / body", r.Statistics.Bodies.Select(x => (x.Name, x)));
        b.Append("<h2>考核 / Appraisal (第二十七条 / Art. 27)</h2>\n<p>").Append(H(r.GradeCounts())).Append("</p>\n");
        b.Append("<h2>不予通过（按条款） / Refused, by article</h2>\n<ul>\n");
        foreach (var (citation, count) in r.Refusals)
        {
            b.Append("<li>").Append(H($"{citation}: {count}")).Append("</li>\n");
        }

        b.Append("</ul>\n<h2>处理 / Sanctions</h2>\n<ul>\n");
        foreach (var s in r.Sanctions.OrderBy(s => s.Staff, StringComparer.Ordinal))
        {
            b.Append("<li>").Append(H($"{r.MaskedName(s.Staff)} ({s.Staff}): {s.Message.Zh} / {s.Message.En}"))
                .Append(" <small>[").Append(H(string.Join("; ", s.Citations))).Append("]</small></li>\n");
        }

        b.Append("</ul>\n</body>\n</html>\n");
        o.Write(b.ToString());
    }

    /// <summary>A horizontal bar chart of rates, one bar per body; bodies with nothing to count show a dash.</summary>
    private static void Chart(StringBuilder b, string id, IEnumerable<(string Name, decimal? Rate)> bars)
    {
        const int label = 220, width = 300, bar = 18, gap = 6;
        var list = bars.ToArray();
        var height = list.Length * (bar + gap) + gap;
        var inv = CultureInfo.InvariantCulture;
        b.Append(inv, $"<svg id=\"chart-{id}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + width + 70}\" height=\"{height}\" role=\"img\">\n");
        for (var i = 0; i < list.Length; i++)
        {
            var (name, rate) = list[i];
            var y = gap + i * (bar + gap);
            b.Append(inv, $"<text x=\"{label - 6}\" y=\"{y + 13}\" text-anchor=\"end\">{WebUtility.HtmlEncode(name)}</text>");
            b.Append(inv, $"<rect x=\"{label}\" y=\"{y}\" width=\"{width}\" height=\"{bar}\" fill=\"#eee\" />");
            if (rate is { } v)
            {
                b.Append(inv, $"<rect x=\"{label}\" y=\"{y}\" width=\"{(double)v * width:0.#}\" height=\"{bar}\" fill=\"#2b6cb0\" />");
            }

            b.Append(inv, $"<text x=\"{label + width + 6}\" y=\"{y + 13}\">{QuarterReport.P(rate)}</text>\n");
        }

        b.Append("</svg>\n");
    }
}
