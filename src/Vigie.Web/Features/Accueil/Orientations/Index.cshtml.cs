using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Accueil.Orientations;

/// <summary>The orientations of one situation and the form to record a new one. Out of scope: 404.</summary>
public sealed class IndexModel(VigieDbContext db, Occupancy occupancy, FieldCipher cipher, IAuditLog audit, TimeProvider clock)
    : OrientationPage(db, occupancy, cipher, audit, clock)
{
    public IReadOnlyList<Row> Orientations { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await ShowAsync(id))
        {
            return NotFound();
        }

        Input.ProposedOn = OrientationInput.Iso(Today);
        Input.Outcome = nameof(OrientationOutcome.EnAttente);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadSituationAsync(id))
        {
            return NotFound();
        }

        if (Refusal(() => Page()) is { } refusal)
        {
            await ShowAsync(id);
            return refusal;
        }

        await LoadFacilitiesAsync();
        var facility = Facilities.FirstOrDefault(f => f.Id.ToString() == Input.FacilityId?.Trim());
        if (facility is null)
        {
            ModelState.AddModelError("Input.FacilityId", string.IsNullOrWhiteSpace(Input.FacilityId)
                ? "Choisissez le lieu d'accueil."
                : "Ce lieu d'accueil n'existe pas ou n'est plus actif : choisissez-en un dans la liste.");
        }

        var valid = Input.Validate(ModelState, nameof(Input), Today);
        if (facility is null || valid is not { } v || !ModelState.IsValid
            || !await CapacityAcceptedAsync(facility, v.Dates, v.Outcome, except: null))
        {
            await ShowAsync(id);
            return Page();
        }

        var orientation = Orientation.Create(id, facility.Id, v.Dates, v.Outcome, Cipher.Encrypt(v.Reason, Orientation.ReasonPurpose),
            v.EndReason is null ? null : Cipher.Encrypt(v.EndReason, Orientation.EndReasonPurpose), UserId, Now, Today);
        Db.Orientations.Add(orientation);
        await Db.SaveChangesAsync();
        await AuditSavedAsync(AuditAction.Create, orientation.Id);
        Status = $"L'orientation vers « {facility.Name} » est enregistrée.";
        return Redirect($"/situations/{id}/orientations");
    }

    private async Task<bool> ShowAsync(Guid id)
    {
        if (!await LoadSituationAsync(id))
        {
            return false;
        }

        if (Facilities.Count == 0)
        {
            await LoadFacilitiesAsync();
        }

        var rows = await Db.Orientations.AsNoTracking().Where(o => o.SituationId == id)
            .OrderByDescending(o => o.ProposedOn).ThenByDescending(o => o.CreatedAt)
            .Select(o => new
            {
                o.Id, o.FacilityId, Facility = o.Facility!.Name, o.ProposedOn, o.StartOn, o.PlannedEndOn, o.ActualEndOn, o.Outcome,
                o.ReasonEncrypted, o.EndReasonEncrypted,
            })
            .ToListAsync();
        Orientations = rows.Select(o => new Row(o.Id, o.FacilityId, o.Facility, o.ProposedOn, o.StartOn, o.PlannedEndOn, o.ActualEndOn, o.Outcome,
            Cipher.Decrypt(o.ReasonEncrypted, Orientation.ReasonPurpose),
            o.EndReasonEncrypted is null ? null : Cipher.Decrypt(o.EndReasonEncrypted, Orientation.EndReasonPurpose))).ToList();
        await Audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationOrientations, id.ToString());
        return true;
    }

    public sealed record Row(Guid Id, Guid FacilityId, string Facility, DateOnly ProposedOn, DateOnly? StartOn, DateOnly? PlannedEndOn,
        DateOnly? ActualEndOn, OrientationOutcome Outcome, string Reason, string? EndReason);
}
