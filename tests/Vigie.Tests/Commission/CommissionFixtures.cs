using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Commission;

namespace Vigie.Tests.Commission;

/// <summary>Commission records written directly in the store, for the tests of the pages that read them.</summary>
public static class CommissionFixtures
{
    /// <summary>A planned session (next number) starting <paramref name="inDays"/> days from the fake clock's now.</summary>
    public static async Task<Guid> SessionAsync(VigieFactory factory, double inDays = 7, bool published = false, SessionKind kind = SessionKind.Ordinaire)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var id = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            var number = (await db.CommissionSessions.MaxAsync(s => (int?)s.Number) ?? 0) + 1;
            db.CommissionSessions.Add(new CommissionSession
            {
                Id = id, Number = number, Kind = kind, StartsAt = now.AddDays(inDays), Place = "Salle du conseil", CreatedAt = now, CreatedById = "fixture",
                AgendaPublishedAt = published ? now : null,
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<Guid> ItemAsync(VigieFactory factory, Guid session, Guid situation, int position, string? presenterId = null,
        bool urgent = false, bool representation = false) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var item = new AgendaItem
            {
                SessionId = session, SituationId = situation, Position = position, PresenterId = presenterId, Urgent = urgent,
                Representation = representation, CreatedAt = now, UpdatedAt = now,
            };
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            return item.Id;
        });

    public static Task InviteAsync(VigieFactory factory, Guid session, TestUser user, InvitationRole role = InvitationRole.Membre) =>
        factory.WithDbAsync(async db =>
        {
            db.SessionInvitations.Add(new SessionInvitation
            {
                SessionId = session, UserId = user.Id, Role = role, PersonName = user.Email, Institution = "Institution", InvitedAt = factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });

    /// <summary>A commitment version, unless one exists.</summary>
    public static Task EnsureCommitmentAsync(VigieFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            if (!await db.ConfidentialityCommitments.AnyAsync())
            {
                db.ConfidentialityCommitments.Add(new ConfidentialityCommitment
                {
                    Version = 1, Text = "Je garde le secret.", PublishedAt = factory.Clock.GetUtcNow().UtcDateTime, PublishedById = "fixture",
                });
                await db.SaveChangesAsync();
            }
        });

    public static Task UpdateSessionAsync(VigieFactory factory, Guid session, Action<CommissionSession> change) =>
        factory.WithDbAsync(async db =>
        {
            var s = await db.CommissionSessions.SingleAsync(x => x.Id == session);
            change(s);
            await db.SaveChangesAsync();
        });
}
