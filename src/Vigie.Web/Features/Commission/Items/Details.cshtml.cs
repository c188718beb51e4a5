using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Items;

/// <summary>
/// One agenda item as the commission sees it (<see cref="SituationScope.ItemsVisibleTo"/>, 404
/// otherwise): first name, age, territory, the presenter's summary, the indicators, the marks, the
/// decisions and actions; full name and birth year once Coordination widens it. The presenter or
/// Coordination edits the summary. Every read is audited.
/// </summary>
[Authorize(Policy = Policies.Commission)]
public sealed class DetailsModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock, IOptions<CommissionOptions> options) : PageModel
{
    public const int SummaryMaxLength = 10000;

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [TempData]
    public string? Status { get; set; }

    public AgendaItem Item { get; private set; } = null!;

    public CommissionSession Session { get; private set; } = null!;

    public ItemPerson Person { get; private set; } = null!;

    public int Age { get; private set; }

    public string? Presenter { get; private set; }

    public string? CurrentSummary { get; private set; }

    public IReadOnlyList<IndicatorMark> Indicators { get; private set; } = [];

    public IReadOnlyList<(string Label, string? Detail, DateOnly? RepresentOn)> Decisions { get; private set; } = [];

    public IReadOnlyList<ActionLine> Actions { get; private set; } = [];

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    public bool MayEditSummary => IsCoordination || Item.PresenterId == UserId;

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(Guid itemId)
    {
        if (!await LoadAsync(itemId))
        {
            return NotFound();
        }

        Summary = CurrentSummary;
        Version = Item.Version;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.AgendaItem, itemId.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostSummaryAsync(Guid itemId)
    {
        if (!await LoadAsync(itemId))
        {
            return NotFound();
        }

        if (!MayEditSummary)
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.AgendaItem, itemId.ToString(), AuditOutcome.Denied);
            return Forbid();
        }

        var summary = Summary?.Trim();
        if (summary is { Length: > SummaryMaxLength })
        {
            ModelState.AddModelError(nameof(Summary), $"Le résumé fait {SummaryMaxLength:N0} caractères au plus.");
            return Page();
        }

        var item = await db.AgendaItems.FirstAsync(i => i.Id == itemId);
        if (item.Version != Version)
        {
            var by = item.UpdatedById is null ? null : (await CommissionAgenda.UserNamesAsync(db, [item.UpdatedById])).GetValueOrDefault(item.UpdatedById);
            ModelState.AddModelError(nameof(Summary), $"Le point a été modifié par {by ?? "un autre utilisateur"} entre-temps : votre texte est conservé ci-dessous, relisez le résumé actuel avant d'enregistrer à nouveau.");
            CurrentSummary = item.SummaryEncrypted is null ? null : cipher.Decrypt(item.SummaryEncrypted, AgendaItem.SummaryPurpose);
            Version = item.Version;
            return Page();
        }

        item.SummaryEncrypted = string.IsNullOrEmpty(summary) ? null : cipher.Encrypt(summary, AgendaItem.SummaryPurpose);
        item.UpdatedAt = Now;
        item.UpdatedById = UserId;
        item.Version++;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(nameof(Summary), "Le point a été modifié par un autre utilisateur entre-temps : votre texte est conservé, enregistrez à nouveau après relecture.");
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.AgendaItem, itemId.ToString());
        Status = "Le résumé est enregistré.";
        return RedirectToPage(new { itemId });
    }

    public async Task<IActionResult> OnPostWidenAsync(Guid itemId, bool widened)
    {
        if (!IsCoordination)
        {
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.AgendaItem, itemId.ToString(), AuditOutcome.Denied);
            return Forbid();
        }

        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId);
        if (item is null)
        {
            return NotFound();
        }

        item.Widened = widened;
        item.UpdatedAt = Now;
        item.UpdatedById = UserId;
        item.Version++;
        await db.SaveChangesAsync();
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.AgendaItem, itemId.ToString());
        Status = widened ? "Le point est élargi : les membres voient le nom complet et l'année de naissance." : "Le point n'est plus élargi.";
        return RedirectToPage(new { itemId });
    }

    private async Task<bool> LoadAsync(Guid itemId)
    {
        var now = Now;
        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Session).Include(i => i.Decisions)
            .Where(i => i.Id == itemId)
            .ItemsVisibleTo(db, User, now, options.Value.MemberAccessAfterClosure)
            .FirstOrDefaultAsync();
        if (item is null)
        {
            return false;
        }

        Item = item;
        Session = item.Session!;
        Person = (await CommissionAgenda.PersonsAsync(db, cipher, [item.SituationId]))[item.SituationId];
        Age = CommissionAgenda.Age(Person.BirthDate, now);
        Presenter = item.PresenterId is null ? null : (await CommissionAgenda.UserNamesAsync(db, [item.PresenterId])).GetValueOrDefault(item.PresenterId);
        CurrentSummary = item.SummaryEncrypted is null ? null : cipher.Decrypt(item.SummaryEncrypted, AgendaItem.SummaryPurpose);
        Indicators = CommissionAgenda.ReadIndicators(cipher, item.IndicatorsEncrypted);
        Decisions = item.Decisions.OrderBy(d => d.CreatedAt).Select(d => (CommissionLabels.Decision(d.Kind),
            d.DetailEncrypted is null ? null : cipher.Decrypt(d.DetailEncrypted, CommissionDecision.DetailPurpose), d.RepresentOn)).ToList();
        var actions = await db.CommissionActions.AsNoTracking().Where(a => a.AgendaItemId == itemId).OrderBy(a => a.DueOn).ToListAsync();
        var owners = await CommissionAgenda.UserNamesAsync(db, actions.Select(a => a.OwnerId));
        var organisationIds = actions.Select(a => a.OwnerOrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name);
        Actions = actions.Select(a => new ActionLine(cipher.Decrypt(a.DescriptionEncrypted, CommissionAction.DescriptionPurpose),
            a.OwnerId is null ? null : owners.GetValueOrDefault(a.OwnerId), organisations.GetValueOrDefault(a.OwnerOrganisationId, "?"), a.DueOn, a.Status)).ToList();
        return true;
    }

    public sealed record ActionLine(string Description, string? Owner, string Organisation, DateOnly DueOn, ActionStatus Status);
}
