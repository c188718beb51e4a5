using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Notifications;

/// <summary>
/// An in-app notice for one user. <see cref="Message"/> is written by Vigie from a fixed template
/// and never contains personal data about a minor (no name, no birth date, no case content); the
/// link leads to the page where the action waits, behind the usual access rules.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public string UserId { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Message { get; set; } = string.Empty;

    public string Link { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }

    /// <summary>When the e-mail copy was handed to the mail transport; null when not (yet) sent.</summary>
    public DateTime? EmailedAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.UserId).HasMaxLength(64);
        builder.Property(n => n.Kind).HasMaxLength(40);
        builder.Property(n => n.Message).HasMaxLength(300);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
