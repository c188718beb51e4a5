using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Observatoire.Import;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Formation.Import;

/// <summary>
/// "Importer la feuille d'émargement" of one session: a dry run that reports every problem line by
/// line and writes nothing, then "Enregistrer N participations" that writes the whole sheet in one
/// transaction. Between the two the file waits encrypted on the server (<see cref="ImportUploads"/>,
/// the observatory import's store, which here keeps the session's id): the form carries only a token.
/// </summary>
[Authorize(Policy = FormationPolicies.Manage)]
[UploadWithinLimit]
public sealed class ImportModel(
    VigieDbContext db,
    AttendanceImporter importer,
    ImportUploads uploads,
    IAuditLog audit,
    IOptions<ImportOptions> options) : PageModel
{
    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public SessionHeader Session { get; private set; } = null!;

    public AttendanceReport? Report { get; private set; }

    public string? CommitFailure { get; private set; }

    [TempData]
    public string? Status { get; set; }

    public string MaxSize => (options.Value.MaxFileBytes / (1024d * 1024d)).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR")) + " Mo";

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery(Name = UploadWithinLimitAttribute.TooLargeQuery)] string? tooLarge, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (tooLarge is not null)
        {
            ModelState.AddModelError("Input.File", $"Le fichier envoyé dépasse la taille permise ({MaxSize}) : rien n'a été lu. Découpez-le en plusieurs fichiers.");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAnalyseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Token = null;
        if (Input.File is null || (Input.File.Length == 0 && string.IsNullOrEmpty(Input.File.FileName)))
        {
            ModelState.AddModelError("Input.File", "Choisissez la feuille d'émargement à importer (.xlsx ou .csv).");
        }
        else if (Input.File.Length > options.Value.MaxFileBytes)
        {
            ModelState.AddModelError("Input.File", $"Le fichier dépasse la taille permise ({MaxSize}). Découpez-le en plusieurs fichiers.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var content = new byte[Input.File!.Length];
        await using (var stream = Input.File.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        Report = await importer.DryRunAsync(id, content, cancellationToken);
        await audit.RecordAsync(AuditAction.Read, FormationAudit.AttendanceImport, Report.AuditRecordId(id),
            Report.IsClean ? AuditOutcome.Success : AuditOutcome.Failure, cancellationToken: cancellationToken);
        if (Report.IsClean && Report.ToRecord > 0)
        {
            Input.Token = await uploads.SaveAsync(UserId, id, content, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var upload = await uploads.LoadAsync(UserId, Input.Token, cancellationToken);
        if (upload is null || upload.OrganisationId != id)
        {
            Input.Token = null;
            ModelState.AddModelError("Input.File", "Le fichier vérifié n'est plus disponible (plus d'une heure s'est écoulée, ou il a déjà été importé) : envoyez-le de nouveau.");
            return Page();
        }

        AttendanceCommitResult result;
        try
        {
            result = await importer.CommitAsync(id, upload.Content, UserId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The transaction is rolled back: nothing of the sheet is in the database.
            Report = await importer.DryRunAsync(id, upload.Content, cancellationToken);
            await audit.RecordAsync(AuditAction.Create, FormationAudit.AttendanceImport, Report.AuditRecordId(id), AuditOutcome.Failure,
                cancellationToken: cancellationToken);
            CommitFailure = "L'enregistrement a échoué en cours d'import (un autre import de la même personne au même moment ?) : rien n'a été enregistré. Réessayez.";
            return Page();
        }

        uploads.Delete(Input.Token);
        Input.Token = null;
        switch (result)
        {
            case AttendanceCommitResult.Recorded recorded:
                await audit.RecordAsync(AuditAction.Create, FormationAudit.AttendanceImport, recorded.Report.AuditRecordId(id), cancellationToken: cancellationToken);
                Status = Plural(recorded.Report.ToRecord, "participation enregistrée", "participations enregistrées")
                    + $", dont {Plural(recorded.Report.NewPeople, "nouvelle personne", "nouvelles personnes")}"
                    + (recorded.Report.AlreadyRecorded > 0 ? $" ; {Plural(recorded.Report.AlreadyRecorded, "personne déjà inscrite", "personnes déjà inscrites")} à cette session, non comptée de nouveau." : ".");
                return Redirect($"/formation/sessions/{id}");
            case AttendanceCommitResult.Refused refused:
                await audit.RecordAsync(AuditAction.Create, FormationAudit.AttendanceImport, refused.Report.AuditRecordId(id), AuditOutcome.Failure,
                    cancellationToken: cancellationToken);
                Report = refused.Report;
                CommitFailure = refused.Reason;
                return Page();
            default:
                throw new InvalidOperationException("Résultat d'import inconnu.");
        }
    }

    public static string Plural(int count, string one, string many) =>
        count.ToString("N0", CultureInfo.GetCultureInfo("fr-FR")) + " " + (count is 0 or 1 ? one : many);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new SessionHeader(s.Id, s.Date, s.Kind, s.Audience)).SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return false;
        }

        Session = session;
        return true;
    }

    public sealed record SessionHeader(Guid Id, DateOnly Date, TrainingKind Kind, string Audience);

    public sealed class ImportInput
    {
        public IFormFile? File { get; set; }

        /// <summary>The analysed file's token (<see cref="ImportUploads"/>), never the file itself.</summary>
        public string? Token { get; set; }
    }
}
