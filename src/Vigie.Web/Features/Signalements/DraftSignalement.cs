using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// Creates a draft from a situation's current evaluation: its reference (next number of the kind
/// and year), its recipients (settings, by territory), the pre-filled sections, and the creator as
/// author 1 with their contact details.
/// </summary>
public sealed class DraftSignalement(VigieDbContext db, FieldCipher cipher, TrameStore trame, IOptions<SignalementsOptions> options)
{
    private const int ReferenceAttempts = 5;

    /// <summary>The new draft, saved; null when the situation has no validated evaluation yet.</summary>
    public async Task<Signalement?> CreateAsync(Guid situationId, SignalementKind kind, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        var situation = await db.Situations.AsNoTracking().Where(s => s.Id == situationId)
            .Select(s => new { s.EvaluationCount, s.Territory }).SingleAsync(cancellationToken);
        var evaluation = situation.EvaluationCount == 0 ? null : await trame.ReadEvaluationAsync(situationId, situation.EvaluationCount);
        if (evaluation is null)
        {
            return null;
        }

        var entry = options.Value.For(situation.Territory);
        var author = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.DisplayName, u.JobTitle, Organisation = u.Organisation!.Name, u.PhoneNumber, u.Email })
            .SingleAsync(cancellationToken);
        var signalement = new Signalement
        {
            SituationId = situationId,
            Kind = kind,
            EvaluationNumber = evaluation.Row.Number,
            Territory = Truncate(situation.Territory ?? SignalementsOptions.AnyTerritory, 120),
            ContentEncrypted = SignalementPrefill.From(evaluation.Sections).Encrypt(cipher),
            RecipientsJson = SignalementRecipient.ToJson(SignalementRecipient.Choose(kind, entry, SignalementPrefill.HasJudicialMeasure(evaluation.Sections))),
            CreatedById = userId,
            CreatedAt = now,
            UpdatedById = userId,
            UpdatedAt = now,
        };
        signalement.Authors.Add(new SignalementAuthor
        {
            Position = 1,
            UserId = userId,
            Name = author.DisplayName,
            Function = author.JobTitle ?? string.Empty,
            Organisation = author.Organisation,
            Phone = author.PhoneNumber,
            Email = author.Email ?? string.Empty,
        });
        db.Signalements.Add(signalement);
        db.SituationEvents.Add(SituationEvent.Of(situationId, now, userId, SignalementEvents.Drafted, signalement.Id.ToString()));

        // Two drafts created at once may take the same number: the unique index refuses the second, which takes the next one.
        for (var attempt = 1; ; attempt++)
        {
            signalement.Reference = await NextReferenceAsync(kind, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return signalement;
            }
            catch (DbUpdateException) when (attempt < ReferenceAttempts)
            {
                // The entities stay Added: try again with the next free number.
            }
        }
    }

    public static string Prefix(SignalementKind kind) => kind == SignalementKind.Signalement ? "SIG" : "IP";

    private async Task<string> NextReferenceAsync(SignalementKind kind, DateTime now, CancellationToken cancellationToken)
    {
        var prefix = $"{Prefix(kind)}-{ParisTime.ToLocal(now).Year.ToString(CultureInfo.InvariantCulture)}-";
        // Fixed-width numbers: the greatest reference is the last number.
        var last = await db.Signalements.AsNoTracking().Where(s => s.Reference.StartsWith(prefix))
            .OrderByDescending(s => s.Reference).Select(s => s.Reference).FirstOrDefaultAsync(cancellationToken);
        var number = last is not null && int.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n + 1 : 1;
        return prefix + number.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
