using System.Text.Json.Serialization;
using GovStaff.Policy.Lifecycles;
using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>Where a complaint stands (Art. 22).</summary>
public enum ComplaintState
{
    /// <summary>Received but not accepted, or its acceptance refused: only accepting (again) is possible.</summary>
    [ChineseName("未受理")]
    Received = 3,

    /// <summary>Accepted (受理).</summary>
    [ChineseName("已受理")]
    Accepted = 0,

    /// <summary>Being investigated (调查核实).</summary>
    [ChineseName("调查核实中")]
    Investigating = 1,

    /// <summary>The outcome was fed back to the complainant (处理结果反馈): closed.</summary>
    [ChineseName("已反馈")]
    FedBack = 2,
}

/// <summary>The triggers of a complaint.</summary>
public enum ComplaintTrigger
{
    /// <summary>The hall or a township centre accepts the complaint.</summary>
    [ChineseName("受理")]
    Accept,

    /// <summary>Investigation starts.</summary>
    [ChineseName("调查核实")]
    Investigate,

    /// <summary>The outcome is fed back to the complainant.</summary>
    [ChineseName("反馈处理结果")]
    FeedBack,
}

/// <summary>A complaint or report (投诉、举报) accepted by the hall or a township centre (Art. 22).</summary>
public sealed record Complaint
{
    /// <summary>Creates a complaint in <see cref="ComplaintState.Received"/>; <c>ComplaintLifecycle.Accept</c> accepts it.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="body">The body that accepted it.</param>
    /// <param name="receivedOn">The day.</param>
    /// <param name="summary">What it is about.</param>
    /// <param name="about">The staff member complained about, if any.</param>
    public Complaint(string id, ServiceBodyId body, LocalDate receivedOn, string summary, StaffId? about = null)
    {
        Id = IdValidation.Check(id, "Complaint id");
        Body = Guard.Id(body, nameof(Body));
        ReceivedOn = Guard.IsoDate(receivedOn, nameof(ReceivedOn));
        Summary = Guard.Text(summary, nameof(Summary), 2000);
        About = about;
        State = ComplaintState.Received;
    }

    /// <summary>The complaint's id.</summary>
    public string Id { get; }

    /// <summary>The accepting body.</summary>
    public ServiceBodyId Body { get; }

    /// <summary>The day.</summary>
    public LocalDate ReceivedOn { get; }

    /// <summary>What it is about.</summary>
    public string Summary { get; }

    /// <summary>The staff member complained about, if any.</summary>
    public StaffId? About { get; }

    /// <summary>Where it stands.</summary>
    [JsonInclude]
    public ComplaintState State { get; internal init; }

    /// <summary>The outcome.</summary>
    [JsonInclude]
    public string? Outcome { get; internal init; }

    /// <summary>When the outcome was fed back.</summary>
    [JsonInclude]
    public LocalDate? FedBackOn { get; internal init; }

    /// <summary>The subject string, <c>complaint:{id}</c>.</summary>
    [JsonIgnore]
    public string Subject => "complaint:" + Id;
}
