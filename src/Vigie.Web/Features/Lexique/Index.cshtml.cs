using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Lexique;

/// <summary>
/// The glossary, readable by every signed-in role, with its search (title, synonyms and definition,
/// accents and case aside). Each term keeps the anchor <c>terme-{key}</c> the forms link to. Not
/// audited: it is reference text, neither personal data nor a record of anyone; each term's own page is.
/// </summary>
public sealed class IndexModel(VigieDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Coordination's view of the retired terms, to restore one.</summary>
    [BindProperty(SupportsGet = true, Name = "retires")]
    public bool Retired { get; set; }

    [TempData]
    public string? Status { get; set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<TermView> Terms { get; private set; } = [];

    public async Task OnGetAsync()
    {
        CanEdit = (await authorization.AuthorizeAsync(User, LexiquePolicies.Edit)).Succeeded;
        if (!CanEdit)
        {
            Retired = false;
        }

        if (Q is { Length: > 200 })
        {
            Q = Q[..200];
        }

        Terms = await TermQueries.ListAsync(db, Q, Retired, HttpContext.RequestAborted);
    }
}
