using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// The justice follow-up of an effectué signalement: the parquet's reference (encrypted) and the
/// steps that follow (OPP, saisine du juge des enfants, audience tenue, enquête ouverte, classement
/// sans suite), recorded as legal steps linked to the signalement, with the usual deadlines, the
/// steps page, "Mes échéances" and the timeline.
/// </summary>
[Authorize(Policy = Policies.Situations)]
public sealed class FollowUpModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>The steps offered here, in the order they usually come.</summary>
    public static readonly IReadOnlyList<LegalStepKind> Kinds =
        [LegalStepKind.EnqueteOuverte, LegalStepKind.Opp, LegalStepKind.AudienceJugeEnfants, LegalStepKind.AudienceTenue, LegalStepKind.ClassementSansSuite];

    private static readonly string[] DateFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm"];

    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public SignalementInScope Current { get; private set; } = null!;

    public string MinorName { get; private set; } = string.Empty;

    public string? ParquetReference { get; private set; }

    public IReadOnlyList<LegalStep> Steps { get; private set; } = [];

    public bool MayRecord => Current.MayContribute && Current.Signalement.Status == SignalementStatus.Effectue;

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid sid)
    {
        if (!await LoadAsync(sid))
        {
            return NotFound();
        }

        Input.Reference = ParquetReference;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Signalement, $"{sid}#suites");
        return Page();
    }

    public async Task<IActionResult> OnPostReferenceAsync(Guid sid)
    {
        if (await RefuseAsync(sid) is { } refusal)
        {
            return refusal;
        }

        var reference = Input.Reference?.Trim();
        if (string.IsNullOrEmpty(reference) || reference.Length > 100)
        {
            ModelState.AddModelError("Input.Reference", "Indiquez la référence donnée par le parquet (100 caractères au plus).");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = SignalementAccess.UserId(User)!;
        var updated = await db.Signalements.Where(s => s.Id == sid && s.Version == Current.Signalement.Version)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ParquetReferenceEncrypted, cipher.Encrypt(reference, Signalement.ParquetReferencePurpose))
                .SetProperty(s => s.Version, s => s.Version + 1).SetProperty(s => s.UpdatedAt, now).SetProperty(s => s.UpdatedById, userId));
        if (updated == 0)
        {
            ModelState.AddModelError("Input.Reference", "Le signalement a changé pendant la saisie : enregistrez à nouveau (votre saisie est conservée).");
            return Page();
        }

        db.SituationEvents.Add(SituationEvent.Of(Current.Signalement.SituationId, now, userId, SignalementEvents.ParquetReference, sid.ToString()));
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Signalement, $"{sid}#reference-parquet");
        Status = "La référence du parquet est enregistrée.";
        return Redirect($"/signalements/{sid}/suites");
    }

    public async Task<IActionResult> OnPostStepAsync(Guid sid)
    {
        if (await RefuseAsync(sid) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        LegalStepKind? kind = Enum.TryParse<LegalStepKind>(Input.Kind, out var parsed) && Kinds.Contains(parsed) && !int.TryParse(Input.Kind, out _) ? parsed : null;
        if (kind is null)
        {
            ModelState.AddModelError("Input.Kind", "Choisissez l'étape dans la liste.");
        }

        DateTime? typed = null;
        if (string.IsNullOrWhiteSpace(Input.OccurredAt))
        {
            ModelState.AddModelError("Input.OccurredAt", "Indiquez la date et l'heure de l'étape.");
        }
        else if (DateTime.TryParseExact(Input.OccurredAt.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            typed = ParisTime.ToUtc(local);
            if (kind is { } k && LegalDeadlines.DateError(k, typed.Value, now) is { } error)
            {
                ModelState.AddModelError("Input.OccurredAt", error);
            }
            else if (typed < Current.Signalement.AcceptedAt)
            {
                ModelState.AddModelError("Input.OccurredAt", "Cette étape suit le signalement : sa date ne peut pas précéder l'envoi.");
            }
        }
        else
        {
            ModelState.AddModelError("Input.OccurredAt", $"La date « {Input.OccurredAt} » n'est pas valide : indiquez le jour et l'heure (jj/mm/aaaa hh:mm).");
        }

        if (!ModelState.IsValid || kind is null || typed is null)
        {
            return Page();
        }

        var userId = SignalementAccess.UserId(User)!;
        var (occurredAt, dueAt) = LegalDeadlines.Schedule(kind.Value, typed.Value, now);
        var step = new LegalStep
        {
            SituationId = Current.Signalement.SituationId,
            SignalementId = sid,
            Kind = kind.Value,
            OccurredAt = occurredAt,
            DueAt = dueAt,
            Recipient = SignalementRecipient.FromJson(Current.Signalement.RecipientsJson).FirstOrDefault(r => !r.Copy)?.Name,
            ResponsibleUserId = userId,
            RecordedById = userId,
            RecordedAt = now,
        };
        db.LegalSteps.Add(step);
        db.SituationEvents.Add(SituationEvent.Of(step.SituationId, now, userId, SituationEventKind.LegalStepRecorded, kind.Value.ToString()));

        // What this step answers is done: the juge seized after an OPP; the hearing held after the saisine.
        var answers = kind switch
        {
            LegalStepKind.AudienceJugeEnfants => LegalStepKind.Opp,
            LegalStepKind.AudienceTenue => LegalStepKind.AudienceJugeEnfants,
            _ => (LegalStepKind?)null,
        };
        if (answers is { } previous)
        {
            foreach (var open in await db.LegalSteps.Where(s => s.SignalementId == sid && s.Kind == previous && s.CompletedAt == null && s.DueAt != null).ToListAsync())
            {
                open.CompletedAt = now;
                open.CompletedById = userId;
                db.SituationEvents.Add(SituationEvent.Of(step.SituationId, now, userId, SituationEventKind.LegalStepCompleted, previous.ToString()));
            }
        }

        await db.SaveChangesAsync();
        await LegalStepDue.RefreshAsync(db, step.SituationId);
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.LegalStep, step.Id.ToString());
        Status = dueAt is { } due
            ? $"L'étape est enregistrée. Échéance : {ParisTime.Format(due)} ({LegalStepLabels.Due(kind.Value)}), dans vos échéances."
            : "L'étape est enregistrée (pas d'échéance légale).";
        return Redirect($"/signalements/{sid}/suites");
    }

    private async Task<IActionResult?> RefuseAsync(Guid sid)
    {
        if (!await LoadAsync(sid))
        {
            return NotFound();
        }

        if (!Current.Reach.MayContribute)
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Signalement, $"{sid}#suites", AuditOutcome.Failure);
            return Forbid();
        }

        if (!MayRecord)
        {
            ModelState.AddModelError(string.Empty, Current.Signalement.Status == SignalementStatus.Effectue
                ? "La situation est clôturée : rouvrez-la pour enregistrer les suites."
                : "Les suites judiciaires s'enregistrent une fois le signalement effectué.");
            return Page();
        }

        return null;
    }

    private async Task<bool> LoadAsync(Guid sid)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var found = await SignalementAccess.FindAsync(db, User, sid, Now);
        if (found is null)
        {
            return false;
        }

        Current = found;
        MinorName = found.Situation.MinorName(cipher);
        ParquetReference = found.Signalement.ParquetReferenceEncrypted is { } encrypted ? cipher.Decrypt(encrypted, Signalement.ParquetReferencePurpose) : null;
        Steps = await db.LegalSteps.AsNoTracking().Where(s => s.SignalementId == sid).OrderBy(s => s.OccurredAt).ToListAsync();
        return true;
    }

    public sealed class FollowUpInput
    {
        [StringLength(100, ErrorMessage = "La référence fait 100 caractères au plus.")]
        public string? Reference { get; set; }

        public string? Kind { get; set; }

        public string? OccurredAt { get; set; }
    }
}
