using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Platform.Email;

public enum MailTransportKind
{
    /// <summary>Each message is written as an .eml file in a folder (development, tests, trials).</summary>
    Pickup,

    /// <summary>Messages go to an SMTP relay (MailKit).</summary>
    Smtp,
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    None,
}

public sealed class MailOptions
{
    public const string Section = "Vigie:Mail";

    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Folder of the pickup transport, relative to the content root unless absolute.</summary>
    [Required]
    public string PickupFolder { get; set; } = "data/mail";

    [Required(ErrorMessage = "Vigie:Mail:From est obligatoire (adresse d'expédition).")]
    [EmailAddress]
    public string From { get; set; } = "vigie@localhost.invalid";

    public string FromName { get; set; } = "Vigie";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? User { get; set; }

    public string? Password { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
