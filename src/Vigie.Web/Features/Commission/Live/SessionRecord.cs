using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Live;

public sealed record RecordedInvitation(Guid Id, string? UserId, InvitationRole Role, string PersonName, string Institution, Attendance Attendance);

public sealed record RecordedDecision(Guid Id, Guid ItemId, DecisionKind Kind, string? Detail, DateOnly? RepresentOn);

public sealed record RecordedAction(Guid Id, Guid ItemId, string Description, string? OwnerName, string Organisation, DateOnly DueOn, ActionStatus Status);

/// <summary>One agenda item as the session recorded it, decrypted.</summary>
public sealed record RecordedItem(
    Guid Id,
    int Position,
    string FirstName,
    int Age,
    string? Territory,
    string? Presenter,
    bool Urgent,
    bool Representation,
    string? Summary,
    string? Shared,
    string? Advice,
    DateOnly? ReviewOn,
    int Version,
    IReadOnlyList<RecordedDecision> Decisions,
    IReadOnlyList<RecordedAction> Actions)
{
    /// <summary>"Lina, 15 ans": what members see of the minor.</summary>
    public string Title => $"{FirstName}, {Age} ans";
}

/// <summary>
/// What a session recorded, read in one query per kind of row (session, invitations, items with
/// their situation, decisions, actions) and decrypted: the live page and the minutes' draft both
/// read it. No N+1: the page holds 25 items and 200 actions.
/// </summary>
public sealed record SessionRecord(CommissionSession Session, IReadOnlyList<RecordedInvitation> Invitations, IReadOnlyList<RecordedItem> Items)
{
    /// <summary>Invitations by institution (alphabetical), each with its people.</summary>
    public IEnumerable<IGrouping<string, RecordedInvitation>> ByInstitution =>
        Invitations.GroupBy(i => i.Institution).OrderBy(g => g.Key, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true));

    public static async Task<SessionRecord?> LoadAsync(VigieDbContext db, FieldCipher cipher, Guid sessionId, DateOnly today,
        CancellationToken cancellationToken = default)
    {
        var session = await db.CommissionSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var invitations = await db.SessionInvitations.AsNoTracking().Where(i => i.SessionId == sessionId)
            .OrderBy(i => i.Institution).ThenBy(i => i.PersonName)
            .Select(i => new RecordedInvitation(i.Id, i.UserId, i.Role, i.PersonName, i.Institution, i.Attendance))
            .ToListAsync(cancellationToken);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.SessionId == sessionId)
            .Join(db.Situations, i => i.SituationId, s => s.Id, (i, s) => new
            {
                i.Id, i.Position, s.FirstNameEncrypted, s.BirthDateEncrypted, s.Territory, i.Urgent, i.Representation,
                Presenter = db.Users.Where(u => u.Id == i.PresenterId).Select(u => u.DisplayName).FirstOrDefault(),
                i.SummaryEncrypted, i.SharedInformationEncrypted, i.AdviceEncrypted, i.ReviewOn, i.Version,
            })
            .OrderBy(i => i.Position)
            .ToListAsync(cancellationToken);
        var decisions = await db.CommissionDecisions.AsNoTracking()
            .Where(d => db.AgendaItems.Any(i => i.Id == d.AgendaItemId && i.SessionId == sessionId))
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.AgendaItemId, d.Kind, d.DetailEncrypted, d.RepresentOn })
            .ToListAsync(cancellationToken);
        var actions = await db.CommissionActions.AsNoTracking().Where(a => a.SessionId == sessionId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.AgendaItemId, a.DescriptionEncrypted, a.DueOn, a.Status,
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Organisation = db.Organisations.Where(o => o.Id == a.OwnerOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        var decisionsByItem = decisions.ToLookup(d => d.AgendaItemId, d => new RecordedDecision(d.Id, d.AgendaItemId, d.Kind,
            Decrypt(cipher, d.DetailEncrypted, CommissionDecision.DetailPurpose), d.RepresentOn));
        var actionsByItem = actions.ToLookup(a => a.AgendaItemId, a => new RecordedAction(a.Id, a.AgendaItemId,
            cipher.Decrypt(a.DescriptionEncrypted, CommissionAction.DescriptionPurpose), a.Owner, a.Organisation ?? string.Empty, a.DueOn, a.Status));
        var recorded = items.Select(i => new RecordedItem(
                i.Id,
                i.Position,
                cipher.Decrypt(i.FirstNameEncrypted, Situation.FirstNamePurpose),
                AgeBands.YearsOld(DateOnly.Parse(cipher.Decrypt(i.BirthDateEncrypted, Situation.BirthDatePurpose), CultureInfo.InvariantCulture), today),
                i.Territory,
                i.Presenter,
                i.Urgent,
                i.Representation,
                Decrypt(cipher, i.SummaryEncrypted, AgendaItem.SummaryPurpose),
                Decrypt(cipher, i.SharedInformationEncrypted, AgendaItem.SharedPurpose),
                Decrypt(cipher, i.AdviceEncrypted, AgendaItem.AdvicePurpose),
                i.ReviewOn,
                i.Version,
                [.. decisionsByItem[i.Id]],
                [.. actionsByItem[i.Id]]))
            .ToList();
        return new SessionRecord(session, invitations, recorded);
    }

    private static string? Decrypt(FieldCipher cipher, string? value, string purpose) =>
        value is null ? null : cipher.Decrypt(value, purpose);
}
