using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Commission;

/// <summary>Sessions, items, invitations and minutes written directly in the store (other pages create them in the app).</summary>
public static class LiveFixtures
{
    private static int _number = 1000;

    public sealed record SessionSetUp(Guid Session, IReadOnlyList<Guid> Items, IReadOnlyList<Guid> Situations);

    /// <summary>A published session in a week, with <paramref name="items"/> items (situations "Prénom1", "Prénom2"… born 1 March 2011).</summary>
    public static async Task<SessionSetUp> SessionAsync(VigieFactory factory, string createdById, int items = 2, string place = "Salle du conseil")
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var org = await factory.CreateOrganisationAsync();
        var situations = new List<Guid>();
        for (var i = 1; i <= items; i++)
        {
            situations.Add(await SituationFixtures.OpenAsync(factory, org, $"Nom{i}", $"Prénom{i}", new DateOnly(2011, 3, 1), "Villeurbanne"));
        }

        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var session = new CommissionSession
        {
            Number = Interlocked.Increment(ref _number),
            Kind = SessionKind.Ordinaire,
            StartsAt = now.AddDays(7),
            Place = place,
            CreatedAt = now,
            CreatedById = createdById,
            AgendaPublishedAt = now,
        };
        var itemIds = new List<Guid>();
        await factory.WithDbAsync(async db =>
        {
            db.CommissionSessions.Add(session);
            for (var i = 0; i < situations.Count; i++)
            {
                var item = new AgendaItem
                {
                    SessionId = session.Id,
                    SituationId = situations[i],
                    Position = i + 1,
                    Urgent = i == 0,
                    SummaryEncrypted = cipher.Encrypt($"Résumé du point {i + 1}", AgendaItem.SummaryPurpose),
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.AgendaItems.Add(item);
                itemIds.Add(item.Id);
            }

            await db.SaveChangesAsync();
        });
        return new SessionSetUp(session.Id, itemIds, situations);
    }

    public static Task InviteAsync(VigieFactory factory, Guid session, string? userId, InvitationRole role, string name, string institution,
        bool accepted = false) =>
        factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            db.SessionInvitations.Add(new SessionInvitation
            {
                SessionId = session, UserId = userId, Role = role, PersonName = name, Institution = institution, InvitedAt = now,
            });
            if (accepted && userId is not null)
            {
                var commitment = db.ConfidentialityCommitments.OrderByDescending(c => c.Version).FirstOrDefault();
                if (commitment is null)
                {
                    commitment = new ConfidentialityCommitment { Version = 1, Text = "Engagement", PublishedAt = now, PublishedById = "fixture" };
                    db.ConfidentialityCommitments.Add(commitment);
                }

                db.CommitmentAcceptances.Add(new CommitmentAcceptance { SessionId = session, UserId = userId, CommitmentId = commitment.Id, AcceptedAt = now });
            }

            await db.SaveChangesAsync();
        });
}
