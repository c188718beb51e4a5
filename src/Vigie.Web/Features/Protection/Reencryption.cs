using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Protection;

/// <summary>
/// The re-encryption pass after a field-key rotation: every encrypted column of every table is
/// read in batches and each value written under an older key is rewritten under the current one.
/// A value is only replaced if it has not changed since it was read (the update compares it), so
/// the pass can run while Vigie serves users. Also fills a missing name index (rows written before
/// the name search existed). Every encrypted column must be listed here: a test checks the model.
/// </summary>
public sealed class Reencryption(VigieDbContext db, FieldCipher cipher, BlindIndex index)
{
    public const int BatchSize = 500;

    /// <summary>(entity, encrypted column, purpose): every column written with <see cref="FieldCipher"/>.</summary>
    public static readonly IReadOnlyList<(Type Entity, string Column, string Purpose)> Columns =
    [
        (typeof(Situation), nameof(Situation.LastNameEncrypted), Situation.LastNamePurpose),
        (typeof(Situation), nameof(Situation.FirstNameEncrypted), Situation.FirstNamePurpose),
        (typeof(Situation), nameof(Situation.BirthDateEncrypted), Situation.BirthDatePurpose),
        (typeof(TrameDraft), nameof(TrameDraft.SecretEncrypted), TrameDraft.SecretPurpose),
        (typeof(Evaluation), nameof(Evaluation.SecretEncrypted), Evaluation.SecretPurpose),
        (typeof(SituationAssignment), nameof(SituationAssignment.ReasonEncrypted), SituationAssignment.ReasonPurpose),
        (typeof(EmergencyAccess), nameof(EmergencyAccess.JustificationEncrypted), EmergencyAccess.JustificationPurpose),
        (typeof(LegalStep), nameof(LegalStep.ExternalReferenceEncrypted), LegalStep.ReferencePurpose),
        (typeof(Signalement), nameof(Signalement.ContentEncrypted), Signalement.ContentPurpose),
        (typeof(Signalement), nameof(Signalement.PdfEncrypted), Signalement.PdfPurpose),
        (typeof(Signalement), nameof(Signalement.ParquetReferenceEncrypted), Signalement.ParquetReferencePurpose),
        (typeof(OutboxMessage), nameof(OutboxMessage.MimeEncrypted), OutboxMessage.MimePurpose),
        (typeof(ReviewRequest), nameof(ReviewRequest.ReasonEncrypted), ReviewRequest.ReasonPurpose),
        (typeof(ReviewRequest), nameof(ReviewRequest.AskEncrypted), ReviewRequest.AskPurpose),
        (typeof(ReviewRequest), nameof(ReviewRequest.DeclineReasonEncrypted), ReviewRequest.DeclinePurpose),
        (typeof(AgendaItem), nameof(AgendaItem.SummaryEncrypted), AgendaItem.SummaryPurpose),
        (typeof(AgendaItem), nameof(AgendaItem.IndicatorsEncrypted), AgendaItem.IndicatorsPurpose),
        (typeof(AgendaItem), nameof(AgendaItem.SharedInformationEncrypted), AgendaItem.SharedPurpose),
        (typeof(AgendaItem), nameof(AgendaItem.AdviceEncrypted), AgendaItem.AdvicePurpose),
        (typeof(CommissionDecision), nameof(CommissionDecision.DetailEncrypted), CommissionDecision.DetailPurpose),
        (typeof(CommissionAction), nameof(CommissionAction.DescriptionEncrypted), CommissionAction.DescriptionPurpose),
        (typeof(CommissionAction), nameof(CommissionAction.ClosingNoteEncrypted), CommissionAction.ClosingPurpose),
        (typeof(SessionMinutes), nameof(SessionMinutes.ContentEncrypted), SessionMinutes.ContentPurpose),
        (typeof(MinutesAmendment), nameof(MinutesAmendment.TextEncrypted), MinutesAmendment.TextPurpose),
        (typeof(Accompaniment), nameof(Accompaniment.EndCommentEncrypted), Accompaniment.EndCommentPurpose),
        (typeof(AccompanimentNote), nameof(AccompanimentNote.TextEncrypted), AccompanimentNote.TextPurpose),
        (typeof(Orientation), nameof(Orientation.ReasonEncrypted), Orientation.ReasonPurpose),
        (typeof(Orientation), nameof(Orientation.EndReasonEncrypted), Orientation.EndReasonPurpose),
    ];

    public sealed record Report(string Table, string Column, int Read, int Rewritten);

    public async Task<IReadOnlyList<Report>> RunAsync(Action<Report>? progress = null, CancellationToken cancellationToken = default)
    {
        var reports = new List<Report>();
        foreach (var (entity, column, purpose) in Columns)
        {
            var method = typeof(Reencryption).GetMethod(nameof(PassAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity);
            var report = await (Task<Report>)method.Invoke(this, [column, purpose, cancellationToken])!;
            progress?.Invoke(report);
            reports.Add(report);
        }

        await FillNameIndexAsync(cancellationToken);
        return reports;
    }

    private async Task<Report> PassAsync<T>(string column, string purpose, CancellationToken cancellationToken)
        where T : class
    {
        var set = db.Set<T>();
        var read = 0;
        var rewritten = 0;
        var last = Guid.Empty;
        while (true)
        {
            var after = last;
            var batch = await set.AsNoTracking()
                .Where(e => EF.Property<Guid>(e, "Id").CompareTo(after) > 0)
                .OrderBy(e => EF.Property<Guid>(e, "Id"))
                .Select(e => new { Id = EF.Property<Guid>(e, "Id"), Value = EF.Property<string?>(e, column) })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            read += batch.Count;
            last = batch[^1].Id;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var row in batch)
            {
                if (string.IsNullOrEmpty(row.Value) || !cipher.IsOlderThanCurrentKey(row.Value))
                {
                    continue;
                }

                var fresh = cipher.Encrypt(cipher.Decrypt(row.Value, purpose), purpose);
                var old = row.Value;
                var id = row.Id;
                rewritten += await set
                    .Where(e => EF.Property<Guid>(e, "Id") == id && EF.Property<string?>(e, column) == old)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string?>(e, column), fresh), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return new Report(db.Model.FindEntityType(typeof(T))!.GetTableName()!, column, read, rewritten);
    }

    private async Task FillNameIndexAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.Situations.Where(s => s.NameIndex == string.Empty).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var situation in batch)
            {
                situation.SetIdentity(situation.ReadIdentity(cipher), cipher, index, situation.UpdatedAt);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
