using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission.Live;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Minutes;

/// <summary>
/// The minutes of a session. Coordination generates the draft from what the session recorded,
/// edits it (optimistic concurrency on its version), validates it (the text is then frozen; "Remettre
/// en brouillon" to correct it), locks it (the session's <see cref="CommissionSession.MinutesClosedAt"/>
/// starts the members' closure delay; invited users are notified) and afterwards adds dated,
/// numbered amendments; it allows or not a PDF copy and sees who has read. Invited users read the
/// locked minutes only (<see cref="MinutesAccess"/>); each read is a read receipt and an audit entry.
/// </summary>
[Authorize(Policy = Policies.Commission)]
public sealed class MinutesModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock, INotifier notifier,
    IOptions<CommissionOptions> options) : PageModel
{
    public const int AmendmentMaxLength = 4000;

    /// <summary>The text of the draft as typed (form field "Content").</summary>
    [BindProperty(Name = "Content")]
    public string? Draft { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? AmendmentText { get; set; }

    [TempData]
    public string? Status { get; set; }

    public CommissionSession Session { get; private set; } = null!;

    public SessionMinutes? Current { get; private set; }

    public bool Coordination => MinutesAccess.IsCoordination(User);

    /// <summary>The locked or validated text, decrypted (what readers see).</summary>
    public string Text { get; private set; } = string.Empty;

    public IReadOnlyList<PrintedAmendment> Amendments { get; private set; } = [];

    public IReadOnlyList<Reader> Readers { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var minutes = await MinutesAccess.FindAsync(db, User, id, Now, options.Value.MemberAccessAfterClosure);
        if (minutes is null && !(Coordination && await db.CommissionSessions.AnyAsync(s => s.Id == id)))
        {
            return NotFound();
        }

        if (minutes is not null && minutes.Status == MinutesStatus.Verrouillee && !Coordination)
        {
            await ReceiptAsync(minutes.Id);
        }

        await LoadAsync(id, minutes, fillInput: true);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Minutes, (minutes?.Id ?? id).ToString());
        return Page();
    }

    /// <summary>Writes the draft from what the session recorded; in a draft, replaces its text (same version check as an edit).</summary>
    public async Task<IActionResult> OnPostGenerateAsync(Guid id)
    {
        if (await RefuseAsync(id) is { } refusal)
        {
            return refusal;
        }

        var today = DateOnly.FromDateTime(ParisTime.ToLocal(Now));
        var record = await SessionRecord.LoadAsync(db, cipher, id, today);
        var text = MinutesDraft.Write(record!);
        if (Current is null)
        {
            Current = new SessionMinutes
            {
                SessionId = id,
                ContentEncrypted = cipher.Encrypt(text, SessionMinutes.ContentPurpose),
                CreatedAt = Now,
                CreatedById = UserId,
                UpdatedAt = Now,
                UpdatedById = UserId,
            };
            db.SessionMinutes.Add(Current);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                return await ErrorAsync(id, "Un brouillon vient d'être créé par quelqu'un d'autre : il est affiché ci-dessous.", keepInput: false);
            }

            await audit.RecordAsync(AuditAction.Create, AuditRecordType.Minutes, Current.Id.ToString());
            Status = "Le brouillon du compte rendu est écrit à partir de ce qui a été enregistré en séance. Relisez-le et complétez-le.";
            return Redirect($"/commission/seances/{id}/compte-rendu");
        }

        if (Current.Status != MinutesStatus.Brouillon)
        {
            return await ErrorAsync(id, "Le compte rendu n'est plus un brouillon : il ne peut plus être régénéré.", keepInput: false);
        }

        Current.ContentEncrypted = cipher.Encrypt(text, SessionMinutes.ContentPurpose);
        if (!await SaveAsync(id))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Minutes, Current.Id.ToString());
        Status = "Le brouillon est réécrit à partir de ce qui a été enregistré en séance.";
        return Redirect($"/commission/seances/{id}/compte-rendu");
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id) => EditAsync(id, validate: false);

    public Task<IActionResult> OnPostValidateAsync(Guid id) => EditAsync(id, validate: true);

    /// <summary>"Remettre en brouillon": a validated text becomes editable again (its validation is cleared).</summary>
    public async Task<IActionResult> OnPostReopenAsync(Guid id)
    {
        if (await RefuseAsync(id, MinutesStatus.Validee) is { } refusal)
        {
            return refusal;
        }

        Current!.Status = MinutesStatus.Brouillon;
        Current.ValidatedAt = null;
        Current.ValidatedById = null;
        if (!await SaveAsync(id))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Minutes, Current.Id.ToString());
        Status = "Le compte rendu est remis en brouillon : il peut être corrigé, puis validé à nouveau.";
        return Redirect($"/commission/seances/{id}/compte-rendu");
    }

    public async Task<IActionResult> OnPostLockAsync(Guid id)
    {
        if (await RefuseAsync(id, MinutesStatus.Validee) is { } refusal)
        {
            return refusal;
        }

        var now = Now;
        Current!.Status = MinutesStatus.Verrouillee;
        Current.LockedAt = now;
        Current.LockedById = UserId;
        var session = await db.CommissionSessions.SingleAsync(s => s.Id == id);
        session.MinutesClosedAt = now;
        session.Version++;
        if (!await SaveAsync(id))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.MinutesLocked, AuditRecordType.Minutes, Current.Id.ToString());
        var invited = await db.SessionInvitations.Where(i => i.SessionId == id && i.UserId != null).Select(i => i.UserId!).ToListAsync();
        await notifier.NotifyAsync(invited, NotificationKind.MinutesAvailable, $"/commission/seances/{id}/compte-rendu");
        Status = "Le compte rendu est verrouillé : son texte ne changera plus (corrections par rectificatif). Les personnes invitées sont prévenues.";
        return Redirect($"/commission/seances/{id}/compte-rendu");
    }

    /// <summary>A dated, numbered correction under the locked text.</summary>
    public async Task<IActionResult> OnPostAmendAsync(Guid id)
    {
        if (await RefuseAsync(id, MinutesStatus.Verrouillee, checkVersion: false) is { } refusal)
        {
            return refusal;
        }

        var text = Normalise(AmendmentText);
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(AmendmentText), "Écrivez le rectificatif.");
        }
        else if (text.Length > AmendmentMaxLength)
        {
            ModelState.AddModelError(nameof(AmendmentText), $"Le rectificatif fait {text.Length:N0} caractères : {AmendmentMaxLength:N0} au plus.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, Current, fillInput: false);
            return Page();
        }

        var number = (await db.MinutesAmendments.Where(a => a.MinutesId == Current!.Id).MaxAsync(a => (int?)a.Number) ?? 0) + 1;
        var amendment = new MinutesAmendment
        {
            MinutesId = Current!.Id,
            Number = number,
            At = Now,
            ById = UserId,
            TextEncrypted = cipher.Encrypt(text, MinutesAmendment.TextPurpose),
        };
        db.MinutesAmendments.Add(amendment);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await ErrorAsync(id, "Un autre rectificatif vient d'être ajouté : le vôtre n'est pas enregistré. Il est conservé ci-dessous ; enregistrez-le à nouveau.", keepInput: true);
        }

        await audit.RecordAsync(AuditAction.MinutesAmended, AuditRecordType.Minutes, Current.Id.ToString());
        Status = $"Le rectificatif n° {number} est ajouté au compte rendu.";
        return Redirect($"/commission/seances/{id}/compte-rendu#rectificatifs");
    }

    /// <summary>Allows (or no longer allows) a PDF copy of the locked minutes.</summary>
    public async Task<IActionResult> OnPostPdfAsync(Guid id, bool allowed)
    {
        if (await RefuseAsync(id, null) is { } refusal)
        {
            return refusal;
        }

        Current!.PdfAllowed = allowed;
        if (!await SaveAsync(id))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Minutes, Current.Id.ToString());
        Status = allowed ? "La copie PDF est autorisée." : "La copie PDF n'est plus autorisée.";
        return Redirect($"/commission/seances/{id}/compte-rendu");
    }

    private async Task<IActionResult> EditAsync(Guid id, bool validate)
    {
        if (await RefuseAsync(id, MinutesStatus.Brouillon) is { } refusal)
        {
            return refusal;
        }

        var text = Normalise(Draft);
        if (text.Length == 0)
        {
            ModelState.AddModelError("Content", "Le compte rendu est vide : écrivez-le ou régénérez le brouillon.");
        }
        else if (text.Length > MinutesDraft.MaxLength)
        {
            ModelState.AddModelError("Content", $"Le compte rendu fait {text.Length:N0} caractères : {MinutesDraft.MaxLength:N0} au plus.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id, Current, fillInput: false);
            return Page();
        }

        Current!.ContentEncrypted = cipher.Encrypt(text, SessionMinutes.ContentPurpose);
        if (validate)
        {
            Current.Status = MinutesStatus.Validee;
            Current.ValidatedAt = Now;
            Current.ValidatedById = UserId;
        }

        if (!await SaveAsync(id))
        {
            return Page();
        }

        await audit.RecordAsync(validate ? AuditAction.MinutesValidated : AuditAction.Update, AuditRecordType.Minutes, Current.Id.ToString());
        Status = validate
            ? "Le compte rendu est validé : son texte est figé. Verrouillez-le pour le diffuser, ou remettez-le en brouillon pour le corriger."
            : "Le brouillon est enregistré.";
        return Redirect($"/commission/seances/{id}/compte-rendu");
    }

    /// <summary>
    /// Coordination only (403 otherwise; 404 for an unknown session); the minutes must exist (except
    /// to generate them) and be in <paramref name="expected"/> status; the posted version must be current.
    /// </summary>
    private async Task<IActionResult?> RefuseAsync(Guid id, MinutesStatus? expected = MinutesStatus.Brouillon, bool checkVersion = true)
    {
        if (!Coordination)
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Minutes, id.ToString(), AuditOutcome.Failure);
            return Forbid();
        }

        if (!await db.CommissionSessions.AnyAsync(s => s.Id == id))
        {
            return NotFound();
        }

        Current = await db.SessionMinutes.FirstOrDefaultAsync(m => m.SessionId == id);
        var generating = Request.Query["handler"] == "Generate";
        if (Current is null)
        {
            return generating ? null : await ErrorAsync(id, "Le compte rendu n'existe pas encore : générez d'abord le brouillon.", keepInput: false);
        }

        if (expected is { } status && Current.Status != status)
        {
            return await ErrorAsync(id, Current.Status switch
            {
                MinutesStatus.Verrouillee => "Le compte rendu est verrouillé : son texte ne change plus. Ajoutez un rectificatif.",
                MinutesStatus.Validee => "Le compte rendu est validé : remettez-le en brouillon pour le modifier.",
                _ => "Le compte rendu doit d'abord être validé.",
            }, keepInput: true);
        }

        if (checkVersion && Version != Current.Version)
        {
            return await ErrorAsync(id, await ConflictAsync(Current), keepInput: true);
        }

        return null;
    }

    /// <summary>Saves with the version the form was opened with; false (the page says who saved meanwhile, the typed text kept) on a conflict.</summary>
    private async Task<bool> SaveAsync(Guid id)
    {
        db.Entry(Current!).Property(m => m.Version).OriginalValue = Version;
        Current!.Version = Version + 1;
        Current.UpdatedAt = Now;
        Current.UpdatedById = UserId;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.SessionMinutes.AsNoTracking().SingleAsync(m => m.SessionId == id);
            ModelState.AddModelError(string.Empty, await ConflictAsync(current));
            await LoadAsync(id, current, fillInput: false);
            return false;
        }
    }

    private async Task<string> ConflictAsync(SessionMinutes current)
    {
        var by = await db.Users.AsNoTracking().Where(u => u.Id == current.UpdatedById).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "un autre utilisateur";
        return $"Le compte rendu a été modifié par {by} entre-temps (le {ParisTime.Format(current.UpdatedAt)}) : votre action n'est pas enregistrée. "
            + "Ce que vous avez tapé est conservé ci-dessous ; relisez la version actuelle (dans un autre onglet) puis enregistrez à nouveau pour la remplacer.";
    }

    private async Task<IActionResult> ErrorAsync(Guid id, string message, bool keepInput)
    {
        ModelState.AddModelError(string.Empty, message);
        db.ChangeTracker.Clear();
        var current = await db.SessionMinutes.AsNoTracking().FirstOrDefaultAsync(m => m.SessionId == id);
        await LoadAsync(id, current, fillInput: !keepInput);
        return Page();
    }

    /// <summary>First or next read of the locked minutes by this user: one row per reader (first, last, count).</summary>
    private async Task ReceiptAsync(Guid minutesId)
    {
        var userId = UserId;
        var now = Now;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var updated = await db.MinutesReadReceipts.Where(r => r.MinutesId == minutesId && r.UserId == userId)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.LastReadAt, now).SetProperty(x => x.Reads, x => x.Reads + 1));
            if (updated > 0)
            {
                return;
            }

            db.MinutesReadReceipts.Add(new MinutesReadReceipt { MinutesId = minutesId, UserId = userId, FirstReadAt = now, LastReadAt = now, Reads = 1 });
            try
            {
                await db.SaveChangesAsync();
                return;
            }
            catch (DbUpdateException)
            {
                // Another tab inserted the same reader's first read: count this one as a further read.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task LoadAsync(Guid id, SessionMinutes? minutes, bool fillInput)
    {
        Session = await db.CommissionSessions.AsNoTracking().SingleAsync(s => s.Id == id);
        Current = minutes;
        if (minutes is null)
        {
            return;
        }

        Text = cipher.Decrypt(minutes.ContentEncrypted, SessionMinutes.ContentPurpose);
        if (fillInput)
        {
            Draft = Text;
            Version = minutes.Version;
        }
        else
        {
            // The current version, so that saving again replaces what someone else saved.
            Version = minutes.Version;
        }

        var amendments = await db.MinutesAmendments.AsNoTracking().Where(a => a.MinutesId == minutes.Id).OrderBy(a => a.Number)
            .Select(a => new { a.Number, a.At, a.ById, a.TextEncrypted }).ToListAsync();
        var people = amendments.Select(a => a.ById).Append(minutes.UpdatedById).Append(minutes.ValidatedById ?? string.Empty).Append(minutes.LockedById ?? string.Empty)
            .Distinct().ToList();
        Names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        Amendments = [.. amendments.Select(a => new PrintedAmendment(a.Number, a.At, Names.GetValueOrDefault(a.ById, "compte inconnu"),
            cipher.Decrypt(a.TextEncrypted, MinutesAmendment.TextPurpose)))];
        if (Coordination)
        {
            Readers = await db.SessionInvitations.AsNoTracking().Where(i => i.SessionId == id && i.UserId != null)
                .OrderBy(i => i.PersonName)
                .Select(i => new Reader(i.PersonName, i.Institution, i.Role,
                    db.MinutesReadReceipts.Where(r => r.MinutesId == minutes.Id && r.UserId == i.UserId).Select(r => (DateTime?)r.FirstReadAt).FirstOrDefault(),
                    db.MinutesReadReceipts.Where(r => r.MinutesId == minutes.Id && r.UserId == i.UserId).Select(r => (DateTime?)r.LastReadAt).FirstOrDefault(),
                    db.MinutesReadReceipts.Where(r => r.MinutesId == minutes.Id && r.UserId == i.UserId).Select(r => r.Reads).FirstOrDefault()))
                .ToListAsync();
        }
    }

    public string NameOf(string? userId) => userId is null ? "—" : Names.GetValueOrDefault(userId, "compte inconnu");

    private static string Normalise(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    public sealed record Reader(string Name, string Institution, InvitationRole Role, DateTime? FirstReadAt, DateTime? LastReadAt, int Reads);
}
