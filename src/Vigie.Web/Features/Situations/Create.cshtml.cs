using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

public sealed class CreateModel(VigieDbContext db, FieldCipher cipher, BlindIndex index, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public SituationInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    /// <summary>Only the other organisation's name and contact: nothing of the other file.</summary>
    public DuplicateHolder? Duplicate { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.CheckBirthDate(ModelState, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!Guid.TryParse(User.FindFirstValue(VigieClaimTypes.OrganisationId), out var organisation))
        {
            return Forbid();
        }

        var identity = new MinorIdentity(Input.LastName!.Trim(), Input.FirstName!.Trim(), Input.BirthDate!.Value);
        var fingerprint = index.Compute(identity.LastName, identity.FirstName, identity.BirthDate);
        Duplicate = await DuplicateHolder.FindAsync(db, fingerprint, organisation);
        if (Duplicate is not null && !Input.ConfirmDuplicate)
        {
            await audit.RecordAsync(AuditAction.Read, AuditRecordType.DuplicateCheck, null, AuditOutcome.Denied);
            return Page();
        }

        var situation = Situation.Open(identity, Input.Sex, Input.Territory, organisation,
            User.FindFirstValue(ClaimTypes.NameIdentifier)!, cipher, index, clock.GetUtcNow().UtcDateTime);
        db.Situations.Add(situation);
        db.SituationEvents.Add(SituationEvent.Of(situation.Id, situation.CreatedAt, situation.CreatedById, SituationEventKind.Opened));
        await db.SaveChangesAsync();
        await Observatoire.MinorCounting.RefreshAsync(db, situation.IdentityIndex); // even a closed file of the same minor counts first
        await audit.RecordAsync(AuditAction.Create, AuditRecordType.Situation, situation.Id.ToString());
        Status = "La situation est ouverte.";
        return Redirect($"/situations/{situation.Id}");
    }

    public sealed record DuplicateHolder(string Name, string? Contact, bool IsOwnOrganisation)
    {
        /// <summary>Another open file with this identity fingerprint (any organisation, except <paramref name="exceptId"/>), reduced to whom to contact.</summary>
        public static Task<DuplicateHolder?> FindAsync(VigieDbContext db, string fingerprint, Guid ownOrganisation, Guid? exceptId = null) =>
            db.Situations.AsNoTracking()
                .Where(s => s.IdentityIndex == fingerprint && s.Status != SituationStatus.Cloturee && s.Id != exceptId)
                .Select(s => new DuplicateHolder(s.ReferentOrganisation!.Name, s.ReferentOrganisation.Phone ?? s.ReferentOrganisation.Email, s.ReferentOrganisationId == ownOrganisation))
                .FirstOrDefaultAsync();
    }

    public sealed class SituationInput : MinorIdentityInput
    {
        public Sex Sex { get; set; }

        [StringLength(120, ErrorMessage = "Le territoire fait 120 caractères au plus.")]
        public string? Territory { get; set; }

        public bool ConfirmDuplicate { get; set; }
    }
}
