using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>Who saved a section's draft and when.</summary>
public sealed record DraftStamp(DateTime At, string ById, string By)
{
    /// <summary>The optimistic-concurrency token the form carries back.</summary>
    public string Token => At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The trame of one situation as it stands: for each section, its draft if there is one, else the
/// values of the latest validated evaluation (a new evaluation edits the previous one), else nothing.
/// </summary>
public sealed class TrameState
{
    public Dictionary<string, Dictionary<string, string>> Values { get; } = [];

    public Dictionary<string, DraftStamp> Drafts { get; } = [];

    /// <summary>Number of the evaluation the sections without a draft come from (0: none yet).</summary>
    public int LastEvaluation { get; init; }

    public IReadOnlyDictionary<string, string> Section(string key) => Values.TryGetValue(key, out var v) ? v : new Dictionary<string, string>();

    public bool HasValues(string key) => Values.TryGetValue(key, out var v) && v.Count > 0;
}

public abstract record DraftSaveResult
{
    public sealed record Saved(DraftStamp Stamp) : DraftSaveResult;

    /// <summary>Someone saved the section (or validated the evaluation) after the form was opened; nothing was written.</summary>
    public sealed record Conflict(DraftStamp? Current) : DraftSaveResult;
}

public sealed record EvaluationRow(int Number, DateTime ValidatedAt, string By, QualificationLevel? Level, bool? PolyRunaway)
{
    public string LevelLabel => Level switch
    {
        QualificationLevel.EnRisque => "En risque de prostitution",
        QualificationLevel.Averee => "Prostitution avérée",
        _ => "Non indiqué",
    };
}

public sealed record ValidatedEvaluation(EvaluationRow Row, Dictionary<string, Dictionary<string, string>> Sections)
{
    public IReadOnlyDictionary<string, string> Section(string key) =>
        Sections.TryGetValue(key, out var values) ? values : new Dictionary<string, string>();
}

/// <summary>Reads and writes trame drafts, encrypting their secret cells.</summary>
public sealed class TrameStore(VigieDbContext db, TrameCodec codec)
{
    public async Task<TrameState> LoadAsync(Guid situationId)
    {
        var last = await db.Evaluations.AsNoTracking().Where(e => e.SituationId == situationId)
            .OrderByDescending(e => e.Number).FirstOrDefaultAsync();
        var drafts = await db.TrameDrafts.AsNoTracking().Where(d => d.SituationId == situationId).ToListAsync();
        var names = await DisplayNamesAsync(drafts.Select(d => d.UpdatedById));
        var state = new TrameState { LastEvaluation = last?.Number ?? 0 };
        if (last is not null)
        {
            foreach (var (section, values) in codec.DecodeAll(last.ClearJson, last.SecretEncrypted, Evaluation.SecretPurpose))
            {
                state.Values[section] = values;
            }
        }

        foreach (var draft in drafts.Where(d => TrameSchema.Find(d.Section) is not null))
        {
            state.Values[draft.Section] = codec.DecodeSection(draft.ClearJson, draft.SecretEncrypted, TrameDraft.SecretPurpose);
            state.Drafts[draft.Section] = new DraftStamp(draft.UpdatedAt, draft.UpdatedById, names.GetValueOrDefault(draft.UpdatedById, "un utilisateur"));
        }

        return state;
    }

    /// <summary>
    /// Saves the values exactly as typed. <paramref name="token"/> is the draft stamp the form was
    /// opened with (empty when there was no draft): when the draft changed since, nothing is written.
    /// </summary>
    public async Task<DraftSaveResult> SaveDraftAsync(Guid situationId, TrameSection section, IReadOnlyDictionary<string, string> values,
        string? token, string userId, DateTime now)
    {
        var current = await db.TrameDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.SituationId == situationId && d.Section == section.Key);
        var currentToken = current?.UpdatedAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        if (currentToken != (token ?? string.Empty))
        {
            return new DraftSaveResult.Conflict(current is null ? null : await StampAsync(current));
        }

        var (clear, secret) = codec.EncodeSection(section, values, TrameDraft.SecretPurpose);
        // Kept to the microsecond (PostgreSQL's precision) and strictly increasing, so the token always changes.
        var at = new DateTime(now.Ticks - (now.Ticks % 10), DateTimeKind.Utc);
        if (current is not null && at <= current.UpdatedAt)
        {
            at = current.UpdatedAt.AddTicks(10);
        }

        if (current is null)
        {
            db.TrameDrafts.Add(new TrameDraft
            {
                SituationId = situationId, Section = section.Key, ClearJson = clear, SecretEncrypted = secret, UpdatedAt = at, UpdatedById = userId,
            });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // The unique (situation, section) index: someone created the draft first.
                db.ChangeTracker.Clear();
                var first = await db.TrameDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.SituationId == situationId && d.Section == section.Key);
                return new DraftSaveResult.Conflict(first is null ? null : await StampAsync(first));
            }
        }
        else
        {
            var expected = current.UpdatedAt;
            var written = await db.TrameDrafts.Where(d => d.Id == current.Id && d.UpdatedAt == expected)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.ClearJson, clear).SetProperty(d => d.SecretEncrypted, secret)
                    .SetProperty(d => d.UpdatedAt, at).SetProperty(d => d.UpdatedById, userId));
            if (written == 0)
            {
                var latest = await db.TrameDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == current.Id);
                return new DraftSaveResult.Conflict(latest is null ? null : await StampAsync(latest));
            }
        }

        return new DraftSaveResult.Saved(new DraftStamp(at, userId, await DisplayNameAsync(userId)));
    }

    /// <summary>The validated versions of a situation's evaluation, newest first, with who validated them.</summary>
    public async Task<List<EvaluationRow>> ListEvaluationsAsync(Guid situationId)
    {
        var rows = await db.Evaluations.AsNoTracking().Where(e => e.SituationId == situationId).OrderByDescending(e => e.Number)
            .Select(e => new { e.Number, e.ValidatedAt, e.ValidatedById, e.Level, e.PolyRunaway }).ToListAsync();
        var names = await DisplayNamesAsync(rows.Select(r => r.ValidatedById));
        return [.. rows.Select(r => new EvaluationRow(r.Number, r.ValidatedAt, names.GetValueOrDefault(r.ValidatedById, "un utilisateur"), r.Level, r.PolyRunaway))];
    }

    /// <summary>One validated version with every section's values, or null when the situation has no such number.</summary>
    public async Task<ValidatedEvaluation?> ReadEvaluationAsync(Guid situationId, int number)
    {
        var evaluation = await db.Evaluations.AsNoTracking().FirstOrDefaultAsync(e => e.SituationId == situationId && e.Number == number);
        if (evaluation is null)
        {
            return null;
        }

        var values = codec.DecodeAll(evaluation.ClearJson, evaluation.SecretEncrypted, Evaluation.SecretPurpose);
        var row = new EvaluationRow(evaluation.Number, evaluation.ValidatedAt, await DisplayNameAsync(evaluation.ValidatedById), evaluation.Level, evaluation.PolyRunaway);
        return new ValidatedEvaluation(row, values);
    }

    public async Task<Dictionary<string, string>> DisplayNamesAsync(IEnumerable<string> userIds)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
    }

    private async Task<string> DisplayNameAsync(string userId) =>
        (await DisplayNamesAsync([userId])).GetValueOrDefault(userId, "un utilisateur");

    private async Task<DraftStamp> StampAsync(TrameDraft draft) =>
        new(draft.UpdatedAt, draft.UpdatedById, await DisplayNameAsync(draft.UpdatedById));
}
