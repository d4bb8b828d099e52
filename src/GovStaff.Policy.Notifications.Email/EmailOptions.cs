namespace GovStaff.Policy.Notifications.Email;

/// <summary>The SMTP server and the addresses (<c>GovStaffPolicy:Notifications:Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>The SMTP host.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>The SMTP port. Default 25.</summary>
    public int Port { get; set; } = 25;

    /// <summary>Use STARTTLS when the server offers it (default), require TLS on connect, or none.</summary>
    public MailKit.Security.SecureSocketOptions Security { get; set; } = MailKit.Security.SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>The user name, if the server needs one.</summary>
    public string? UserName { get; set; }

    /// <summary>The password, if the server needs one.</summary>
    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>The sender's display name.</summary>
    public string FromName { get; set; } = "政务服务管理 GovStaff.Policy";

    /// <summary>The addresses every notification goes to.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>More addresses by recipient (<c>body:binhe-centre</c> → its director's mailbox).</summary>
    public Dictionary<string, List<string>> Routes { get; set; } = [];
}
