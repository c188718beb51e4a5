using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Corrects the identity of a minor (names, birth date, sex, territory): re-encrypted, blind
/// indexes recomputed, the duplicate warning shown again when the corrected identity matches
/// another open file. Closed situations are read-only.
/// </summary>
public sealed class EditIdentityModel(VigieDbContext db, FieldCipher cipher, BlindIndex index, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CreateModel.SituationInput Input { get; set; } = new();

    public Guid Id { get; private set; }

    public bool IsClosed { get; private set; }

    public CreateModel.DuplicateHolder? Duplicate { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var situation = await FindAsync(id);
        if (situation is null)
        {
            return NotFound();
        }

        if (!SituationScope.MayManage(User, situation))
        {
            return Forbid();
        }

        var identity = situation.ReadIdentity(cipher);
        Input = new CreateModel.SituationInput
        {
            LastName = identity.LastName,
            FirstName = identity.FirstName,
            BirthDate = identity.BirthDate,
            Sex = situation.Sex,
            Territory = situation.Territory,
        };
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, $"{id}#identite");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var situation = await FindAsync(id);
        if (situation is null)
        {
            return NotFound();
        }

        if (!SituationScope.MayManage(User, situation))
        {
            return Forbid();
        }

        if (IsClosed)
        {
            ModelState.AddModelError(string.Empty, "La situation est clôturée : rouvrez-la pour corriger l'identité.");
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Input.CheckBirthDate(ModelState, DateOnly.FromDateTime(now));
        if (situation.DetectedOn is { } detected && Input.BirthDate is { } birth && detected < birth)
        {
            ModelState.AddModelError("Input.BirthDate", "La date de repérage de l'évaluation en cours précède cette date de naissance : vérifiez-la.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var identity = new MinorIdentity(Input.LastName!.Trim(), Input.FirstName!.Trim(), Input.BirthDate!.Value);
        var fingerprint = index.Compute(identity.LastName, identity.FirstName, identity.BirthDate);
        if (fingerprint != situation.IdentityIndex && !Input.ConfirmDuplicate)
        {
            var organisation = Guid.TryParse(User.FindFirstValue(Compte.VigieClaimTypes.OrganisationId), out var own) ? own : Guid.Empty;
            Duplicate = await CreateModel.DuplicateHolder.FindAsync(db, fingerprint, organisation, exceptId: id);
            if (Duplicate is not null)
            {
                await audit.RecordAsync(AuditAction.Read, AuditRecordType.DuplicateCheck, id.ToString(), AuditOutcome.Denied);
                return Page();
            }
        }

        var previousIndex = situation.IdentityIndex;
        situation.SetIdentity(identity, cipher, index, now);
        situation.SetDescription(Input.Sex, Input.Territory, now);
        db.SituationEvents.Add(SituationEvent.Of(id, now, User.FindFirstValue(ClaimTypes.NameIdentifier)!, SituationEventKind.IdentityCorrected));
        await db.SaveChangesAsync();
        await Observatoire.MinorCounting.RefreshAsync(db, previousIndex, situation.IdentityIndex);
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, $"{id}#identite");
        Status = "L'identité est corrigée.";
        return Redirect($"/situations/{id}");
    }

    private async Task<Situation?> FindAsync(Guid id)
    {
        Id = id;
        var situation = await db.Situations.VisibleTo(User, clock.GetUtcNow().UtcDateTime).FirstOrDefaultAsync(s => s.Id == id);
        IsClosed = situation?.Status == SituationStatus.Cloturee;
        return situation;
    }
}
