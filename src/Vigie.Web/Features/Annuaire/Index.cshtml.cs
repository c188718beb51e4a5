using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Annuaire;

/// <summary>The partners' directory, for every signed-in role: search, and filters by kind, territory and role in the commission. Audited (read of the list; the query is not logged).</summary>
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public DirectoryKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "territoire")]
    public string? Territory { get; set; }

    [BindProperty(SupportsGet = true, Name = "commission")]
    public CommissionMembership? Membership { get; set; }

    [BindProperty(SupportsGet = true, Name = "retirees")]
    public bool Retired { get; set; }

    [TempData]
    public string? Status { get; set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<EntryRow> Rows { get; private set; } = [];

    public IReadOnlyList<string> Territories { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Kind is not null || !string.IsNullOrWhiteSpace(Territory) || Membership is not null;

    public async Task OnGetAsync()
    {
        CanEdit = (await authorization.AuthorizeAsync(User, AnnuairePolicies.Edit)).Succeeded;
        if (!CanEdit)
        {
            Retired = false;
        }

        // A filter value the page never offers (a hand-made address) is ignored rather than failing.
        ModelState.Clear();
        if (Kind is { } k && !Enum.IsDefined(k))
        {
            Kind = null;
        }

        if (Q is { Length: > 200 })
        {
            Q = Q[..200];
        }

        var ct = HttpContext.RequestAborted;
        Rows = await DirectoryQueries.RowsAsync(DirectoryQueries.Filter(db, Q, Kind, Territory, Membership, Retired), ct);
        Territories = await DirectoryQueries.TerritoriesAsync(db, ct);
        await audit.RecordAsync(AuditAction.Read, AnnuaireAudit.List);
    }
}
