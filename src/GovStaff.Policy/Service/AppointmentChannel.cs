namespace GovStaff.Policy.Service;

/// <summary>How an appointment was asked for (Art. 12(7): 现场、电话、网络).</summary>
public enum AppointmentChannel
{
    /// <summary>In person at the window.</summary>
    Visit = 0,

    /// <summary>By phone.</summary>
    Phone = 1,

    /// <summary>Online.</summary>
    Internet = 2,
}
