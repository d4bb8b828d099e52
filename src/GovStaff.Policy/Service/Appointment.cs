using GovStaff.Policy.Organization;
using NodaTime;

namespace GovStaff.Policy.Service;

/// <summary>An appointment request (预约服务, Art. 12(7)).</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Body">The body asked.</param>
/// <param name="Channel">How it was asked.</param>
/// <param name="RequestedAt">When it was asked.</param>
/// <param name="Item">What the person wants done.</param>
public sealed record Appointment(string Id, ServiceBodyId Body, AppointmentChannel Channel, Instant RequestedAt, string Item)
{
    // Positional parameters that may not be null; checked in a field initializer so the properties (and the JSON) keep their order.
    private readonly bool _checked = Guard.NotNull(Id, nameof(Id)) && Guard.NotNull(Item, nameof(Item));

    /// <summary>The subject string, <c>appointment:{id}</c>.</summary>
    public string Subject => "appointment:" + Id;
}
