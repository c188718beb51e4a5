using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Actions;

/// <summary>
/// The commission's actions for Coordination: overdue ones grouped by organisation (count, oldest
/// due date), and the list, filtered by organisation and status (open by default).
/// </summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class CoordinationModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, TimeProvider clock) : PageModel
{
    public const int MaxRows = 200;

    /// <summary>The status filter's values (query string) and labels.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> StatusFilters =
    [
        ("ouvertes", "En cours"),
        ("en-retard", "En retard"),
        ("faites", "Faites"),
        ("impossibles", "Impossibles"),
        ("non-faites", "Non faites"),
        ("toutes", "Toutes"),
    ];

    [FromQuery(Name = "organisation")]
    public Guid? OrganisationFilter { get; set; }

    [FromQuery(Name = "statut")]
    public string? StatusFilter { get; set; }

    public IReadOnlyList<OverdueGroup> Overdue { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public IReadOnlyList<ActionRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ActionRows.Today(now);
        if (StatusFilters.All(f => f.Key != StatusFilter))
        {
            StatusFilter = "ouvertes";
        }

        var groups = await db.CommissionActions
            .Where(a => a.Status == ActionStatus.Ouverte && a.DueOn < today)
            .GroupBy(a => a.OwnerOrganisationId)
            .Select(g => new { Organisation = g.Key, Count = g.Count(), Oldest = g.Min(a => a.DueOn) })
            .ToListAsync();
        var names = await db.Organisations
            .Where(o => db.CommissionActions.Any(a => a.OwnerOrganisationId == o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync();
        Organisations = names.Select(o => (o.Id, o.Name)).ToList();
        var nameOf = names.ToDictionary(o => o.Id, o => o.Name);
        Overdue = groups
            .Select(g => new OverdueGroup(g.Organisation, nameOf.GetValueOrDefault(g.Organisation, "?"), g.Count, g.Oldest, today.DayNumber - g.Oldest.DayNumber))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Oldest)
            .ToList();

        var actions = db.CommissionActions.AsQueryable();
        if (OrganisationFilter is { } organisation)
        {
            actions = actions.Where(a => a.OwnerOrganisationId == organisation);
        }

        actions = StatusFilter switch
        {
            "en-retard" => actions.Where(a => a.Status == ActionStatus.Ouverte && a.DueOn < today),
            "faites" => actions.Where(a => a.Status == ActionStatus.Faite),
            "impossibles" => actions.Where(a => a.Status == ActionStatus.Impossible),
            "non-faites" => actions.Where(a => a.Status == ActionStatus.NonFaite),
            "toutes" => actions,
            _ => actions.Where(a => a.Status == ActionStatus.Ouverte),
        };
        Total = await actions.CountAsync();
        var rows = await ActionRows.LoadAsync(db, cipher, User, now, actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(MaxRows));
        Rows = rows.OrderBy(r => r.DueOn).ThenBy(r => r.SessionNumber).ToList();
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.CommissionFigures, "actions");
    }

    public sealed record OverdueGroup(Guid OrganisationId, string Organisation, int Count, DateOnly Oldest, int OldestDaysLate);
}
