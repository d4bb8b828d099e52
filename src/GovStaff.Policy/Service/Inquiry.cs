using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>A request or question from a person, owned by the first staff member who received it (首问责任人, Art. 12(3)).</summary>
/// <param name="Id">The inquiry's id.</param>
/// <param name="Body">Where it was received.</param>
/// <param name="FirstContact">The first staff member who received the person: the owner.</param>
/// <param name="ReceivedOn">The day.</param>
/// <param name="Topic">What it is about.</param>
public sealed record Inquiry(string Id, ServiceBodyId Body, StaffId FirstContact, LocalDate ReceivedOn, string Topic)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Topic, nameof(Topic));

    /// <summary>The subject string, <c>inquiry:{id}</c>.</summary>
    public string Subject => "inquiry:" + Id;
}
