using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Compte;

public sealed class AccountsOptions
{
    public const string Section = "Vigie:Accounts";

    /// <summary>Login attempts (POST) allowed per client IP and minute before answering 429.</summary>
    [Range(1, 100_000)]
    public int LoginAttemptsPerMinute { get; set; } = 20;

    [Range(1, 240)]
    public int IdleTimeoutMinutes { get; set; } = 20;

    /// <summary>How long a step-up confirmation (fresh TOTP code) stays valid for sensitive actions.</summary>
    [Range(1, 60)]
    public int StepUpMinutes { get; set; } = 5;

    /// <summary>Optional file of extra common passwords (one per line) added to the shipped deny-list.</summary>
    public string? CommonPasswordsFile { get; set; }

    /// <summary>Seeds fictitious organisations and one user per role. Refused in Production.</summary>
    public bool Demo { get; set; }
}
