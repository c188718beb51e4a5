using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>
/// The trame at a glance: each section's state, and "Valider l'évaluation", which records §8
/// (date, confirming authors), checks every section and either freezes evaluation n+1 or lists what
/// blocks it, with links to the fields.
/// </summary>
public sealed class OverviewModel(VigieDbContext db, FieldCipher cipher, TrameStore store, TrameCodec codec, IAuditLog audit, TimeProvider clock,
    IOptions<TrameOptions> options) : PageModel
{
    [TempData]
    public string? Status { get; set; }

    public TrameSituation Situation { get; private set; } = null!;

    public List<SectionRow> Rows { get; } = [];

    public TrameSection ValidationSection { get; } = TrameSchema.Find(TrameSchema.Validation)!;

    /// <summary>The §8 values shown in the validation form (today's date proposed when empty).</summary>
    public IReadOnlyDictionary<string, string> ValidationValues { get; private set; } = new Dictionary<string, string>();

    public string ValidationToken { get; private set; } = string.Empty;

    /// <summary>What blocked the last "Valider l'évaluation", section by section.</summary>
    public List<TrameError> Blockers { get; } = [];

    public string? Conflict { get; private set; }

    public LastEvaluation? Last { get; private set; }

    public int? RunawaysLast12Months { get; private set; }

    public int PolyRunawayThreshold => options.Value.PolyRunawayThreshold;

    /// <summary>The authors of the en-tête, to show who may confirm in §8.</summary>
    public List<(int Slot, string Name)> Authors { get; } = [];

    /// <summary>The fields of §8 as the validation box shows them (author options carry the names).</summary>
    public IReadOnlyList<TrameField> ValidationFields { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is null)
        {
            return NotFound();
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Situation, TrameAudit.Overview(id));
        return Page();
    }

    public async Task<IActionResult> OnPostValidateAsync(Guid id, string? jeton)
    {
        var state = await LoadAsync(id);
        if (state is null)
        {
            return NotFound();
        }

        if (Situation.IsReadOnly)
        {
            Conflict = Situation.IsClosed ? "La situation est clôturée : aucune évaluation ne peut être validée." : Situation.ReadOnlyReason;
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.Situation, TrameAudit.Evaluation(id, state.LastEvaluation + 1), AuditOutcome.Denied);
            return Page();
        }

        // §8 is saved as typed first, like any draft: nothing typed is lost if validation is blocked.
        var typed = TrameForm.Read(ValidationSection, Request.Form);
        ValidationValues = typed;
        if (TrameForm.OverHardCap(ValidationSection, typed).Any())
        {
            return BadRequest();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = await store.SaveDraftAsync(id, ValidationSection, typed, jeton, userId, now);
        if (saved is DraftSaveResult.Conflict conflict)
        {
            ValidationToken = conflict.Current?.Token ?? string.Empty;
            Conflict = "La section « Validation » a été modifiée, ou une évaluation validée, pendant votre saisie : rien n'a été validé. Vérifiez les valeurs ci-dessous puis validez de nouveau.";
            await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, TrameAudit.Section(id, ValidationSection.Key), AuditOutcome.Failure);
            return Page();
        }

        await audit.RecordAsync(AuditAction.Update, AuditRecordType.Situation, TrameAudit.Section(id, ValidationSection.Key));
        state = (await LoadAsync(id))!;
        ValidationValues = typed;
        var context = Situation.Context(state, clock);
        Blockers.AddRange(TrameSchema.Sections.SelectMany(s => TrameValidator.Check(s, state.Section(s.Key), context)));
        if (Blockers.Count > 0)
        {
            TrameForm.Show(ModelState, Blockers.Where(b => b.Section == ValidationSection));
            await audit.RecordAsync(AuditAction.Create, AuditRecordType.Situation, TrameAudit.Evaluation(id, state.LastEvaluation + 1), AuditOutcome.Failure);
            return Page();
        }

        var number = await FreezeAsync(id, state, userId, now);
        if (number is null)
        {
            Conflict = "Une autre évaluation vient d'être validée pour cette situation : vérifiez la trame, puis validez de nouveau.";
            await LoadAsync(id);
            return Page();
        }

        await audit.RecordAsync(AuditAction.Create, AuditRecordType.Situation, TrameAudit.Evaluation(id, number.Value));
        Status = $"L'évaluation n° {number} est validée.";
        return Redirect($"/situations/{id}/evaluations/{number}");
    }

    /// <summary>Evaluation n+1: a frozen copy of every section, its statistical columns, the situation's current picture; the drafts are done.</summary>
    private async Task<int?> FreezeAsync(Guid id, TrameState state, string userId, DateTime now)
    {
        var situation = await db.Situations.FirstAsync(s => s.Id == id);
        var number = (await db.Evaluations.Where(e => e.SituationId == id).MaxAsync(e => (int?)e.Number) ?? 0) + 1;
        var (clear, secret) = codec.EncodeAll(state.Values, Evaluation.SecretPurpose);
        var evaluation = new Evaluation
        {
            SituationId = id, Number = number, ValidatedAt = now, ValidatedById = userId, ClearJson = clear, SecretEncrypted = secret,
        };
        EvaluationStatistics.Fill(evaluation, state, options.Value.PolyRunawayThreshold);
        db.Evaluations.Add(evaluation);
        situation.TakeEvaluation(evaluation, now);
        db.SituationEvents.Add(SituationEvent.Of(id, now, userId, SituationEventKind.EvaluationValidated, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        db.TrameDrafts.RemoveRange(await db.TrameDrafts.Where(d => d.SituationId == id).ToListAsync());
        try
        {
            await db.SaveChangesAsync();
            await Observatoire.MinorCounting.RefreshAsync(db, situation.IdentityIndex);
            return number;
        }
        catch (DbUpdateException)
        {
            // The unique (situation, number) index: someone validated the same number first.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task<TrameState?> LoadAsync(Guid id)
    {
        var situation = await TrameSituation.FindAsync(db, cipher, User, id, clock.GetUtcNow().UtcDateTime);
        if (situation is null)
        {
            return null;
        }

        Situation = situation;
        var state = await store.LoadAsync(id);
        var context = situation.Context(state, clock);
        Rows.Clear();
        foreach (var section in TrameSchema.Sections)
        {
            Rows.Add(new SectionRow(section, state.Drafts.GetValueOrDefault(section.Key),
                !state.Drafts.ContainsKey(section.Key) && state.HasValues(section.Key) ? state.LastEvaluation : 0,
                state.HasValues(section.Key), TrameValidator.Check(section, state.Section(section.Key), context).Count));
        }

        var validation = new Dictionary<string, string>(state.Section(ValidationSection.Key));
        if (!validation.ContainsKey("date_validation"))
        {
            validation["date_validation"] = TrameDisplay.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        ValidationValues = validation;
        ValidationToken = state.Drafts.GetValueOrDefault(ValidationSection.Key)?.Token ?? string.Empty;
        RunawaysLast12Months = TrameValidator.Number(state.Section(TrameSchema.Indicateurs), "fugues_12_mois");
        var header = state.Section(TrameSchema.EnTete);
        Authors.Clear();
        for (var n = 1; n <= TrameSchema.AuthorSlots; n++)
        {
            if (header.TryGetValue($"auteur{n}_nom", out var name) && name.Trim().Length > 0)
            {
                Authors.Add((n, name));
            }
        }

        // The confirmation boxes name the authors typed in the en-tête rather than "Auteur n".
        ValidationFields = [.. ValidationSection.Fields.Select(f => f.Key != "auteurs_confirment" ? f : f with
        {
            Options = [.. f.Options.Select((o, i) => Authors.FirstOrDefault(a => a.Slot == i + 1) is { Name: { } named }
                ? o with { Label = $"Auteur {i + 1} : {named.Trim()}" }
                : o with { Label = $"Auteur {i + 1} (non indiqué dans l'en-tête)" })],
        })];

        if (state.LastEvaluation > 0)
        {
            var last = await db.Evaluations.AsNoTracking().Where(e => e.SituationId == id && e.Number == state.LastEvaluation)
                .Select(e => new { e.Number, e.ValidatedAt, e.ValidatedById }).FirstAsync();
            var names = await store.DisplayNamesAsync([last.ValidatedById]);
            Last = new LastEvaluation(last.Number, last.ValidatedAt, names.GetValueOrDefault(last.ValidatedById, "un utilisateur"));
        }

        return state;
    }

    public sealed record SectionRow(TrameSection Section, DraftStamp? Draft, int FromEvaluation, bool HasValues, int ErrorCount);

    public sealed record LastEvaluation(int Number, DateTime At, string By);
}
