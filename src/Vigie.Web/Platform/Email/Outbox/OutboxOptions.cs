using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>The outbox sender (<c>Vigie:Mail:Outbox</c>). See docs/signalements.md, "Envoi exactement une fois".</summary>
public sealed class OutboxOptions
{
    public const string Section = "Vigie:Mail:Outbox";

    /// <summary>Runs the background sender in this instance (turn off in tests, or on instances that must not send).</summary>
    public bool Background { get; set; } = true;

    /// <summary>How often the sender looks for due messages when nobody wakes it.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;

    /// <summary>How long a claim holds a message; past it, a message still being handed over is deemed interrupted.</summary>
    [Range(30, 86400)]
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>The first retry delay; it doubles at each attempt up to <see cref="MaxDelaySeconds"/>.</summary>
    [Range(1, 86400)]
    public int BaseDelaySeconds { get; set; } = 30;

    [Range(1, 86400)]
    public int MaxDelaySeconds { get; set; } = 3600;

    /// <summary>After this long since the message was queued, a failure that could be retried is final.</summary>
    [Range(1, 8760)]
    public int GiveUpAfterHours { get; set; } = 72;

    /// <summary>Messages taken in one pass.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>Names this instance in <see cref="OutboxMessage.ClaimedBy"/>: unique among the instances sharing the database.</summary>
    [Required]
    [StringLength(100, MinimumLength = 1)]
    public string InstanceName { get; set; } =
        $"{Environment.MachineName}-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
