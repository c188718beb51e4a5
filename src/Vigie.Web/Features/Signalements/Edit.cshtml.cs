using System.Net.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// One signalement: its recipients and authors, the sections to edit while it is a draft (or after
/// a failed send), each author's "Je valide ce texte", and the sending with a fresh code. Any change
/// to the text or the authors clears every validation. Out of scope: 404; emergency access: read only.
/// </summary>
[Authorize(Policy = Policies.Situations)]
public sealed class EditModel(
    VigieDbContext db,
    FieldCipher cipher,
    IAuditLog audit,
    TimeProvider clock,
    IAuthorizationService authorization,
    StepUp stepUp,
    SendSignalement sender) : PageModel
{
    public const int MaxAuthors = 3;
    public const int SearchResults = 25;

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public SignalementInScope Current { get; private set; } = null!;

    public string MinorName { get; private set; } = string.Empty;

    public IReadOnlyList<SignalementRecipient> Recipients { get; private set; } = [];

    /// <summary>Results of the author search (<c>?auteur=</c>), when one was typed.</summary>
    public IReadOnlyList<Candidate>? Candidates { get; private set; }

    [BindProperty(SupportsGet = true, Name = "auteur")]
    public string? AuthorSearch { get; set; }

    /// <summary>The code field of the sending form (step-up).</summary>
    [BindProperty]
    public string? Code { get; set; }

    public bool NeedsCode { get; private set; } = true;

    public string? UserId => SignalementAccess.UserId(User);

    public Signalement Signalement => Current.Signalement;

    /// <summary>The text and the authors can change: a draft, or a refused send to correct.</summary>
    public bool Editable => Current.MayContribute && Signalement.Status is SignalementStatus.Brouillon or SignalementStatus.Echec;

    public bool AllValidated => Signalement.Authors.Count > 0 && Signalement.Authors.All(a => a.ValidatedAt is not null);

    public bool MaySend => Editable && AllValidated && Current.IsAuthor(UserId);

    public async Task<IActionResult> OnGetAsync(Guid sid)
    {
        if (!await LoadAsync(sid))
        {
            return NotFound();
        }

        FillInput();
        await SearchAsync();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Signalement, sid.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid sid)
    {
        if (await RefuseChangeAsync(sid) is { } refusal)
        {
            return refusal;
        }

        var content = new SignalementContent();
        foreach (var section in SignalementContent.Sections)
        {
            var text = SignalementContent.Normalise(Input.Texts.GetValueOrDefault(section.Key));
            if (text.Length > SignalementContent.MaxLength)
            {
                ModelState.AddModelError($"Input.Texts[{section.Key}]",
                    $"« {section.Title} » fait {text.Length:N0} caractères : {SignalementContent.MaxLength:N0} au plus. Raccourcissez-le (votre texte est conservé ci-dessous).");
            }

            content[section.Key] = text;
        }

        CheckAuthors();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var before = SignalementContent.Decrypt(cipher, Signalement.ContentEncrypted);
        var authorsChanged = false;
        foreach (var posted in Input.Authors)
        {
            var author = Signalement.Authors.FirstOrDefault(a => a.Id == posted.Id);
            if (author is null)
            {
                continue;
            }

            authorsChanged |= Set(author, posted);
        }

        if (before.SameAs(content) && !authorsChanged)
        {
            Status = "Aucune modification : les validations sont conservées.";
            return Redirect($"/signalements/{sid}");
        }

        Signalement.ContentEncrypted = content.Encrypt(cipher);
        var cleared = ClearValidations();
        if (!await SaveAsync(now))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Signalement, sid.ToString());
        Status = cleared ? "Le brouillon est enregistré. Les validations ont été effacées : chaque auteur doit valider à nouveau le texte." : "Le brouillon est enregistré.";
        return Redirect($"/signalements/{sid}");
    }

    public async Task<IActionResult> OnPostValidateAsync(Guid sid)
    {
        if (await RefuseChangeAsync(sid) is { } refusal)
        {
            return refusal;
        }

        var author = Signalement.Authors.FirstOrDefault(a => a.UserId == UserId);
        if (author is null)
        {
            await audit.RecordAsync(AuditAction.SignalementValidated, AuditRecordType.Signalement, sid.ToString(), AuditOutcome.Failure);
            return Forbid();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        author.ValidatedAt = now;
        db.SituationEvents.Add(SituationEvent.Of(Signalement.SituationId, now, UserId!, SignalementEvents.Validated, sid.ToString()));
        if (!await SaveAsync(now, keepInput: false))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.SignalementValidated, AuditRecordType.Signalement, sid.ToString());
        Status = AllValidated ? "Vous avez validé ce texte. Tous les auteurs l'ont validé : il peut être envoyé." : "Vous avez validé ce texte.";
        return Redirect($"/signalements/{sid}");
    }

    public async Task<IActionResult> OnPostAddAuthorAsync(Guid sid, string? userId)
    {
        if (await RefuseChangeAsync(sid) is { } refusal)
        {
            return refusal;
        }

        if (Signalement.Authors.Count >= MaxAuthors)
        {
            return await ErrorAsync($"Un signalement a {MaxAuthors} auteurs au plus.");
        }

        var candidate = string.IsNullOrEmpty(userId) ? null : await CandidatesQuery().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle, Organisation = u.Organisation!.Name, u.PhoneNumber, u.Email }).FirstOrDefaultAsync();
        if (candidate is null)
        {
            return await ErrorAsync("Choisissez l'auteur dans les résultats de la recherche.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Added through the set: a new author has its id already, which the collection would take for an existing row.
        var added = new SignalementAuthor
        {
            SignalementId = sid,
            Position = Signalement.Authors.Max(a => a.Position) + 1,
            UserId = candidate.Id,
            Name = candidate.DisplayName,
            Function = candidate.JobTitle ?? string.Empty,
            Organisation = candidate.Organisation,
            Phone = candidate.PhoneNumber,
            Email = candidate.Email ?? string.Empty,
        };
        db.SignalementAuthors.Add(added);
        Signalement.Authors.Add(added);
        ClearValidations();
        if (!await SaveAsync(now, keepInput: false))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Signalement, sid.ToString());
        Status = $"{candidate.DisplayName} est ajouté(e) aux auteurs. Les validations ont été effacées : chaque auteur doit valider à nouveau le texte.";
        return Redirect($"/signalements/{sid}");
    }

    public async Task<IActionResult> OnPostRemoveAuthorAsync(Guid sid, Guid authorId)
    {
        if (await RefuseChangeAsync(sid) is { } refusal)
        {
            return refusal;
        }

        var author = Signalement.Authors.FirstOrDefault(a => a.Id == authorId);
        if (author is null)
        {
            return await ErrorAsync("Cet auteur n'est plus dans la liste.");
        }

        if (Signalement.Authors.Count == 1)
        {
            return await ErrorAsync("Un signalement a au moins un auteur : ajoutez-en un autre avant de retirer celui-ci.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Signalement.Authors.Remove(author);
        db.SignalementAuthors.Remove(author);
        ClearValidations();
        if (!await SaveAsync(now, keepInput: false))
        {
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Signalement, sid.ToString());
        Status = $"{author.Name} est retiré(e) des auteurs. Les validations ont été effacées : chaque auteur doit valider à nouveau le texte.";
        return Redirect($"/signalements/{sid}");
    }

    public async Task<IActionResult> OnPostSendAsync(Guid sid)
    {
        if (await RefuseChangeAsync(sid) is { } refusal)
        {
            return refusal;
        }

        if (!Current.IsAuthor(UserId))
        {
            await audit.RecordAsync(AuditAction.SignalementSent, AuditRecordType.Signalement, sid.ToString(), AuditOutcome.Failure);
            return Forbid();
        }

        if (!AllValidated)
        {
            return await ErrorAsync("Chaque auteur doit d'abord valider le texte (« Je valide ce texte »).");
        }

        var recent = (await authorization.AuthorizeAsync(User, Policies.RecentStepUp)).Succeeded;
        if (!recent && !await stepUp.VerifyAsync(User, Code, $"/signalements/{sid}"))
        {
            Code = null;
            ModelState.AddModelError(nameof(Code), "Code incorrect, déjà utilisé ou absent : saisissez le code à 6 chiffres affiché par votre application d'authentification.");
            FillInput();
            return Page();
        }

        db.ChangeTracker.Clear();
        var result = await sender.SendAsync(sid, Input.Version, UserId!, clock.GetUtcNow().UtcDateTime);
        if (result is not null)
        {
            Status = result;
            return Redirect($"/signalements/{sid}");
        }

        Status = Signalement.Kind == SignalementKind.Signalement
            ? "Le signalement est confirmé : il part vers le parquet des mineurs (CRIP en copie). Il sera « effectué » quand le serveur du destinataire l'aura accepté."
            : "L'information préoccupante est confirmée : elle part vers la CRIP. Elle sera « effectuée » quand le serveur du destinataire l'aura acceptée.";
        return Redirect($"/signalements/{sid}/preuve");
    }

    /// <summary>404 out of scope; 403 for an emergency access; the page with a message when the signalement can no longer change.</summary>
    private async Task<IActionResult?> RefuseChangeAsync(Guid sid)
    {
        if (!await LoadAsync(sid, tracking: true))
        {
            return NotFound();
        }

        if (!Current.Reach.MayContribute)
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Signalement, sid.ToString(), AuditOutcome.Failure);
            return Forbid();
        }

        if (!Editable)
        {
            return await ErrorAsync(Current.Situation.Status == SituationStatus.Cloturee
                ? "La situation est clôturée : ce signalement ne peut plus être modifié."
                : "Ce signalement a été envoyé : il ne peut plus être modifié.");
        }

        if (Input.Version != Signalement.Version)
        {
            ModelState.AddModelError(string.Empty, await ConflictMessageAsync());
            if (Input.Texts.Count == 0)
            {
                // Validate, add, remove, send: nothing typed to keep, show the current text.
                FillInput();
            }

            Input.Version = Signalement.Version;
            return Page();
        }

        return null;
    }

    /// <summary>Saves with the version the form was opened with; false (the page shows why, typed text kept) when someone saved in between.</summary>
    private async Task<bool> SaveAsync(DateTime now, bool keepInput = true)
    {
        db.Entry(Signalement).Property(s => s.Version).OriginalValue = Input.Version;
        Signalement.Version = Input.Version + 1;
        Signalement.UpdatedAt = now;
        Signalement.UpdatedById = UserId!;
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Signalement.Id);
            ModelState.AddModelError(string.Empty, await ConflictMessageAsync());
            if (!keepInput)
            {
                FillInput();
            }

            Input.Version = Signalement.Version;
            return false;
        }
    }

    private async Task<string> ConflictMessageAsync()
    {
        var by = await db.Users.AsNoTracking().Where(u => u.Id == Signalement.UpdatedById).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "un autre utilisateur";
        return $"{by} a modifié ce signalement le {ParisTime.Format(Signalement.UpdatedAt)}, pendant que vous l'aviez ouvert : votre action n'a pas été enregistrée. "
            + "Ce que vous avez tapé est conservé ci-dessous ; relisez la version actuelle (dans un autre onglet) puis enregistrez à nouveau pour la remplacer.";
    }

    private async Task<IActionResult> ErrorAsync(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        FillInput();
        await SearchAsync();
        return Page();
    }

    private bool ClearValidations()
    {
        var any = false;
        foreach (var author in Signalement.Authors.Where(a => a.ValidatedAt is not null))
        {
            author.ValidatedAt = null;
            any = true;
        }

        return any;
    }

    private void CheckAuthors()
    {
        for (var i = 0; i < Input.Authors.Count; i++)
        {
            var author = Input.Authors[i];
            var prefix = $"Input.Authors[{i}].";
            Require(prefix + "Name", author.Name, "le nom", 200);
            Require(prefix + "Function", author.Function, "la fonction", 200);
            Require(prefix + "Organisation", author.Organisation, "l'organisation", 200);
            if (author.Phone?.Trim().Length > 40)
            {
                ModelState.AddModelError(prefix + "Phone", "Le téléphone fait 40 caractères au plus.");
            }

            if (string.IsNullOrWhiteSpace(author.Email) || author.Email.Trim().Length > 256 || !MailAddress.TryCreate(author.Email.Trim(), out _))
            {
                ModelState.AddModelError(prefix + "Email", $"Indiquez une adresse électronique valide pour l'auteur {i + 1}.");
            }
        }
    }

    private void Require(string key, string? value, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            ModelState.AddModelError(key, $"Indiquez {what}.");
        }
        else if (value.Trim().Length > max)
        {
            ModelState.AddModelError(key, $"{char.ToUpperInvariant(what[0])}{what[1..]} fait {max} caractères au plus.");
        }
    }

    private static bool Set(SignalementAuthor author, AuthorInput posted)
    {
        var name = posted.Name!.Trim();
        var function = posted.Function!.Trim();
        var organisation = posted.Organisation!.Trim();
        var phone = string.IsNullOrWhiteSpace(posted.Phone) ? null : posted.Phone.Trim();
        var email = posted.Email!.Trim();
        if (author.Name == name && author.Function == function && author.Organisation == organisation && author.Phone == phone && author.Email == email)
        {
            return false;
        }

        (author.Name, author.Function, author.Organisation, author.Phone, author.Email) = (name, function, organisation, phone, email);
        return true;
    }

    private async Task<bool> LoadAsync(Guid sid, bool tracking = false)
    {
        var found = await SignalementAccess.FindAsync(db, User, sid, clock.GetUtcNow().UtcDateTime, tracking);
        if (found is null)
        {
            return false;
        }

        Current = found;
        MinorName = found.Situation.MinorName(cipher);
        Recipients = SignalementRecipient.FromJson(found.Signalement.RecipientsJson);
        NeedsCode = !(await authorization.AuthorizeAsync(User, Policies.RecentStepUp)).Succeeded;
        return true;
    }

    private void FillInput()
    {
        var content = SignalementContent.Decrypt(cipher, Signalement.ContentEncrypted);
        Input = new DraftInput
        {
            Version = Signalement.Version,
            Texts = SignalementContent.Sections.ToDictionary(s => s.Key, s => content[s.Key]),
            Authors = [.. Signalement.Authors.Select(a => new AuthorInput
            {
                Id = a.Id, Name = a.Name, Function = a.Function, Organisation = a.Organisation, Phone = a.Phone, Email = a.Email,
            })],
        };
    }

    /// <summary>
    /// Who may be added as an author: active Professionnel and Coordination users who can see the
    /// situation (Coordination; the referent organisation; a current share), so that they can read
    /// and validate the text.
    /// </summary>
    private IQueryable<VigieUser> CandidatesQuery()
    {
        var situationId = Signalement.SituationId;
        var organisation = Current.Situation.ReferentOrganisationId;
        var authors = Signalement.Authors.Select(a => a.UserId).ToList();
        var professionnel = db.Roles.Where(r => r.Name == Roles.Professionnel).Select(r => r.Id);
        var coordination = db.Roles.Where(r => r.Name == Roles.Coordination).Select(r => r.Id);
        return db.Users.AsNoTracking().Where(u => u.IsActive && !authors.Contains(u.Id)
            && (db.UserRoles.Any(ur => ur.UserId == u.Id && coordination.Contains(ur.RoleId))
                || (db.UserRoles.Any(ur => ur.UserId == u.Id && professionnel.Contains(ur.RoleId))
                    && (u.OrganisationId == organisation || db.SituationAssignments.Any(a => a.SituationId == situationId && a.UserId == u.Id && a.EndedAt == null)))));
    }

    private async Task SearchAsync()
    {
        var term = AuthorSearch?.Trim();
        if (string.IsNullOrEmpty(term) || !Editable)
        {
            return;
        }

        if (term.Length < 2)
        {
            ModelState.AddModelError("auteur", "Tapez au moins deux caractères du nom.");
            Candidates = [];
            return;
        }

        var lowered = term.ToLowerInvariant();
        Candidates = await CandidatesQuery().Where(u => u.DisplayName.ToLower().Contains(lowered))
            .OrderBy(u => u.DisplayName).Take(SearchResults)
            .Select(u => new Candidate(u.Id, u.DisplayName, u.JobTitle, u.Organisation!.Name)).ToListAsync();
    }

    public sealed record Candidate(string Id, string Name, string? Function, string Organisation);

    public sealed class DraftInput
    {
        public int Version { get; set; }

        public Dictionary<string, string> Texts { get; set; } = [];

        public List<AuthorInput> Authors { get; set; } = [];
    }

    public sealed class AuthorInput
    {
        public Guid Id { get; set; }

        public string? Name { get; set; }

        public string? Function { get; set; }

        public string? Organisation { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }
    }
}
