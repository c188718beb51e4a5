using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Observatoire.Extract;

/// <summary>
/// "Extrait pseudonymisé": the period form, then the file (handler <c>Fichier</c>). The file is an
/// export: it needs a fresh authenticator code (the confirmation page, then back here with the same
/// period) and every download is audited with the period as record id.
/// </summary>
[Authorize(Policy = Policies.Observatory)]
public sealed class IndexModel(PseudonymisedExtract extract, IAuditLog audit, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    /// <summary>The longest period asked at once, as the commission's figures.</summary>
    public const int MaxDays = 3660;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy"];

    [FromQuery(Name = "annee")]
    public string? YearText { get; set; }

    [FromQuery(Name = "du")]
    public string? FromText { get; set; }

    [FromQuery(Name = "au")]
    public string? ToText { get; set; }

    [FromQuery(Name = "format")]
    public string? Format { get; set; }

    public int CurrentYear { get; private set; }

    public void OnGet()
    {
        CurrentYear = Today().Year;
        if (string.IsNullOrWhiteSpace(YearText) && string.IsNullOrWhiteSpace(FromText) && string.IsNullOrWhiteSpace(ToText))
        {
            // The usual request is last year's extract.
            YearText = (CurrentYear - 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    public async Task<IActionResult> OnGetFichierAsync(CancellationToken cancellationToken)
    {
        CurrentYear = Today().Year;
        var period = ReadPeriod();
        if (Format is not (null or "" or "csv"))
        {
            ModelState.AddModelError("format", "Ce format n'est pas proposé : choisissez le fichier csv.");
        }

        if (period is null || !ModelState.IsValid)
        {
            return Page();
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.RecentStepUp)).Succeeded)
        {
            return Redirect("/compte/confirmation?retour=" + Uri.EscapeDataString(Request.PathBase + Request.Path + Request.QueryString));
        }

        // Logged before the first byte leaves: an interrupted download was still a download.
        await audit.RecordAsync(AuditAction.Export, AuditRecordType.PseudonymisedExtract, period.RecordId, cancellationToken: cancellationToken);
        Response.ContentType = ExtractCsv.ContentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = period.FileName("csv") }.ToString();
        await ExtractCsv.WriteAsync(Response.Body, extract.ReadAsync(period, cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>A year ("annee") or a range ("du", "au"); null with messages in ModelState when it does not parse.</summary>
    private ExtractPeriod? ReadPeriod()
    {
        var hasRange = !string.IsNullOrWhiteSpace(FromText) || !string.IsNullOrWhiteSpace(ToText);
        if (!hasRange)
        {
            if (string.IsNullOrWhiteSpace(YearText))
            {
                ModelState.AddModelError("annee", "Indiquez l'année de l'extrait, ou une période (du … au …).");
                return null;
            }

            if (!int.TryParse(YearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000 || year > CurrentYear)
            {
                ModelState.AddModelError("annee", $"L'année « {YearText} » n'est pas valide : indiquez une année entre 2000 et {CurrentYear}, en quatre chiffres.");
                return null;
            }

            return new ExtractPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        var fromOk = TryParseDate(FromText, out var from);
        var toOk = TryParseDate(ToText, out var to);
        if (!fromOk)
        {
            ModelState.AddModelError("du", string.IsNullOrWhiteSpace(FromText)
                ? "Indiquez la date de début de la période."
                : $"La date de début « {FromText} » n'est pas valide : indiquez un jour (jj/mm/aaaa).");
        }

        if (!toOk)
        {
            ModelState.AddModelError("au", string.IsNullOrWhiteSpace(ToText)
                ? "Indiquez la date de fin de la période."
                : $"La date de fin « {ToText} » n'est pas valide : indiquez un jour (jj/mm/aaaa).");
        }

        if (fromOk && toOk && to < from)
        {
            ModelState.AddModelError("au", "La date de fin précède la date de début.");
        }
        else if (fromOk && toOk && to.DayNumber - from.DayNumber > MaxDays)
        {
            ModelState.AddModelError("au", "La période demandée dépasse dix ans : choisissez-en une plus courte.");
        }

        return ModelState.IsValid ? new ExtractPeriod(from, to) : null;
    }

    private static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2100;

    private DateOnly Today() => DateOnly.FromDateTime(ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
}
