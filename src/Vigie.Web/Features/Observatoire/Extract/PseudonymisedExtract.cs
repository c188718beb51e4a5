using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Observatoire.Extract;

/// <summary>A period of <see cref="Situation.CountedOn"/>, both days included.</summary>
public sealed record ExtractPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The audit record id: "2025-01-01/2025-12-31".</summary>
    public string RecordId => $"{From.ToString("O", CultureInfo.InvariantCulture)}/{To.ToString("O", CultureInfo.InvariantCulture)}";

    /// <summary>"2025" for a calendar year, else "2025-01-01_2025-06-30".</summary>
    public string FileLabel => From.Month == 1 && From.Day == 1 && To == new DateOnly(From.Year, 12, 31)
        ? From.Year.ToString(CultureInfo.InvariantCulture)
        : $"{From.ToString("O", CultureInfo.InvariantCulture)}_{To.ToString("O", CultureInfo.InvariantCulture)}";

    public string FileName(string extension) => $"vigie-extrait-pseudonymise-v{ExtractRow.FormatVersion}-{FileLabel}.{extension}";
}

/// <summary>
/// Reads the extract of a period, one row per minor, page by page (by situation id): a page of
/// situations, then a handful of grouped queries for their evaluations, signalements, legal steps,
/// commission items and co-accompaniments, then one decryption of the first name (and, when a mother is
/// recorded, of the evaluation's secret part) per row. Memory stays one page whatever the number of rows.
/// </summary>
public sealed class PseudonymisedExtract(VigieDbContext db, FieldCipher cipher, TrameCodec codec, MinorPseudonym pseudonym)
{
    public const int PageSize = 500;

    private static readonly LegalStepKind[] CountedSteps =
        [LegalStepKind.Signalement, LegalStepKind.InformationPreoccupante, LegalStepKind.Opp, LegalStepKind.AudienceJugeEnfants];

    public async IAsyncEnumerable<ExtractRow> ReadAsync(ExtractPeriod period, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (from, to) = (period.From, period.To);
        var after = Guid.Empty;
        while (true)
        {
            var last = after;
            // One row per minor: of the situations of one identity counted in the period, the one counted
            // first (CountedOn, then id). The (IdentityIndex, CountedOn, Id) index answers the NOT EXISTS.
            var situations = await db.Situations.AsNoTracking()
                .Where(s => s.CountedOn >= from && s.CountedOn <= to && s.Id.CompareTo(last) > 0)
                .Where(s => !db.Situations.Any(o => o.IdentityIndex == s.IdentityIndex && o.CountedOn >= from && o.CountedOn <= to
                    && (o.CountedOn < s.CountedOn || (o.CountedOn == s.CountedOn && o.Id.CompareTo(s.Id) < 0))))
                .OrderBy(s => s.Id)
                .Take(PageSize)
                .Select(s => new SituationPart(s.Id, s.FirstNameEncrypted, s.BirthDateEncrypted, s.BirthYear, s.BirthMonth, s.Sex, s.Territory,
                    s.Status, s.ClosureReason, s.DetectedOn, s.CountedOn, s.EvaluationCount))
                .ToListAsync(cancellationToken);
            if (situations.Count == 0)
            {
                yield break;
            }

            after = situations[^1].Id;
            var details = await ReadDetailsAsync([.. situations.Select(s => s.Id)], cancellationToken);
            foreach (var situation in situations)
            {
                yield return Row(situation, details);
            }

            db.ChangeTracker.Clear();
        }
    }

    private ExtractRow Row(SituationPart s, Details details)
    {
        var evaluation = details.Evaluations.GetValueOrDefault(s.Id);
        var firstName = cipher.Decrypt(s.FirstNameEncrypted, Situation.FirstNamePurpose);
        var birthMonth = s.BirthMonth
            ?? DateOnly.Parse(cipher.Decrypt(s.BirthDateEncrypted, Situation.BirthDatePurpose), CultureInfo.InvariantCulture).Month;
        var motherFamilyName = MinorPseudonym.FamilyNameOf(evaluation is null ? null : MotherName(evaluation, details.Secrets.GetValueOrDefault(evaluation.Id)));
        var keyComplete = MinorPseudonym.Normalise(firstName).Length > 0 && MinorPseudonym.Normalise(motherFamilyName).Length > 0;

        var steps = details.Steps.GetValueOrDefault(s.Id) ?? [];
        var sent = details.Sent.GetValueOrDefault(s.Id) ?? [];
        DateOnly? signalementOn = Earliest(steps.GetValueOrDefault(LegalStepKind.Signalement), sent.GetValueOrDefault(SignalementKind.Signalement));
        return new ExtractRow
        {
            Key = pseudonym.Compute(firstName, birthMonth, s.BirthYear, motherFamilyName),
            KeyComplete = keyComplete,
            Sex = s.Sex,
            BirthYear = s.BirthYear,
            AgeAtDetection = s.DetectedOn is { } detected ? ExtractRow.AgeInYears(s.BirthYear, birthMonth, detected) : null,
            DetectedOn = s.DetectedOn,
            CountedOn = s.CountedOn,
            Territory = s.Territory,
            Level = evaluation?.Level,
            DetectionSource = evaluation?.DetectionSource,
            FamilyStructure = evaluation?.FamilyStructure,
            SiblingRank = evaluation?.SiblingRank,
            PhysicalViolence = evaluation?.PhysicalViolence,
            SexualViolence = evaluation?.SexualViolence,
            RunawaysLast12Months = evaluation?.RunawaysLast12Months,
            PolyRunaway = evaluation?.PolyRunaway,
            Proxenetisme = evaluation?.Proxenetisme,
            Rabattage = evaluation?.Rabattage,
            Protection = evaluation?.Protection,
            Schooling = evaluation?.Schooling,
            LivingPlace = evaluation?.LivingPlace,
            UnaccompaniedMinor = evaluation?.UnaccompaniedMinor,
            Signalement = signalementOn is not null,
            DaysToSignalement = signalementOn is { } on && s.DetectedOn is { } d ? on.DayNumber - d.DayNumber : null,
            InformationPreoccupante = steps.ContainsKey(LegalStepKind.InformationPreoccupante) || sent.ContainsKey(SignalementKind.InformationPreoccupante),
            Opp = steps.ContainsKey(LegalStepKind.Opp),
            JugeDesEnfants = steps.ContainsKey(LegalStepKind.AudienceJugeEnfants),
            CommissionPresentations = details.Presentations.GetValueOrDefault(s.Id),
            CoAccompaniment = CoAccompaniment(details.Accompaniments.GetValueOrDefault(s.Id) ?? []),
            Status = s.Status,
            ClosureReason = s.Status == SituationStatus.Cloturee ? s.ClosureReason : null,
        };
    }

    /// <summary>The "Prénom et nom" of the first parental-authority holder recorded as the mother, if any.</summary>
    private string? MotherName(EvaluationPart evaluation, string? secretEncrypted)
    {
        if (secretEncrypted is null)
        {
            return null;
        }

        var administrative = codec.DecodeAll(evaluation.ClearJson, secretEncrypted, Evaluation.SecretPurpose).GetValueOrDefault(TrameSchema.Administratif) ?? [];
        for (var n = 1; n <= TrameSchema.ParentSlots; n++)
        {
            if (administrative.GetValueOrDefault($"titulaire{n}_lien") == "mere"
                && administrative.GetValueOrDefault($"titulaire{n}_nom") is { } name && !string.IsNullOrWhiteSpace(name))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Whether the clear part records a mother at all: only then is the secret part read and decrypted.</summary>
    private static bool RecordsMother(string clearJson)
    {
        var all = ReadClear(clearJson);
        var administrative = all.GetValueOrDefault(TrameSchema.Administratif) ?? [];
        return Enumerable.Range(1, TrameSchema.ParentSlots).Any(n => administrative.GetValueOrDefault($"titulaire{n}_lien") == "mere");
    }

    private static Dictionary<string, Dictionary<string, string>> ReadClear(string json) =>
        string.IsNullOrWhiteSpace(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(json) ?? [];

    /// <summary>Accepted (running or ended) wins over proposed, proposed over refused: what happened at best.</summary>
    private static string CoAccompaniment(List<AccompanimentStatus> statuses) =>
        statuses.Any(s => s is AccompanimentStatus.Acceptee or AccompanimentStatus.Terminee) ? "accepte"
        : statuses.Contains(AccompanimentStatus.Proposee) ? "propose"
        : statuses.Contains(AccompanimentStatus.Refusee) ? "refuse"
        : "aucun";

    private static DateOnly? Earliest(DateTime? a, DateTime? b)
    {
        DateTime? first = a is null ? b : b is null ? a : a < b ? a : b;
        return first is { } utc ? DateOnly.FromDateTime(ParisTime.ToLocal(utc)) : null;
    }

    private async Task<Details> ReadDetailsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        // The current evaluation: number = Situation.EvaluationCount.
        var evaluations = await (
                from e in db.Evaluations.AsNoTracking()
                join s in db.Situations.AsNoTracking() on new { e.SituationId, e.Number } equals new { SituationId = s.Id, Number = s.EvaluationCount }
                where ids.Contains(s.Id)
                select new EvaluationPart(e.Id, e.SituationId, e.ClearJson, e.Level, e.DetectionSource, e.FamilyStructure, e.SiblingRank,
                    e.PhysicalViolence, e.SexualViolence, e.RunawaysLast12Months, e.PolyRunaway, e.Proxenetisme, e.Rabattage, e.Protection,
                    e.Schooling, e.LivingPlace, e.UnaccompaniedMinor))
            .ToDictionaryAsync(e => e.SituationId, cancellationToken);

        var withMother = evaluations.Values.Where(e => RecordsMother(e.ClearJson)).Select(e => e.Id).ToList();
        var secrets = withMother.Count == 0
            ? []
            : await db.Evaluations.AsNoTracking().Where(e => withMother.Contains(e.Id))
                .ToDictionaryAsync(e => e.Id, e => e.SecretEncrypted, cancellationToken);

        var steps = (await db.LegalSteps.AsNoTracking()
                .Where(l => ids.Contains(l.SituationId) && CountedSteps.Contains(l.Kind))
                .GroupBy(l => new { l.SituationId, l.Kind })
                .Select(g => new { g.Key.SituationId, g.Key.Kind, First = g.Min(l => l.OccurredAt) })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.SituationId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Kind, x => (DateTime?)x.First));

        var sent = (await db.Signalements.AsNoTracking()
                .Where(x => ids.Contains(x.SituationId) && x.Status == SignalementStatus.Effectue)
                .GroupBy(x => new { x.SituationId, x.Kind })
                .Select(g => new { g.Key.SituationId, g.Key.Kind, First = g.Min(x => x.AcceptedAt) })
                .ToListAsync(cancellationToken))
            .GroupBy(x => x.SituationId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(x => x.Kind, x => x.First));

        var presentations = await db.AgendaItems.AsNoTracking()
            .Where(i => ids.Contains(i.SituationId) && i.Session!.Status == SessionStatus.Tenue)
            .GroupBy(i => i.SituationId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

        var accompaniments = (await db.Accompaniments.AsNoTracking()
                .Where(a => ids.Contains(a.SituationId))
                .Select(a => new { a.SituationId, a.Status })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.SituationId)
            .ToDictionary(g => g.Key, g => g.Select(a => a.Status).ToList());

        return new Details(evaluations, secrets, steps, sent, presentations, accompaniments);
    }

    private sealed record SituationPart(Guid Id, string FirstNameEncrypted, string BirthDateEncrypted, int BirthYear, int? BirthMonth, Sex Sex,
        string? Territory, SituationStatus Status, ClosureReason? ClosureReason, DateOnly? DetectedOn, DateOnly CountedOn, int EvaluationCount);

    private sealed record EvaluationPart(Guid Id, Guid SituationId, string ClearJson, QualificationLevel? Level, string? DetectionSource,
        string? FamilyStructure, string? SiblingRank, string? PhysicalViolence, string? SexualViolence, int? RunawaysLast12Months,
        bool? PolyRunaway, bool? Proxenetisme, bool? Rabattage, string? Protection, string? Schooling, string? LivingPlace, bool? UnaccompaniedMinor);

    private sealed record Details(
        Dictionary<Guid, EvaluationPart> Evaluations,
        Dictionary<Guid, string> Secrets,
        Dictionary<Guid, Dictionary<LegalStepKind, DateTime?>> Steps,
        Dictionary<Guid, Dictionary<SignalementKind, DateTime?>> Sent,
        Dictionary<Guid, int> Presentations,
        Dictionary<Guid, List<AccompanimentStatus>> Accompaniments);
}
