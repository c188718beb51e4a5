using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>The empty file to fill in: modele.xlsx (with its "Aide" sheet) or modele.csv. It holds no data.</summary>
[Authorize(Policy = Policies.SituationImport)]
public sealed class TemplateModel : PageModel
{
    public IActionResult OnGet(string format) => format switch
    {
        "xlsx" => File(ImportTemplate.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "vigie-import-situations.xlsx"),
        "csv" => File(ImportTemplate.Csv(), "text/csv; charset=utf-8", "vigie-import-situations.csv"),
        _ => NotFound(),
    };
}
