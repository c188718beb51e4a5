using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Observatoire.Import;

namespace Vigie.Web.Features.Formation.Import;

/// <summary>What a dry run found, or what a commit did, for one session's sheet: counts and the problems in French.</summary>
public sealed record AttendanceReport(
    string Sha256,
    int LinesRead,
    int ToRecord,
    int AlreadyRecorded,
    int RepeatedInFile,
    int NewPeople,
    int LinesInError,
    IReadOnlyList<string> FileErrors,
    IReadOnlyList<ImportError> Errors)
{
    public bool IsClean => FileErrors.Count == 0 && LinesInError == 0;

    /// <summary>The audit record id: the file's fingerprint and the counts, never a name.</summary>
    public string AuditRecordId(Guid sessionId) => string.Create(CultureInfo.InvariantCulture,
        $"{sessionId}|{Sha256[..16]}|lues={LinesRead}|nouvelles={ToRecord}|deja={AlreadyRecorded}|erreurs={LinesInError}");
}

public abstract record AttendanceCommitResult
{
    public sealed record Recorded(AttendanceReport Report) : AttendanceCommitResult;

    /// <summary>The file does not pass (any more), or the session is gone: nothing was written.</summary>
    public sealed record Refused(AttendanceReport Report, string Reason) : AttendanceCommitResult;
}

/// <summary>
/// The import of an attendance sheet into one session, shared by the page and the benchmark. The dry
/// run reads every line (the observatory import's <see cref="SpreadsheetReader"/>: xlsx or csv, formulas
/// refused, Excel's encodings), checks it, and finds each participant among the people already trained
/// (normalised e-mail first, else normalised name, preferring the same employer); it writes nothing.
/// The commit does it again in one transaction and writes the new people and the participations, or
/// nothing. A person already recorded at the session, or named twice in the sheet, gets one
/// participation: sending the same sheet again changes nothing.
/// </summary>
public sealed class AttendanceImporter(VigieDbContext db, TimeProvider clock)
{
    public const int MaxErrorsShown = 500;

    /// <summary>Keys looked up per query (well under every provider's parameter limit).</summary>
    private const int LookupChunk = 500;

    public async Task<AttendanceReport> DryRunAsync(Guid sessionId, byte[] content, CancellationToken cancellationToken = default) =>
        (await AnalyseAsync(sessionId, content, cancellationToken)).Report;

    public async Task<AttendanceCommitResult> CommitAsync(Guid sessionId, byte[] content, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var analysis = await AnalyseAsync(sessionId, content, cancellationToken);
        if (!analysis.Report.IsClean)
        {
            return new AttendanceCommitResult.Refused(analysis.Report, "Le fichier contient des erreurs : rien n'a été enregistré.");
        }

        var session = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new { s.Date }).SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return new AttendanceCommitResult.Refused(analysis.Report, "La session n'existe plus : rien n'a été enregistré.");
        }

        // The people found get the employer of this session (if it is their latest) and, when they had none, the e-mail of the sheet.
        var existingIds = analysis.Participants.Where(p => p.Existing is not null).Select(p => p.Existing!.Id).Distinct().ToList();
        var tracked = new Dictionary<Guid, TrainedPerson>();
        foreach (var chunk in existingIds.Chunk(LookupChunk))
        {
            foreach (var person in await db.TrainedPeople.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                tracked[person.Id] = person;
            }
        }

        foreach (var participant in analysis.Participants)
        {
            var line = participant.Line;
            TrainedPerson person;
            if (participant.Existing is { } known)
            {
                person = tracked[known.Id];
                if (participant.AttachEmail)
                {
                    person.SetEmail(line.Email);
                }

                person.SawEmployer(line.Employer, line.Category, session.Date);
            }
            else
            {
                person = TrainedPerson.Create(line.FirstName, line.LastName, line.Email, line.Employer, line.Category, session.Date, now);
                db.TrainedPeople.Add(person);
            }

            if (!participant.AlreadyRecorded)
            {
                db.TrainingParticipations.Add(TrainingParticipation.Record(sessionId, person.Id, line.Employer, line.Category, userId, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new AttendanceCommitResult.Recorded(analysis.Report);
    }

    private sealed record Analysis(AttendanceReport Report, IReadOnlyList<Participant> Participants);

    /// <summary>A line of the sheet: a person, as read.</summary>
    private sealed record AttendanceLine(int Number, string FirstName, string LastName, string? Email, string Employer, EmployerCategory Category)
    {
        public string NormalisedName { get; } = PersonKeys.Name(FirstName, LastName);

        public string? NormalisedEmail { get; } = Email is null ? null : PersonKeys.Email(Email);

        public string NormalisedEmployer { get; } = PersonKeys.Organisation(Employer);
    }

    /// <summary>A person already in Vigie, as the matching needs it.</summary>
    private sealed record Known(Guid Id, string? NormalisedEmail, string NormalisedName, string NormalisedEmployer);

    /// <summary>One distinct person of the sheet: found (<see cref="Existing"/>) or to create.</summary>
    private sealed class Participant(AttendanceLine line)
    {
        public AttendanceLine Line { get; } = line;

        public Known? Existing { get; set; }

        public bool AttachEmail { get; set; }

        public bool AlreadyRecorded { get; set; }

        public string? NormalisedEmail => Existing?.NormalisedEmail ?? (Existing is null || AttachEmail ? Line.NormalisedEmail : null);

        public string NormalisedEmployer => Line.NormalisedEmployer;
    }

    private async Task<Analysis> AnalyseAsync(Guid sessionId, byte[] content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var fileErrors = new List<string>();
        var errors = new List<ImportError>();
        AttendanceReport Failed() => new(sha, 0, 0, 0, 0, 0, 0, fileErrors, errors);

        if (SpreadsheetReader.Read(content) is not SheetReadResult.Read { Sheet: var sheet })
        {
            fileErrors.Add(((SheetReadResult.Unreadable)SpreadsheetReader.Read(content)).Message);
            return new Analysis(Failed(), []);
        }

        var columns = new AttendanceColumn?[sheet.Headers.Count];
        for (var i = 0; i < sheet.Headers.Count; i++)
        {
            var folded = ImportColumns.Fold(sheet.Headers[i]);
            if (folded.Length > 0 && AttendanceColumns.ByHeader.TryGetValue(folded, out var column))
            {
                if (columns.Contains(column))
                {
                    fileErrors.Add($"La colonne « {column.Header} » apparaît deux fois dans la ligne d'en-tête.");
                }

                columns[i] = column;
            }
        }

        foreach (var missing in AttendanceColumns.All.Where(c => c.Required && !columns.Contains(c)))
        {
            fileErrors.Add($"La colonne obligatoire « {missing.Header} » manque dans la ligne d'en-tête (les colonnes du modèle : "
                + string.Join(", ", AttendanceColumns.All.Select(c => c.Header)) + ").");
        }

        if (fileErrors.Count > 0)
        {
            return new Analysis(Failed(), []);
        }

        var lines = new List<AttendanceLine>();
        var read = 0;
        var inError = 0;
        foreach (var row in sheet.Rows)
        {
            if (row.Cells.All(c => c is null || c.IsEmpty))
            {
                continue;
            }

            read++;
            var (line, lineErrors) = Parse(row, columns);
            if (line is null)
            {
                inError++;
                errors.AddRange(lineErrors.Take(Math.Max(0, MaxErrorsShown - errors.Count)));
            }
            else
            {
                lines.Add(line);
            }
        }

        if (read == 0)
        {
            fileErrors.Add("Le fichier ne contient aucun participant : seule la ligne d'en-tête est remplie.");
        }

        var participants = await MatchAsync(sessionId, lines, cancellationToken);
        var distinct = participants.Count;
        var report = new AttendanceReport(sha, read,
            participants.Count(p => !p.AlreadyRecorded),
            participants.Count(p => p.AlreadyRecorded),
            lines.Count - distinct,
            participants.Count(p => p.Existing is null),
            inError, fileErrors, errors);
        return new Analysis(report, participants);
    }

    private static (AttendanceLine? Line, List<ImportError> Errors) Parse(SheetRow row, AttendanceColumn?[] columns)
    {
        var errors = new List<ImportError>();
        var values = new Dictionary<AttendanceColumn, string>();
        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i] is not { } column)
            {
                continue;
            }

            var cell = i < row.Cells.Count ? row.Cells[i] : null;
            if (cell is null || cell.IsEmpty)
            {
                if (column.Required)
                {
                    errors.Add(new ImportError(row.Number, column.Header, "la valeur est obligatoire."));
                }

                continue;
            }

            if (cell.Formula)
            {
                errors.Add(new ImportError(row.Number, column.Header, "la cellule contient une formule : remplacez-la par sa valeur (copier, puis collage spécial « valeurs »)."));
                continue;
            }

            var text = cell.Text.Trim();
            if (text.Length > column.MaxLength)
            {
                errors.Add(new ImportError(row.Number, column.Header, $"« {Shorten(text)} » fait {text.Length} caractères ; la limite est de {column.MaxLength}."));
                continue;
            }

            if (column == AttendanceColumns.Email)
            {
                if (!PersonKeys.LooksLikeEmail(text))
                {
                    errors.Add(new ImportError(row.Number, column.Header, $"« {Shorten(text)} » n'est pas une adresse électronique (nom@domaine.fr)."));
                    continue;
                }
            }
            else if (column == AttendanceColumns.Category)
            {
                if (!AttendanceColumns.Categories.ContainsKey(ImportColumns.Fold(text)))
                {
                    errors.Add(new ImportError(row.Number, column.Header, $"« {Shorten(text)} » n'est pas une catégorie acceptée ({column.Accepted})."));
                    continue;
                }
            }
            else if (text[0] is '=' or '+' or '-' or '@')
            {
                errors.Add(new ImportError(row.Number, column.Header, $"« {Shorten(text)} » commence comme une formule (=, +, -, @) : saisissez le texte lui-même."));
                continue;
            }
            else if (!text.Any(char.IsLetter))
            {
                errors.Add(new ImportError(row.Number, column.Header, $"« {Shorten(text)} » ne contient aucune lettre."));
                continue;
            }

            values[column] = text;
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new AttendanceLine(row.Number, values[AttendanceColumns.FirstName], values[AttendanceColumns.LastName],
            values.GetValueOrDefault(AttendanceColumns.Email), values[AttendanceColumns.Employer],
            AttendanceColumns.Categories[ImportColumns.Fold(values[AttendanceColumns.Category])]), errors);
    }

    /// <summary>
    /// Each line to one person: by e-mail (an alias left by a merge leads to the person kept); else by
    /// name among the people kept, preferring one with the same employer, else the only one with that
    /// name (a line with an e-mail only takes a person who has none yet); else a new person. People
    /// named twice in the sheet are one participant.
    /// </summary>
    private async Task<List<Participant>> MatchAsync(Guid sessionId, List<AttendanceLine> lines, CancellationToken cancellationToken)
    {
        var byEmail = new Dictionary<string, Known>(StringComparer.Ordinal);
        var emails = lines.Where(l => l.NormalisedEmail is not null).Select(l => l.NormalisedEmail!).Distinct().ToList();
        foreach (var chunk in emails.Chunk(LookupChunk))
        {
            var found = await db.TrainedPeople.AsNoTracking().Where(p => p.NormalisedEmail != null && chunk.Contains(p.NormalisedEmail))
                .Select(p => new { p.NormalisedEmail, p.MergedIntoId, Known = new Known(p.Id, p.NormalisedEmail, p.NormalisedName, p.NormalisedEmployer) })
                .ToListAsync(cancellationToken);
            var kept = found.Where(f => f.MergedIntoId is not null).Select(f => f.MergedIntoId!.Value).Distinct().ToList();
            var targets = await db.TrainedPeople.AsNoTracking().Where(p => kept.Contains(p.Id))
                .Select(p => new Known(p.Id, p.NormalisedEmail, p.NormalisedName, p.NormalisedEmployer))
                .ToDictionaryAsync(p => p.Id, cancellationToken);
            foreach (var f in found)
            {
                byEmail[f.NormalisedEmail!] = f.MergedIntoId is { } target ? targets[target] : f.Known;
            }
        }

        var byName = new Dictionary<string, List<Known>>(StringComparer.Ordinal);
        var names = lines.Select(l => l.NormalisedName).Distinct().ToList();
        foreach (var chunk in names.Chunk(LookupChunk))
        {
            var found = await db.TrainedPeople.AsNoTracking().Where(p => p.MergedIntoId == null && chunk.Contains(p.NormalisedName))
                .OrderBy(p => p.Id)
                .Select(p => new Known(p.Id, p.NormalisedEmail, p.NormalisedName, p.NormalisedEmployer))
                .ToListAsync(cancellationToken);
            foreach (var k in found)
            {
                (byName.TryGetValue(k.NormalisedName, out var list) ? list : byName[k.NormalisedName] = []).Add(k);
            }
        }

        // The people of the sheet itself, as they are found or created line after line.
        var participants = new List<Participant>();
        var sheetByEmail = new Dictionary<string, Participant>(StringComparer.Ordinal);
        var sheetByName = new Dictionary<string, List<Participant>>(StringComparer.Ordinal);
        var sheetByPerson = new Dictionary<Guid, Participant>();
        foreach (var line in lines)
        {
            if (Find(line) is not null)
            {
                continue;
            }

            var participant = new Participant(line);
            if (line.NormalisedEmail is { } email && byEmail.TryGetValue(email, out var known))
            {
                participant.Existing = known;
            }
            else if (ByName(byName.GetValueOrDefault(line.NormalisedName) ?? [], line, k => k.NormalisedEmail, k => k.NormalisedEmployer) is { } named)
            {
                participant.Existing = named;
                participant.AttachEmail = line.NormalisedEmail is not null && named.NormalisedEmail is null;
            }

            if (participant.Existing is { } existing && sheetByPerson.ContainsKey(existing.Id))
            {
                // Two lines of the sheet led to the same person (by name, then by e-mail).
                continue;
            }

            participants.Add(participant);
            if (participant.Existing is { } e)
            {
                sheetByPerson[e.Id] = participant;
            }

            if (participant.NormalisedEmail is { } own)
            {
                sheetByEmail[own] = participant;
            }

            (sheetByName.TryGetValue(line.NormalisedName, out var list) ? list : sheetByName[line.NormalisedName] = []).Add(participant);
        }

        var ids = participants.Where(p => p.Existing is not null).Select(p => p.Existing!.Id).ToList();
        foreach (var chunk in ids.Chunk(LookupChunk))
        {
            var recorded = await db.TrainingParticipations.AsNoTracking().Where(p => p.SessionId == sessionId && chunk.Contains(p.PersonId))
                .Select(p => p.PersonId).ToListAsync(cancellationToken);
            foreach (var id in recorded)
            {
                sheetByPerson[id].AlreadyRecorded = true;
            }
        }

        return participants;

        Participant? Find(AttendanceLine line)
        {
            if (line.NormalisedEmail is { } email)
            {
                return sheetByEmail.GetValueOrDefault(email);
            }

            return ByName(sheetByName.GetValueOrDefault(line.NormalisedName) ?? [], line, p => p.NormalisedEmail, p => p.NormalisedEmployer);
        }
    }

    /// <summary>
    /// Among people of the same name: the one with the same employer, else the only one. A line with an
    /// e-mail only considers people without one (a different e-mail is a different person, for review).
    /// </summary>
    private static T? ByName<T>(List<T> candidates, AttendanceLine line, Func<T, string?> email, Func<T, string> employer)
        where T : class
    {
        var open = line.NormalisedEmail is null ? candidates : candidates.Where(c => email(c) is null).ToList();
        return open.FirstOrDefault(c => employer(c) == line.NormalisedEmployer) ?? (open.Count == 1 ? open[0] : null);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..39] + "…";
}
