using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Accueil.Orientations;

/// <summary>A facility offered in the orientation form.</summary>
public sealed record FacilityChoice(Guid Id, string Name, FacilityType Type, int? Capacity, bool IsActive);

/// <summary>
/// What the two orientation pages of a situation share: the scope check (404 out of scope, as every
/// page of a situation), who may record (anyone who sees the situation, except by emergency access,
/// and not on a closed situation), the capacity check with its explicit confirmation, and the audit.
/// </summary>
public abstract class OrientationPage(VigieDbContext db, Occupancy occupancy, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public OrientationInput Input { get; set; } = new();

    public Guid Id { get; protected set; }

    public string MinorName { get; protected set; } = string.Empty;

    public bool IsClosed { get; protected set; }

    public bool ReadOnlyAccess { get; protected set; }

    public bool MayRecord => !IsClosed && !ReadOnlyAccess;

    public IReadOnlyList<FacilityChoice> Facilities { get; protected set; } = [];

    /// <summary>Set when the orientation would exceed the facility's places: the form asks for an explicit confirmation.</summary>
    public CapacityExcess? Excess { get; protected set; }

    public string? ExcessFacility { get; protected set; }

    protected VigieDbContext Db => db;

    protected FieldCipher Cipher => cipher;

    protected IAuditLog Audit => audit;

    protected DateTime Now { get; private set; }

    protected DateOnly Today { get; private set; }

    protected string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    /// <summary>Loads the situation the user sees; false when it is out of scope or absent (the same 404).</summary>
    protected async Task<bool> LoadSituationAsync(Guid id)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Today = DateOnly.FromDateTime(ParisTime.ToLocal(Now));
        var situation = await db.Situations.AsNoTracking().VisibleTo(User, Now).Where(s => s.Id == id)
            .Select(s => new { s.FirstNameEncrypted, s.LastNameEncrypted, s.Status, s.ReferentOrganisationId })
            .FirstOrDefaultAsync();
        if (situation is null)
        {
            return false;
        }

        Id = id;
        MinorName = Situation.DisplayName(cipher, situation.FirstNameEncrypted, situation.LastNameEncrypted);
        IsClosed = situation.Status == SituationStatus.Cloturee;
        ReadOnlyAccess = !(await SituationReach.OfAsync(db, User, id, situation.ReferentOrganisationId, Now)).MayContribute;
        return true;
    }

    /// <summary>The active facilities, plus <paramref name="current"/> (an edited orientation's, even inactive).</summary>
    protected async Task LoadFacilitiesAsync(Guid? current = null)
    {
        Facilities = await db.Facilities.AsNoTracking().Where(f => f.IsActive || f.Id == current)
            .OrderBy(f => f.Name)
            .Select(f => new FacilityChoice(f.Id, f.Name, f.Type, f.Capacity, f.IsActive))
            .ToListAsync();
    }

    /// <summary>Why the user may not record here (closed, emergency access), as the answer to give; null when they may.</summary>
    protected IActionResult? Refusal(Func<IActionResult> page)
    {
        if (ReadOnlyAccess)
        {
            return Forbid();
        }

        if (IsClosed)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, "La situation est clôturée : ses orientations ne peuvent plus être modifiées. Rouvrez-la d'abord.");
            return page();
        }

        return null;
    }

    /// <summary>
    /// Whether the stay fits the facility's places, or the user confirmed going over them. When it does
    /// not fit and is not confirmed, <see cref="Excess"/> is set for the page to warn.
    /// </summary>
    protected async Task<bool> CapacityAcceptedAsync(FacilityChoice facility, OrientationDates dates, OrientationOutcome outcome, Guid? except)
    {
        if (outcome == OrientationOutcome.Refuse || facility.Capacity is not > 0 || dates.PlannedStay() is not { } stay)
        {
            return true;
        }

        Excess = await occupancy.FirstExcessAsync(facility.Id, facility.Capacity.Value, stay.From, stay.Until, except);
        ExcessFacility = facility.Name;
        if (Excess is null || Input.ConfirmOverCapacity)
        {
            return true;
        }

        // A warning, not an error: the form comes back with the warning and the box to tick.
        return false;
    }

    /// <summary>After saving: the audit of the record and, when the user went over capacity, of that confirmation.</summary>
    protected async Task AuditSavedAsync(string action, Guid orientationId)
    {
        await audit.RecordAsync(action, AuditRecordType.Orientation, orientationId.ToString());
        if (Excess is not null && Input.ConfirmOverCapacity)
        {
            await audit.RecordAsync(AuditAction.CapacityExceededConfirmed, AuditRecordType.Orientation, orientationId.ToString());
        }
    }
}
