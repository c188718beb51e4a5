using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vigie.Web.Features.Administration;

namespace Vigie.Web.Features.Compte;

/// <summary>A person who uses Vigie. Never deleted: deactivated, so history keeps its authors.</summary>
public sealed class VigieUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    public string? JobTitle { get; set; }

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAt { get; set; }

    public DateTime? DeactivatedAt { get; set; }

    /// <summary>Set when an administrator chose the password: the user must pick their own at next login.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Last TOTP time step accepted, so a code cannot be replayed within its validity window.</summary>
    public long LastTotpTimeStep { get; set; }
}

internal sealed class VigieUserConfiguration : IEntityTypeConfiguration<VigieUser>
{
    public void Configure(EntityTypeBuilder<VigieUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.JobTitle).HasMaxLength(200);
        builder.HasOne(u => u.Organisation).WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OrganisationId);
    }
}
