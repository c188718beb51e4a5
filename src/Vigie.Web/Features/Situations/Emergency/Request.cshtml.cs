using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Emergency;

/// <summary>
/// "Bris de glace" (ACCESS.md): a professionnel types the minor's identity and a justification,
/// after a fresh authenticator code; every situation whose blind index matches and that they
/// cannot see yet opens to them for 24 hours, and Coordination and the DPO are notified. Every
/// attempt is audited, matched or not; a miss says nothing about what exists.
/// </summary>
[Authorize(Roles = Roles.Professionnel)]
public sealed class RequestModel(
    VigieDbContext db,
    FieldCipher cipher,
    BlindIndex index,
    IAuthorizationService authorization,
    StepUp stepUp,
    IAuditLog audit,
    INotifier notifier,
    TimeProvider clock) : PageModel
{
    public const int JustificationMinLength = 20;
    public const int JustificationMaxLength = 2000;
    public const string Path = "/situations/acces-urgence";

    [BindProperty]
    public EmergencyInput Input { get; set; } = new();

    /// <summary>The step-up expired while the form was being filled in: the form asks for a code itself.</summary>
    public bool NeedsCode { get; private set; }

    /// <summary>No situation matched (a neutral message).</summary>
    public bool NoMatch { get; private set; }

    /// <summary>Several situations matched: they are listed.</summary>
    public IReadOnlyList<Match> Matches { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await HasRecentStepUpAsync() ? Page() : Redirect("/compte/confirmation?retour=" + Uri.EscapeDataString(Path));

    public async Task<IActionResult> OnPostAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        if (Input.BirthDate is { } birth && birth > today)
        {
            ModelState.AddModelError("Input.BirthDate", "La date de naissance ne peut pas être dans le futur.");
        }

        if (Input.Justification is { } text && text.Trim().Length < JustificationMinLength && !string.IsNullOrWhiteSpace(text))
        {
            ModelState.AddModelError("Input.Justification",
                $"Expliquez en quelques mots ({JustificationMinLength} caractères au moins) pourquoi vous devez accéder à ce dossier maintenant.");
        }

        var stepUpValid = await HasRecentStepUpAsync();
        NeedsCode = !stepUpValid;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!stepUpValid && !await stepUp.VerifyAsync(User, Input.Code, Path))
        {
            ModelState.AddModelError("Input.Code", string.IsNullOrWhiteSpace(Input.Code)
                ? "Votre confirmation a expiré : saisissez un nouveau code de votre application d'authentification."
                : "Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez.");
            Input.Code = null;
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var fingerprint = index.Compute(Input.LastName!.Trim(), Input.FirstName!.Trim(), Input.BirthDate!.Value);
        var matches = await db.Situations.AsNoTracking().Where(s => s.IdentityIndex == fingerprint).Select(s => s.Id).ToListAsync();
        if (matches.Count == 0)
        {
            await audit.RecordAsync(AuditAction.EmergencyAccess, AuditRecordType.EmergencyAccess, null, AuditOutcome.Failure);
            NoMatch = true;
            NeedsCode = false;
            return Page();
        }

        var visible = await db.Situations.AsNoTracking().VisibleTo(User, now).Where(s => matches.Contains(s.Id)).Select(s => s.Id).ToListAsync();
        var granted = matches.Except(visible).ToList();
        var justification = Input.Justification!.Trim();
        foreach (var id in granted)
        {
            db.EmergencyAccesses.Add(new EmergencyAccess
            {
                SituationId = id,
                UserId = userId,
                JustificationEncrypted = cipher.Encrypt(justification, EmergencyAccess.JustificationPurpose),
                GrantedAt = now,
                ExpiresAt = now + EmergencyAccess.Duration,
            });
            db.SituationEvents.Add(SituationEvent.Of(id, now, userId, SituationEventKind.EmergencyAccess));
        }

        await db.SaveChangesAsync();
        foreach (var id in granted)
        {
            await audit.RecordAsync(AuditAction.EmergencyAccess, AuditRecordType.Situation, id.ToString());
            await notifier.NotifyRolesAsync([Roles.Coordination, Roles.Dpo], NotificationKind.EmergencyAccess, $"/situations/{id}");
        }

        if (matches.Count == 1)
        {
            return Redirect($"/situations/{matches[0]}");
        }

        Matches = await db.Situations.AsNoTracking().Where(s => matches.Contains(s.Id))
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new Match(s.Id, s.CreatedAt, s.Status, s.ReferentOrganisation!.Name))
            .ToListAsync();
        Matches = Matches.Select(m => m with { Granted = granted.Contains(m.Id) }).ToList();
        ModelState.Clear();
        Input = new EmergencyInput();
        NeedsCode = false;
        return Page();
    }

    private async Task<bool> HasRecentStepUpAsync() =>
        (await authorization.AuthorizeAsync(User, Policies.RecentStepUp)).Succeeded;

    public sealed record Match(Guid Id, DateTime CreatedAt, SituationStatus Status, string Organisation, bool Granted = false);

    public sealed class EmergencyInput : MinorIdentityInput
    {
        [Required(ErrorMessage = "Justifiez l'accès d'urgence : pourquoi devez-vous consulter ce dossier maintenant ?")]
        [StringLength(JustificationMaxLength, ErrorMessage = "La justification fait 2 000 caractères au plus.")]
        public string? Justification { get; set; }

        /// <summary>Only when the step-up expired while the form was open.</summary>
        public string? Code { get; set; }
    }
}
