using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>
/// One section of the trame. "Enregistrer le brouillon" always keeps what was typed, even values
/// that do not pass the checks, and shows the checks' messages beside the fields.
/// </summary>
[ReadFormWithinLimits(FormValueLimit)]
public sealed class SectionModel(VigieDbContext db, FieldCipher cipher, TrameStore store, IAuditLog audit, TimeProvider clock,
    IOptions<TrameOptions> options) : PageModel
{
    /// <summary>The hard cap in characters, URL-encoded at worst (4-byte characters → 12 bytes), with room to spare.</summary>
    public const int FormValueLimit = TrameSchema.HardCap * 12 + 1024;

    [TempData]
    public string? Status { get; set; }

    public TrameSituation Situation { get; private set; } = null!;

    public TrameSection Section { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Values { get; private set; } = new Dictionary<string, string>();

    public DraftStamp? Stamp { get; private set; }

    /// <summary>The draft stamp the form was opened with, posted back to detect a concurrent save.</summary>
    public string Token { get; private set; } = string.Empty;

    public int FromEvaluation { get; private set; }

    /// <summary>Set when someone else saved the section meanwhile: the typed values are shown, not saved.</summary>
    public string? Conflict { get; private set; }

    public TrameSection? Next { get; private set; }

    /// <summary>The runaway count of §4, for the poly-fugue information shown in §4 and §5.</summary>
    public int? RunawaysLast12Months { get; private set; }

    public int PolyRunawayThreshold => options.Value.PolyRunawayThreshold;

    /// <summary>What this response says of the save (when the page is shown again rather than redirected).</summary>
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string section, string? verifier)
    {
        var state = await LoadAsync(id, section);
        if (state is null)
        {
            return NotFound();
        }

        if (verifier is not null && !Situation.IsReadOnly)
        {
            TrameForm.Show(ModelState, TrameValidator.Check(Section, Values, Situation.Context(state, clock)));
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, TrameAudit.Section(id, Section.Key));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, string? jeton)
    {
        var state = await LoadAsync(id, section);
        if (state is null)
        {
            return NotFound();
        }

        if (Situation.IsReadOnly)
        {
            ModelState.AddModelError(string.Empty, Situation.IsClosed
                ? "La situation est clôturée : sa trame ne peut plus être modifiée."
                : Situation.ReadOnlyReason);
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, TrameAudit.Section(id, Section.Key), AuditOutcome.Denied);
            return Page();
        }

        var typed = TrameForm.Read(Section, Request.Form);
        Values = typed;
        var tooLong = TrameForm.OverHardCap(Section, typed).ToList();
        if (tooLong.Count > 0)
        {
            Token = jeton ?? string.Empty;
            foreach (var cell in tooLong)
            {
                ModelState.AddModelError(cell.Key, $"« {TrameValidator.FullLabel(cell)} » dépasse {TrameSchema.HardCap.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères : le brouillon n'a pas été enregistré. Raccourcissez ce texte (la limite d'un champ est de {TrameSchema.LongTextMax.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"))} caractères) puis enregistrez de nouveau.");
            }

            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, TrameAudit.Section(id, Section.Key), AuditOutcome.Failure);
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var result = await store.SaveDraftAsync(id, Section, typed, jeton, userId, clock.GetUtcNow().UtcDateTime);
        if (result is DraftSaveResult.Conflict conflict)
        {
            // Keep what this user typed on screen; the next save (with the new token) overwrites.
            Stamp = conflict.Current;
            Token = conflict.Current?.Token ?? string.Empty;
            Conflict = conflict.Current is { } other
                ? $"{other.By} a enregistré cette section le {TrameDisplay.LocalTime(other.At)}, pendant votre saisie. Vos valeurs ci-dessous n'ont pas été enregistrées : vérifiez-les, puis enregistrez de nouveau pour remplacer sa version."
                : "Une évaluation a été validée pendant votre saisie. Vos valeurs ci-dessous n'ont pas été enregistrées : vérifiez-les, puis enregistrez de nouveau.";
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, TrameAudit.Section(id, Section.Key), AuditOutcome.Failure);
            return Page();
        }

        var saved = ((DraftSaveResult.Saved)result).Stamp;
        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, TrameAudit.Section(id, Section.Key));
        state.Values[Section.Key] = typed;
        RunawaysLast12Months = TrameValidator.Number(state.Section(TrameSchema.Indicateurs), "fugues_12_mois");
        var errors = TrameValidator.Check(Section, typed, Situation.Context(state, clock));
        if (errors.Count == 0)
        {
            Status = $"Brouillon enregistré le {TrameDisplay.LocalTime(saved.At)}. La section est complète.";
            return RedirectToPage(new { id, section = Section.Key });
        }

        // Saved as typed; the page shows what is wrong or missing beside each field.
        Stamp = saved;
        Token = saved.Token;
        FromEvaluation = 0;
        Notice = $"Brouillon enregistré le {TrameDisplay.LocalTime(saved.At)}. Il reste {(errors.Count == 1 ? "un point" : $"{errors.Count} points")} à corriger ou à compléter avant de valider l'évaluation.";
        TrameForm.Show(ModelState, errors);
        return Page();
    }

    private async Task<TrameState?> LoadAsync(Guid id, string sectionKey)
    {
        var section = TrameSchema.Find(sectionKey);
        var situation = section is null ? null : await TrameSituation.FindAsync(db, cipher, User, id, clock.GetUtcNow().UtcDateTime);
        if (situation is null)
        {
            return null;
        }

        Situation = situation;
        Section = section!;
        var state = await store.LoadAsync(id);
        Values = state.Section(Section.Key);
        Stamp = state.Drafts.GetValueOrDefault(Section.Key);
        Token = Stamp?.Token ?? string.Empty;
        FromEvaluation = Stamp is null && state.HasValues(Section.Key) ? state.LastEvaluation : 0;
        RunawaysLast12Months = TrameValidator.Number(state.Section(TrameSchema.Indicateurs), "fugues_12_mois");
        var index = TrameSchema.Sections.ToList().IndexOf(Section);
        Next = index + 1 < TrameSchema.Sections.Count ? TrameSchema.Sections[index + 1] : null;
        return state;
    }
}
