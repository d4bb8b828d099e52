using BenchmarkDotNet.Attributes;
using GovStaff.Policy.Decisions;
using GovStaff.Policy.Plugins;
using GovStaff.Policy.Regulation;
using GovStaff.Policy.Serialization;
using NodaTime;

namespace GovStaff.Policy.Benchmarks;

/// <summary>
/// What recording one action costs: its decision (four findings, bilingual), its event and its notification, each
/// serialised with the library's options as the recorder does. The baseline writes the same texts as one plain JSON
/// string array — the floor for this much text — so each ratio is the price of the record's structure.
/// </summary>
[MemoryDiagnoser]
public class RecordSerializationBenchmarks
{
    private Decision _decision = null!;
    private DomainEvent _event = null!;
    private string[] _texts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var message = new LocalizedText("乡镇民生服务中心工作人员由所属乡镇考核。", "Township centre staff are appraised by their township.");
        var findings = Enumerable.Range(0, 4).Select(i => new Finding($"art24.finding-{i}", Severity.Satisfied, new Citation(24), message, "staff:s1")).ToArray();
        _decision = new Decision("appraisal.score", "appraisal:A1", findings, "shapotou-2021-trial", Instant.FromUtc(2023, 1, 5, 1, 0));
        _event = new DomainEvent("appraisal.score", "appraisal:A1", Actor.For("考核组", new Organization.HomeUnitId("binhe")), _decision.EvaluatedAt, new LocalDate(2023, 1, 5),
            _decision.Citations, _decision.PolicyVersion, new LocalizedText("appraisal:A1：待考核 → 已评分", "appraisal:A1: Open → Scored"),
            new Dictionary<string, string> { ["period"] = "2022Q4", ["from"] = "Open", ["to"] = "Scored" });
        _texts = findings.SelectMany(f => new[] { f.Code, f.Message.Zh, f.Message.En, f.Subject! }).ToArray();
    }

    [Benchmark(Baseline = true)]
    public string SameText_AsAStringArray() => GovStaffJson.Serialize(_texts);

    [Benchmark]
    public string Decision() => GovStaffJson.Serialize(_decision);

    [Benchmark]
    public string Event() => GovStaffJson.Serialize(_event);

    [Benchmark]
    public string Notification_FromEvent() => GovStaffJson.Serialize(Plugins.Notification.From(_event));
}
