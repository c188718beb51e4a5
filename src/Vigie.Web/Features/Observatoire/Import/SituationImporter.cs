using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>What a dry run found, or what a commit did: counts, and the problems in French.</summary>
public sealed record ImportReport(
    string Sha256,
    int LinesRead,
    int ToCreate,
    int AlreadyPresent,
    int LinesInError,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportError> Errors)
{
    /// <summary>Nothing blocks the commit.</summary>
    public bool IsClean => FileErrors.Count == 0 && LinesInError == 0;

    /// <summary>The audit record id: the file's fingerprint and the counts, never any content (at most 128 characters).</summary>
    public string AuditRecordId => string.Create(CultureInfo.InvariantCulture,
        $"{Sha256}|lues={LinesRead}|nouvelles={ToCreate}|presentes={AlreadyPresent}|erreurs={LinesInError}");
}

public abstract record ImportCommitResult
{
    public sealed record Created(ImportReport Report, int Situations) : ImportCommitResult;

    /// <summary>The file does not pass (any more): nothing was written.</summary>
    public sealed record Refused(ImportReport Report, string Reason) : ImportCommitResult;
}

/// <summary>
/// The import of historical situations, shared by the page and the benchmark: a dry run that reads
/// and checks every line and writes nothing, and a commit that checks again and writes every new
/// line in one transaction, or nothing. Per line: a situation opened through
/// <see cref="Situation.Open"/> (identity encrypted, blind index), a validated evaluation n° 1 whose
/// values sit under the trame's own keys and whose statistical columns come from
/// <see cref="EvaluationStatistics.Fill"/>, the legal steps and the closure.
/// </summary>
public sealed class SituationImporter(VigieDbContext db, FieldCipher cipher, BlindIndex index, TrameCodec codec, TimeProvider clock,
    IOptions<TrameOptions> trameOptions, IOptions<ImportOptions> importOptions)
{
    /// <summary>Errors shown line by line; the counts stay exact beyond.</summary>
    public const int MaxErrorsShown = 500;

    /// <summary>Blind indexes looked up per query (well under every provider's parameter limit).</summary>
    private const int LookupChunk = 500;
    private const long PostgresImportLockId = 0x56696769_65496D70; // "VigieImp"

    public async Task<ImportReport> DryRunAsync(byte[] content, CancellationToken cancellationToken = default) =>
        (await AnalyseAsync(content, cancellationToken)).Report;

    public async Task<ImportCommitResult> CommitAsync(byte[] content, Guid organisationId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One import at a time, so that two imports of the same file cannot both find its minors absent:
        // SQLite's transaction already holds the write lock from its start (BEGIN IMMEDIATE); PostgreSQL
        // takes a lock for the transaction, and the check below then sees what an earlier import committed.
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresImportLockId})", cancellationToken);
        }

        var analysis = await AnalyseAsync(content, cancellationToken);
        if (!analysis.Report.IsClean)
        {
            return new ImportCommitResult.Refused(analysis.Report, "Le fichier contient des erreurs : rien n'a été importé.");
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId && o.IsActive, cancellationToken))
        {
            return new ImportCommitResult.Refused(analysis.Report, "L'organisation référente choisie n'existe pas ou n'est plus active : rien n'a été importé.");
        }

        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var batch = Math.Max(1, importOptions.Value.BatchSize);
            foreach (var chunk in analysis.NewLines.Chunk(batch))
            {
                foreach (var line in chunk)
                {
                    Add(line, organisationId, userId, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new ImportCommitResult.Created(analysis.Report, analysis.NewLines.Count);
    }

    private void Add(ImportLine line, Guid organisationId, string userId, DateTime now)
    {
        var situation = Situation.Open(line.Identity, line.Sex, line.Territory, organisationId, userId, cipher, index, now);
        db.Situations.Add(situation);
        db.SituationEvents.Add(SituationEvent.Of(situation.Id, now, userId, SituationEventKind.Opened));

        // Evaluation n° 1, frozen as the trame's validation freezes one: the same codec, the same statistics.
        var (clear, secret) = codec.EncodeAll(line.Trame, Evaluation.SecretPurpose);
        var evaluation = new Evaluation
        {
            SituationId = situation.Id, Number = 1, ValidatedAt = now, ValidatedById = userId, ClearJson = clear, SecretEncrypted = secret,
        };
        var state = new TrameState { LastEvaluation = 0 };
        foreach (var (section, values) in line.Trame)
        {
            state.Values[section] = values;
        }

        EvaluationStatistics.Fill(evaluation, state, trameOptions.Value.PolyRunawayThreshold);
        db.Evaluations.Add(evaluation);
        situation.TakeEvaluation(evaluation, now);

        // Past steps: what followed them is not known, so no deadline is opened (it would be years
        // overdue in the importer's "Mes échéances"). No "evaluation validated" or "step recorded"
        // event: the timeline tells those from the evaluation and step rows themselves and skips such
        // events, and at 10,000 lines they were half of the rows written.
        foreach (var (kind, on) in line.Steps)
        {
            db.LegalSteps.Add(new LegalStep
            {
                SituationId = situation.Id, Kind = kind, OccurredAt = ParisTime.ToUtc(on.ToDateTime(TimeOnly.MinValue)), DueAt = null,
                ResponsibleUserId = userId, RecordedById = userId, RecordedAt = now,
            });
        }

        if (line.Steps.Any(s => s.Kind == LegalStepKind.Signalement))
        {
            situation.MoveTo(SituationStatus.Signalee, now);
        }

        if (line.ClosedOn is { } closedOn)
        {
            var closedAt = ParisTime.ToUtc(closedOn.ToDateTime(new TimeOnly(12, 0)));
            closedAt = closedAt > now ? now : closedAt;
            situation.Close(line.ClosureReason!.Value, closedAt);
            db.SituationEvents.Add(SituationEvent.Of(situation.Id, closedAt, userId, SituationEventKind.Closed, line.ClosureReason.Value.ToString()));
        }
    }

    private sealed record Analysis(ImportReport Report, List<ImportLine> NewLines);

    private async Task<Analysis> AnalyseAsync(byte[] content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var read = SpreadsheetReader.Read(content);
        if (read is not SheetReadResult.Read { Sheet: var sheet })
        {
            return new Analysis(new ImportReport(sha, 0, 0, 0, 0, [((SheetReadResult.Unreadable)read).Message], []), []);
        }

        var (columns, fileErrors) = MatchHeaders(sheet.Headers);
        var rows = sheet.Rows.Where(r => !r.Cells.All(c => c is null || c.IsEmpty)).ToList();
        if (fileErrors.Count == 0 && rows.Count == 0)
        {
            fileErrors.Add("Le fichier ne contient que la ligne d'en-tête : aucune situation à importer.");
        }

        if (fileErrors.Count > 0)
        {
            return new Analysis(new ImportReport(sha, rows.Count, 0, 0, 0, fileErrors, []), []);
        }

        var parser = new ImportLineParser(columns, TrameDisplay.Today(clock));
        var errors = new List<ImportError>();
        var linesInError = 0;
        var good = new List<(ImportLine Line, string Fingerprint)>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (line, problems) = parser.Parse(row);
            if (line is not null)
            {
                var fingerprint = index.Compute(line.Identity.LastName, line.Identity.FirstName, line.Identity.BirthDate);
                if (firstLineOf.TryGetValue(fingerprint, out var first))
                {
                    problems.Add(new ImportError(row.Number, null,
                        $"même mineur (nom, prénom, date de naissance) que la ligne {first} : une seule ligne par mineur."));
                }
                else
                {
                    firstLineOf[fingerprint] = row.Number;
                    good.Add((line, fingerprint));
                }
            }

            if (problems.Count > 0)
            {
                linesInError++;
                errors.AddRange(problems.Take(Math.Max(0, MaxErrorsShown - errors.Count)));
            }
        }

        var present = await PresentAsync(good.Select(g => g.Fingerprint).ToList(), cancellationToken);
        var newLines = good.Where(g => !present.Contains(g.Fingerprint)).Select(g => g.Line).ToList();
        var report = new ImportReport(sha, rows.Count, linesInError == 0 ? newLines.Count : 0, good.Count - newLines.Count, linesInError, [], errors);
        return new Analysis(report, linesInError == 0 ? newLines : []);
    }

    /// <summary>The fingerprints that already have a situation: one query per 500 lines, on the blind index's own index.</summary>
    private async Task<HashSet<string>> PresentAsync(List<string> fingerprints, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in fingerprints.Chunk(LookupChunk))
        {
            var found = await db.Situations.AsNoTracking().Where(s => chunk.Contains(s.IdentityIndex)).Select(s => s.IdentityIndex)
                .ToListAsync(cancellationToken);
            present.UnionWith(found);
        }

        return present;
    }

    /// <summary>Each header to its column; unknown, repeated and missing columns are file errors, listed with the expected ones.</summary>
    private static (List<ImportColumn?> Columns, List<string> Errors) MatchHeaders(IReadOnlyList<string> headers)
    {
        var columns = new List<ImportColumn?>();
        var unknown = new List<string>();
        var repeated = new List<string>();
        foreach (var header in headers)
        {
            var folded = ImportColumns.Fold(header);
            if (folded.Length == 0)
            {
                columns.Add(null);
            }
            else if (!ImportColumns.ByHeader.TryGetValue(folded, out var column))
            {
                unknown.Add(ImportLineParser.Shorten(header.Trim()));
                columns.Add(null);
            }
            else if (columns.Contains(column))
            {
                repeated.Add(column.Header);
                columns.Add(null);
            }
            else
            {
                columns.Add(column);
            }
        }

        var errors = new List<string>();
        var missing = ImportColumns.All.Where(c => c.Required && !columns.Contains(c)).Select(c => c.Header).ToList();
        if (missing.Count > 0)
        {
            errors.Add((missing.Count == 1 ? "Colonne obligatoire absente : " : "Colonnes obligatoires absentes : ") + Quote(missing) + ".");
        }

        if (unknown.Count > 0)
        {
            errors.Add((unknown.Count == 1 ? "Colonne inconnue : " : "Colonnes inconnues : ") + Quote(unknown.Take(20)) + (unknown.Count > 20 ? "…" : "") + ".");
        }

        if (repeated.Count > 0)
        {
            errors.Add((repeated.Count == 1 ? "Colonne en double : " : "Colonnes en double : ") + Quote(repeated) + ".");
        }

        if (errors.Count > 0)
        {
            errors.Add("Colonnes attendues (dans cet ordre ou un autre ; celles marquées * sont obligatoires) : "
                + string.Join(", ", ImportColumns.All.Select(c => $"« {c.Header} »{(c.Required ? " *" : "")}")) + ".");
        }

        return (columns, errors);
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"« {n} »"));
}
