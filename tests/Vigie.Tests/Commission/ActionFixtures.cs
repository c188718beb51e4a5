using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Commission;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Commission;

/// <summary>Commission records created directly in the store (the pages that make them belong to other parts).</summary>
public static class ActionFixtures
{
    /// <summary>A session (next free number) at <paramref name="startsAt"/>.</summary>
    public static async Task<Guid> SessionAsync(VigieFactory factory, DateTime startsAt, SessionStatus status = SessionStatus.Tenue,
        SessionKind kind = SessionKind.Ordinaire)
    {
        var id = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            var number = (await db.CommissionSessions.MaxAsync(s => (int?)s.Number) ?? 0) + 1;
            db.CommissionSessions.Add(new CommissionSession
            {
                Id = id, Number = number, Kind = kind, Status = status, StartsAt = startsAt, CreatedAt = startsAt.AddDays(-30),
                CreatedById = "fixture", AgendaPublishedAt = startsAt.AddDays(-7),
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static async Task<Guid> ItemAsync(VigieFactory factory, Guid session, Guid situation, bool representation = false)
    {
        var id = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var position = await db.AgendaItems.CountAsync(i => i.SessionId == session) + 1;
            db.AgendaItems.Add(new AgendaItem
            {
                Id = id, SessionId = session, SituationId = situation, Position = position, Representation = representation,
                CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>An action on <paramref name="item"/> of <paramref name="session"/> for <paramref name="situation"/>.</summary>
    public static async Task<Guid> ActionAsync(VigieFactory factory, Guid session, Guid item, Guid situation, Guid organisation, string? owner,
        DateOnly dueOn, string description = "Rencontrer la famille", ActionStatus status = ActionStatus.Ouverte, DateTime? closedAt = null)
    {
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var id = Guid.CreateVersion7();
        await factory.WithDbAsync(async db =>
        {
            db.CommissionActions.Add(new CommissionAction
            {
                Id = id, AgendaItemId = item, SessionId = session, SituationId = situation,
                DescriptionEncrypted = cipher.Encrypt(description, CommissionAction.DescriptionPurpose),
                OwnerId = owner, OwnerOrganisationId = organisation, DueOn = dueOn, Status = status, ClosedAt = closedAt,
                ClosedById = closedAt is null ? null : owner, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, CreatedById = "fixture",
            });
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static Task<CommissionAction> ReadActionAsync(VigieFactory factory, Guid id) =>
        factory.WithDbAsync(db => db.CommissionActions.AsNoTracking().SingleAsync(a => a.Id == id));

    public static DateOnly ParisToday(VigieFactory factory) =>
        DateOnly.FromDateTime(Vigie.Web.Platform.Web.ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime));
}
