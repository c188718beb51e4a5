using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigie.Web.Features.Formation.Import;

/// <summary>The empty attendance sheet: modele.xlsx (with its "Aide" sheet) or modele.csv. It holds no data.</summary>
[Authorize(Policy = FormationPolicies.Manage)]
public sealed class TemplateModel : PageModel
{
    public IActionResult OnGet(string format) => format switch
    {
        "xlsx" => File(AttendanceTemplate.Xlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "vigie-feuille-emargement.xlsx"),
        "csv" => File(AttendanceTemplate.Csv(), "text/csv; charset=utf-8", "vigie-feuille-emargement.csv"),
        _ => NotFound(),
    };
}
