using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigie.Web.Features;

/// <summary>The generic error page: a status and a plain sentence, never a stack trace or a detail.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Erreur";

    public string Message { get; private set; } = string.Empty;

    // The code is read from the route by hand: binding a parameter would read the form of a
    // re-executed POST again, and fail the same way when the form is what was wrong.
    public void OnGet() => Describe(RouteCode());

    public void OnPost() => Describe(RouteCode());

    private int? RouteCode() =>
        int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : null;

    private void Describe(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        // Reached directly (not re-executed), the page answers 404 rather than pretend an error happened.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null
            && HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
        {
            status = code ?? StatusCodes.Status404NotFound;
        }

        Response.StatusCode = status;
        (Title, Message) = status switch
        {
            404 => ("Page introuvable", "La page demandée n'existe pas ou vous n'y avez pas accès."),
            403 => ("Accès refusé", "Votre rôle ne permet pas d'accéder à cette page. Ce refus est enregistré dans le journal d'audit."),
            400 => ("Requête invalide", "La requête n'a pas pu être traitée. Rechargez la page et réessayez."),
            413 => ("Envoi trop volumineux", "Le formulaire envoyé est trop volumineux : rien n'a été enregistré. Revenez à la page précédente, raccourcissez les textes les plus longs (100 000 caractères au plus par champ), puis enregistrez de nouveau."),
            429 => ("Trop de tentatives", "Patientez une minute avant de réessayer."),
            _ => ("Une erreur est survenue", "L'opération n'a pas pu aboutir. Réessayez ; si le problème persiste, contactez l'administrateur de Vigie."),
        };
    }
}
