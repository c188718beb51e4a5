using System.Globalization;

namespace Vigie.Web.Features.Enquetes;

/// <summary>How the survey pages print dates and statuses.</summary>
public static class SurveyLabels
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));

    public static string Response(ResponseStatus? status) => status switch
    {
        null => "Pas encore de réponse",
        ResponseStatus.Brouillon => "Brouillon enregistré",
        ResponseStatus.Envoyee => "Réponse envoyée",
        _ => status.ToString()!,
    };
}
