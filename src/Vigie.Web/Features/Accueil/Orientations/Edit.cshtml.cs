using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Accueil.Orientations;

/// <summary>Updating one orientation: its dates, outcome, reason (the facility stays). Out of scope: 404.</summary>
public sealed class EditModel(VigieDbContext db, Occupancy occupancy, FieldCipher cipher, IAuditLog audit, TimeProvider clock)
    : OrientationPage(db, occupancy, cipher, audit, clock)
{
    public Guid OrientationId { get; private set; }

    public string FacilityName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid orientationId)
    {
        if (!await LoadSituationAsync(id))
        {
            return NotFound();
        }

        var orientation = await Db.Orientations.AsNoTracking().Include(o => o.Facility).FirstOrDefaultAsync(o => o.Id == orientationId && o.SituationId == id);
        if (orientation is null)
        {
            return NotFound();
        }

        Input = OrientationInput.Of(orientation, Cipher.Decrypt(orientation.ReasonEncrypted, Orientation.ReasonPurpose),
            orientation.EndReasonEncrypted is null ? null : Cipher.Decrypt(orientation.EndReasonEncrypted, Orientation.EndReasonPurpose));
        await ShowAsync(orientation);
        await Audit.RecordAsync(AuditAction.Read, AuditRecordType.Orientation, orientationId.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid orientationId)
    {
        if (!await LoadSituationAsync(id))
        {
            return NotFound();
        }

        var orientation = await Db.Orientations.Include(o => o.Facility).FirstOrDefaultAsync(o => o.Id == orientationId && o.SituationId == id);
        if (orientation is null)
        {
            return NotFound();
        }

        await ShowAsync(orientation);
        if (Refusal(() => Page()) is { } refusal)
        {
            return refusal;
        }

        // The facility of an orientation does not change: a new orientation is recorded instead.
        Input.FacilityId = orientation.FacilityId.ToString();
        var facility = Facilities.Single(f => f.Id == orientation.FacilityId);
        var valid = Input.Validate(ModelState, nameof(Input), Today);
        if (valid is not { } v || !ModelState.IsValid || !await CapacityAcceptedAsync(facility, v.Dates, v.Outcome, except: orientation.Id))
        {
            return Page();
        }

        orientation.Update(v.Dates, v.Outcome, Cipher.Encrypt(v.Reason, Orientation.ReasonPurpose),
            v.EndReason is null ? null : Cipher.Encrypt(v.EndReason, Orientation.EndReasonPurpose), UserId, Now, Today);
        await Db.SaveChangesAsync();
        await AuditSavedAsync(AuditAction.Update, orientation.Id);
        TempData["Status"] = "L'orientation est mise à jour.";
        return Redirect($"/situations/{id}/orientations");
    }

    private async Task ShowAsync(Orientation orientation)
    {
        OrientationId = orientation.Id;
        FacilityName = orientation.Facility!.Name;
        await LoadFacilitiesAsync(orientation.FacilityId);
    }
}
