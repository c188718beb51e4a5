using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// The observatory's filters as the query string carries them (a year, or a period; a territory; a
/// level), checked with French messages, for the dashboard, the exports and the report alike.
/// </summary>
public sealed class ObservatoryQuery
{
    [FromQuery(Name = "annee")]
    public int? Year { get; set; }

    [FromQuery(Name = "du")]
    public string? FromText { get; set; }

    [FromQuery(Name = "au")]
    public string? ToText { get; set; }

    [FromQuery(Name = "territoire")]
    public string? Territory { get; set; }

    [FromQuery(Name = "niveau")]
    public string? LevelText { get; set; }

    public static string LevelKey(QualificationLevel level) => level == QualificationLevel.EnRisque ? "en-risque" : "averee";

    /// <summary>The filter asked, or, when something is wrong (messages added to <paramref name="errors"/>), the current year.</summary>
    public ObservatoryFilter Resolve(ModelStateDictionary errors, int currentYear)
    {
        QualificationLevel? level = LevelText?.Trim() switch
        {
            null or "" => null,
            "en-risque" => QualificationLevel.EnRisque,
            "averee" => QualificationLevel.Averee,
            _ => Invalid(errors, "niveau", "Ce niveau n'existe pas : choisissez « en risque » ou « avérée »."),
        };
        var territory = string.IsNullOrWhiteSpace(Territory) ? null : Territory.Trim();
        if (territory is { Length: > 120 })
        {
            errors.AddModelError("territoire", "Le territoire fait 120 caractères au plus.");
            territory = null;
        }

        if (!string.IsNullOrWhiteSpace(FromText) || !string.IsNullOrWhiteSpace(ToText))
        {
            return PeriodInput.Parse(FromText, ToText, errors) is { } period && errors.IsValid
                ? new ObservatoryFilter(period.From, period.To, territory, level)
                : ObservatoryFilter.Year(currentYear, territory, level);
        }

        if (Year is not null and not (>= 2000 and <= 2100))
        {
            errors.AddModelError("annee", "Choisissez une année entre 2000 et 2100.");
            Year = null;
        }

        Year ??= currentYear;
        return ObservatoryFilter.Year(Year.Value, territory, level);
    }

    /// <summary>The query string of a filter, for links to the exports and the report.</summary>
    public static string QueryString(ObservatoryFilter filter)
    {
        var parts = new List<string>();
        if (filter.IsWholeYear)
        {
            parts.Add("annee=" + filter.From.Year.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            parts.Add("du=" + filter.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            parts.Add("au=" + filter.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (filter.Territory is not null)
        {
            parts.Add("territoire=" + Uri.EscapeDataString(filter.Territory));
        }

        if (filter.Level is { } level)
        {
            parts.Add("niveau=" + LevelKey(level));
        }

        return string.Join("&", parts);
    }

    /// <summary>The French messages of a refused file request, as ProblemDetails (a link that was altered by hand).</summary>
    public static ObjectResult Problem(ModelStateDictionary errors, string title) => new(new ProblemDetails
    {
        Status = 400, Title = title,
        Detail = string.Join(" ", errors.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)),
    }) { StatusCode = 400 };

    private static QualificationLevel? Invalid(ModelStateDictionary errors, string key, string message)
    {
        errors.AddModelError(key, message);
        return null;
    }

}
