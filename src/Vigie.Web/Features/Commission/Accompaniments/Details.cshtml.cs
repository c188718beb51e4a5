using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission.Actions;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Accompaniments;

/// <summary>
/// One co-accompaniment: the young person's answer (accepted or refused, the day, who collected
/// it), the mobile team's follow-up notes while it runs, and its end with a reason. Out of scope
/// (<see cref="SituationScope.AccompanimentsVisibleTo"/>): 404. While it is only proposed, the mobile
/// team sees the first name, age and territory, no surname and no notes.
/// </summary>
[Authorize(Policy = Policies.Accompaniments)]
public sealed class DetailsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, INotifier notifier, TimeProvider clock) : PageModel
{
    public const int NoteMaxLength = 4000;
    public const int CommentMaxLength = 2000;
    public const int CollectedByMaxLength = 200;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    [BindProperty]
    public FormInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public Accompaniment Current { get; private set; } = null!;

    public CommissionMinor Minor { get; private set; } = null!;

    public string? Territory { get; private set; }

    public string? Organisation { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<(DateTime At, string Author, string Text)> Notes { get; private set; } = [];

    public string? EndComment { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public bool IsMobileTeam => User.IsInRole(Roles.EquipeMobile);

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    /// <summary>The surname and referent organisation: not for the mobile team before the young person accepts.</summary>
    public bool ShowsIdentity => IsCoordination || Current.Status != AccompanimentStatus.Proposee;

    public bool MayRecordConsent => Current.Status == AccompanimentStatus.Proposee;

    public bool MayWriteNote => IsMobileTeam && Current.Status == AccompanimentStatus.Acceptee;

    public bool MayEnd => Current.Status == AccompanimentStatus.Acceptee;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input.Version = Current.Version;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Accompaniment, id.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostConsentAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayRecordConsent)
        {
            ModelState.AddModelError(string.Empty, Current.Status == AccompanimentStatus.Refusee
                ? "Le jeune a refusé ce co-accompagnement : il faut une nouvelle proposition de la commission pour l'accepter."
                : "La réponse du jeune est déjà enregistrée.");
            return Page();
        }

        var accepted = Input.Answer switch { "accepte" => true, "refuse" => false, _ => (bool?)null };
        if (accepted is null)
        {
            ModelState.AddModelError("Input.Answer", "Indiquez la réponse du jeune : accepté ou refusé.");
        }

        DateOnly? on = null;
        if (string.IsNullOrWhiteSpace(Input.ConsentOn))
        {
            ModelState.AddModelError("Input.ConsentOn", "Indiquez le jour de la réponse du jeune.");
        }
        else if (!DateOnly.TryParseExact(Input.ConsentOn.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            ModelState.AddModelError("Input.ConsentOn", $"La date « {Input.ConsentOn} » n'est pas valide : indiquez le jour (jj/mm/aaaa).");
        }
        else if (parsed > Today)
        {
            ModelState.AddModelError("Input.ConsentOn", "La date de la réponse ne peut pas être dans le futur.");
        }
        else if (parsed < DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(Current.ProposedAt)))
        {
            ModelState.AddModelError("Input.ConsentOn", "La réponse ne peut pas précéder la proposition de la commission.");
        }
        else
        {
            on = parsed;
        }

        var collectedBy = Input.CollectedBy?.Trim();
        if (string.IsNullOrEmpty(collectedBy))
        {
            ModelState.AddModelError("Input.CollectedBy", "Indiquez qui a recueilli la réponse (nom et fonction).");
        }
        else if (collectedBy.Length > CollectedByMaxLength)
        {
            ModelState.AddModelError("Input.CollectedBy", $"{CollectedByMaxLength} caractères au plus.");
        }

        if (!ModelState.IsValid || accepted is null || on is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var status = accepted.Value ? AccompanimentStatus.Acceptee : AccompanimentStatus.Refusee;
        var updated = await db.Accompaniments
            .Where(a => a.Id == id && a.Version == Input.Version && a.Status == AccompanimentStatus.Proposee)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, status).SetProperty(a => a.ConsentOn, on)
                .SetProperty(a => a.ConsentCollectedBy, collectedBy).SetProperty(a => a.ConsentRecordedById, userId)
                .SetProperty(a => a.ConsentRecordedAt, now).SetProperty(a => a.Version, a => a.Version + 1));
        if (updated == 0)
        {
            return await ConflictAsync(id);
        }

        await audit.RecordAsync(AuditAction.ConsentRecorded, AuditRecordType.Accompaniment, id.ToString());
        if (accepted.Value)
        {
            await notifier.NotifyRolesAsync([Roles.EquipeMobile], NotificationKind.AccompanimentAccepted, $"/accompagnements/{id}");
        }

        Status = accepted.Value ? "Le jeune a accepté : le co-accompagnement commence." : "Le refus du jeune est enregistré.";
        return Redirect($"/accompagnements/{id}");
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!IsMobileTeam)
        {
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.Accompaniment, $"{id}#note", AuditOutcome.Denied);
            return Forbid();
        }

        if (!MayWriteNote)
        {
            ModelState.AddModelError(string.Empty, "Les notes de suivi s'écrivent pendant le co-accompagnement, une fois accepté par le jeune.");
            return Page();
        }

        var text = Input.Note?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError("Input.Note", "Écrivez la note de suivi.");
        }
        else if (text.Length > NoteMaxLength)
        {
            ModelState.AddModelError("Input.Note", $"La note fait {text.Length} caractères : {NoteMaxLength} au plus.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var note = new AccompanimentNote
        {
            AccompanimentId = id,
            At = clock.GetUtcNow().UtcDateTime,
            AuthorId = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
            TextEncrypted = cipher.Encrypt(text!, AccompanimentNote.TextPurpose),
        };
        db.AccompanimentNotes.Add(note);
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.Accompaniment, $"{id}#note-{note.Id}");
        Status = "La note de suivi est enregistrée.";
        return Redirect($"/accompagnements/{id}#notes");
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MayEnd)
        {
            ModelState.AddModelError(string.Empty, "Seul un co-accompagnement en cours peut être terminé.");
            return Page();
        }

        AccompanimentEndReason? reason = Enum.TryParse<AccompanimentEndReason>(Input.EndReason, out var parsed)
            && Enum.IsDefined(parsed) && !int.TryParse(Input.EndReason, out _) ? parsed : null;
        if (reason is null)
        {
            ModelState.AddModelError("Input.EndReason", "Choisissez la raison de la fin du co-accompagnement.");
        }

        var comment = Input.EndComment?.Trim();
        if (comment is { Length: > CommentMaxLength })
        {
            ModelState.AddModelError("Input.EndComment", $"Le commentaire fait {comment.Length} caractères : {CommentMaxLength} au plus.");
        }

        if (!ModelState.IsValid || reason is null)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var encrypted = string.IsNullOrEmpty(comment) ? null : cipher.Encrypt(comment, Accompaniment.EndCommentPurpose);
        var updated = await db.Accompaniments
            .Where(a => a.Id == id && a.Version == Input.Version && a.Status == AccompanimentStatus.Acceptee)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AccompanimentStatus.Terminee).SetProperty(a => a.EndedAt, now)
                .SetProperty(a => a.EndReason, reason).SetProperty(a => a.EndCommentEncrypted, encrypted)
                .SetProperty(a => a.EndedById, userId).SetProperty(a => a.Version, a => a.Version + 1));
        if (updated == 0)
        {
            return await ConflictAsync(id);
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Accompaniment, $"{id}#fin");
        Status = "Le co-accompagnement est terminé.";
        return IsMobileTeam ? Redirect("/accompagnements") : Redirect($"/accompagnements/{id}");
    }

    /// <summary>Someone recorded something since the page was shown: say who, keep what was typed.</summary>
    private async Task<IActionResult> ConflictAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var byId = Current.EndedById ?? Current.ConsentRecordedById;
        var who = byId is null ? "une autre personne" : await db.Users.Where(u => u.Id == byId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "une autre personne";
        ModelState.AddModelError(string.Empty, $"Le co-accompagnement a été modifié par {who} entre-temps (il est maintenant « {CommissionLabels.Accompaniment(Current.Status)} ») : vérifiez avant d'enregistrer à nouveau.");
        ModelState.Remove("Input.Version");
        Input.Version = Current.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Today = ActionRows.Today(now);
        var found = await db.Accompaniments.AccompanimentsVisibleTo(db, User, now).AsNoTracking()
            .Where(a => a.Id == id)
            .Join(db.Situations, a => a.SituationId, s => s.Id, (a, s) => new
            {
                Accompaniment = a,
                Minor = new CommissionMinor(s.FirstNameEncrypted, s.LastNameEncrypted, s.BirthDateEncrypted),
                s.Territory,
                Organisation = db.Organisations.Where(o => o.Id == s.ReferentOrganisationId).Select(o => o.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        if (found is null)
        {
            return false;
        }

        Current = found.Accompaniment;
        Minor = found.Minor;
        Territory = found.Territory;
        Organisation = found.Organisation;
        if (Current.Status != AccompanimentStatus.Proposee)
        {
            var notes = await db.AccompanimentNotes.AsNoTracking().Where(n => n.AccompanimentId == id).OrderByDescending(n => n.At).ToListAsync();
            var people = notes.Select(n => n.AuthorId)
                .Concat(new[] { Current.ConsentRecordedById, Current.EndedById, Current.ProposedById }.OfType<string>())
                .Distinct().ToList();
            Names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
            Notes = notes.Select(n => (n.At, Names.GetValueOrDefault(n.AuthorId, "?"), cipher.Decrypt(n.TextEncrypted, AccompanimentNote.TextPurpose))).ToList();
            EndComment = Current.EndCommentEncrypted is null ? null : cipher.Decrypt(Current.EndCommentEncrypted, Accompaniment.EndCommentPurpose);
        }

        return true;
    }

    public string NameOf(string? userId) => userId is null ? "—" : Names.GetValueOrDefault(userId, "?");

    public sealed class FormInput
    {
        public string? Answer { get; set; }

        public string? ConsentOn { get; set; }

        public string? CollectedBy { get; set; }

        public string? Note { get; set; }

        public string? EndReason { get; set; }

        public string? EndComment { get; set; }

        public int Version { get; set; }
    }
}
