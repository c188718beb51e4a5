using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>
/// "Import de situations historiques": a file and the referent organisation, a dry run that reports
/// every problem and writes nothing, then "Importer N situations" (fresh authenticator code) that
/// writes every new line in one transaction. The file waits for the commit encrypted on the server
/// (<see cref="ImportUploads"/>): the form carries only its token.
/// </summary>
[Authorize(Policy = Policies.SituationImport)]
[UploadWithinLimit]
public sealed class IndexModel(
    VigieDbContext db,
    SituationImporter importer,
    ImportUploads uploads,
    IAuthorizationService authorization,
    StepUp stepUp,
    IAuditLog audit,
    IOptions<ImportOptions> options) : PageModel
{
    public const string Path = "/observatoire/import";

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public ImportReport? Report { get; private set; }

    /// <summary>Why the commit wrote nothing (the file changed state, the database refused…).</summary>
    public string? CommitFailure { get; private set; }

    /// <summary>The step-up is not fresh: the commit form asks for a code.</summary>
    public bool NeedsCode { get; private set; }

    public string MaxSize => FormatSize(options.Value.MaxFileBytes);

    public async Task OnGetAsync([FromQuery(Name = UploadWithinLimitAttribute.TooLargeQuery)] string? tooLarge)
    {
        await LoadOrganisationsAsync();
        if (tooLarge is not null)
        {
            ModelState.AddModelError("Input.File", $"Le fichier envoyé dépasse la taille permise ({MaxSize}) : rien n'a été lu. Découpez-le en plusieurs fichiers.");
        }
    }

    public async Task<IActionResult> OnPostAnalyseAsync(CancellationToken cancellationToken)
    {
        await LoadOrganisationsAsync();
        Input.Token = null;
        if (Input.OrganisationId is not { } organisation || Organisations.All(o => o.Id != organisation))
        {
            ModelState.AddModelError("Input.OrganisationId", "Choisissez l'organisation référente des situations importées.");
        }

        if (Input.File is null || (Input.File.Length == 0 && string.IsNullOrEmpty(Input.File.FileName)))
        {
            ModelState.AddModelError("Input.File", "Choisissez le fichier à importer (.xlsx ou .csv).");
        }
        else if (Input.File.Length > options.Value.MaxFileBytes)
        {
            ModelState.AddModelError("Input.File", $"Le fichier fait {FormatSize(Input.File.Length)} ; la limite est de {MaxSize}. Découpez-le en plusieurs fichiers.");
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

        Report = await importer.DryRunAsync(content, cancellationToken);
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationImport, Report.AuditRecordId,
            Report.IsClean ? AuditOutcome.Success : AuditOutcome.Failure, cancellationToken: cancellationToken);
        if (Report.IsClean && Report.ToCreate > 0)
        {
            Input.Token = await uploads.SaveAsync(UserId, Input.OrganisationId!.Value, content, cancellationToken);
            NeedsCode = !await HasRecentStepUpAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        await LoadOrganisationsAsync();
        var upload = await uploads.LoadAsync(UserId, Input.Token, cancellationToken);
        if (upload is null)
        {
            Input.Token = null;
            ModelState.AddModelError("Input.File", "Le fichier analysé n'est plus disponible (plus d'une heure s'est écoulée, ou il a déjà été importé) : envoyez-le de nouveau.");
            return Page();
        }

        Input.OrganisationId = upload.OrganisationId;
        if (!await HasRecentStepUpAsync() && !await stepUp.VerifyAsync(User, Input.Code, Path))
        {
            ModelState.AddModelError("Input.Code", string.IsNullOrWhiteSpace(Input.Code)
                ? "Saisissez le code à 6 chiffres de votre application d'authentification pour confirmer l'import."
                : "Code incorrect ou déjà utilisé. Attendez le code suivant et réessayez.");
            Input.Code = null;
            NeedsCode = true;
            Report = await importer.DryRunAsync(upload.Content, cancellationToken);
            return Page();
        }

        ImportCommitResult result;
        try
        {
            result = await importer.CommitAsync(upload.Content, upload.OrganisationId, UserId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The transaction is rolled back: nothing of the file is in the database.
            var report = await importer.DryRunAsync(upload.Content, cancellationToken);
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.SituationImport, report.AuditRecordId, AuditOutcome.Failure,
                cancellationToken: cancellationToken);
            Report = report;
            CommitFailure = "L'enregistrement a échoué en cours d'import : rien n'a été importé. Réessayez ; si le problème persiste, prévenez l'administrateur.";
            return Page();
        }

        switch (result)
        {
            case ImportCommitResult.Created created:
                uploads.Delete(Input.Token);
                await audit.RecordAsync(AuditAction.Create, AuditRecordType.SituationImport, created.Report.AuditRecordId,
                    cancellationToken: cancellationToken);
                Status = string.Create(CultureInfo.InvariantCulture, $"{Plural(created.Situations, "situation importée", "situations importées")}")
                    + (created.Report.AlreadyPresent > 0 ? $" ; {Plural(created.Report.AlreadyPresent, "déjà présente, non importée de nouveau", "déjà présentes, non importées de nouveau")}." : ".");
                return Redirect(Path);
            case ImportCommitResult.Refused refused:
                uploads.Delete(Input.Token);
                Input.Token = null;
                await audit.RecordAsync(AuditAction.Create, AuditRecordType.SituationImport, refused.Report.AuditRecordId, AuditOutcome.Failure,
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

    private async Task<bool> HasRecentStepUpAsync() => (await authorization.AuthorizeAsync(User, Policies.RecentStepUp)).Succeeded;

    private async Task LoadOrganisationsAsync() =>
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync();

    private static string FormatSize(long bytes) =>
        (bytes / (1024d * 1024d)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0", CultureInfo.GetCultureInfo("fr-FR")) + " Mo";

    public sealed record OrganisationOption(Guid Id, string Name);

    public sealed class ImportInput
    {
        public Guid? OrganisationId { get; set; }

        public IFormFile? File { get; set; }

        /// <summary>The analysed file's token (<see cref="ImportUploads"/>), never the file itself.</summary>
        public string? Token { get; set; }

        public string? Code { get; set; }
    }
}
