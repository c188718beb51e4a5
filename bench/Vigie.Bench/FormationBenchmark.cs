using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Vigie.Web.Data;
using Vigie.Web.Features.Formation;
using Vigie.Web.Features.Formation.Import;

namespace Vigie.Bench;

/// <summary>
/// The <c>formation</c> command: adds a history of fictitious trainings (sessions, people, and exactly
/// PARTICIPATIONS participations), times the recomputation of the distinct people over it (the figures of
/// indicator 16 over the whole span, and the review of likely duplicates), then writes an attendance
/// sheet of ROWS lines (people already known by e-mail, by name only, and new ones) and times its dry
/// run, its commit (one transaction) and the same sheet again, through <see cref="AttendanceImporter"/>,
/// the service of the import page.
/// </summary>
public static class FormationBenchmark
{
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "N'Diaye", "Faure", "Roux"];
    private static readonly string[] FirstNames = ["Claire", "Louis", "Inès", "Hugo", "Nora", "Paul", "Sarah", "Karim", "Julie", "Marc", "Léa", "Yann"];

    public static async Task<int> RunAsync(BenchTarget target, int rows, int participations, TextWriter output)
    {
        await using var host = BenchHost.Build(target, configure: builder =>
        {
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddScoped<AttendanceImporter>();
            builder.Services.AddScoped<DuplicateReview>();
        });
        await host.Services.PrepareDatabaseAsync();
        var random = new Random(20201203);
        var watch = Stopwatch.StartNew();
        var (people, first, last) = await SeedAsync(host.Services, participations, random);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"History: {participations:N0} participations of {people.Count:N0} people in sessions from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}, written in {watch.Elapsed.TotalSeconds:0.0} s."));

        await TimeRecomputationAsync(host.Services, first, last, output);

        var file = Path.Combine(target.DataFolder, $"emargement-{rows}.xlsx");
        var content = Write(rows, people, random, file);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {file}: {rows} lines, {content.Length / 1024.0:0} KB."));
        Guid session;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<VigieDbContext>>().CreateDbContextAsync())
        {
            var created = TrainingSession.Create(last.AddDays(7), TrainingKind.Sensibilisation, "Banc d'essai", "Coordination", "Lyon", 180, "banc-formation", DateTime.UtcNow);
            db.TrainingSessions.Add(created);
            await db.SaveChangesAsync();
            session = created.Id;
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<AttendanceImporter>();
            watch.Restart();
            var report = await importer.DryRunAsync(session, content);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Dry run: {watch.Elapsed.TotalSeconds:0.00} s — {report.LinesRead} read, {report.ToRecord} to record ({report.NewPeople} new people), {report.RepeatedInFile} repeated, {report.LinesInError} in error."));
            if (!report.IsClean)
            {
                foreach (var error in report.FileErrors.Concat(report.Errors.Take(10).Select(e => e.Message)))
                {
                    await output.WriteLineAsync("  " + error);
                }

                return 1;
            }
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<AttendanceImporter>();
            watch.Restart();
            var result = await importer.CommitAsync(session, content, "banc-formation");
            if (result is not AttendanceCommitResult.Recorded recorded)
            {
                await output.WriteLineAsync($"Commit refused: {((AttendanceCommitResult.Refused)result).Reason}");
                return 1;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Commit (dry run again + writes, one transaction): {watch.Elapsed.TotalSeconds:0.00} s — {recorded.Report.ToRecord} participations, {recorded.Report.NewPeople} new people."));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<AttendanceImporter>();
            watch.Restart();
            var again = await importer.DryRunAsync(session, content);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Same sheet again: {watch.Elapsed.TotalSeconds:0.00} s — {again.ToRecord} to record, {again.AlreadyRecorded} already recorded."));
        }

        await TimeRecomputationAsync(host.Services, first, last.AddDays(7), output);
        return 0;
    }

    /// <summary>Five timed runs of each recomputation after one warm-up; min and median.</summary>
    private static async Task TimeRecomputationAsync(IServiceProvider services, DateOnly first, DateOnly last, TextWriter output)
    {
        var from = new DateOnly(first.Year, 1, 1);
        var to = new DateOnly(last.Year, 12, 31);
        var figures = new List<double>();
        var review = new List<double>();
        TrainingFigureSet? set = null;
        var pairs = 0;
        for (var run = 0; run < 6; run++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
            var watch = Stopwatch.StartNew();
            set = await TrainingFigureSet.ComputeAsync(db, from, to);
            var f = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            pairs = (await scope.ServiceProvider.GetRequiredService<DuplicateReview>().CandidatesAsync()).Count;
            var r = watch.Elapsed.TotalMilliseconds;
            if (run > 0)
            {
                figures.Add(f);
                review.Add(r);
            }
        }

        figures.Sort();
        review.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Distinct people ({set!.Participations:N0} participations, {from.Year}–{to.Year}): {set.CumulativeTotal:N0} people; figures min {figures[0]:0} ms, median {figures[2]:0} ms; duplicate review ({pairs} pairs) min {review[0]:0} ms, median {review[2]:0} ms."));
    }

    /// <summary>Sessions of 20 to 150 people every one to three days from December 2020, until exactly <paramref name="participations"/> participations.</summary>
    private static async Task<(List<(string First, string Last, string Email, string Employer, EmployerCategory Category)> People, DateOnly First, DateOnly Last)> SeedAsync(
        IServiceProvider services, int participations, Random random)
    {
        var employers = Enumerable.Range(0, 200).Select(i => (Name: $"Employeur {i:000}", Category: (EmployerCategory)(i % 10))).ToArray();
        var people = new List<(string First, string Last, string Email, string Employer, EmployerCategory Category)>();
        var ids = new List<Guid>();
        var now = DateTime.UtcNow;
        var day = new DateOnly(2020, 12, 3);
        var first = day;
        var written = 0;
        await using var db = await services.GetRequiredService<IDbContextFactory<VigieDbContext>>().CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        while (written < participations)
        {
            var session = TrainingSession.Create(day, (TrainingKind)random.Next(4), "Professionnels", "Coordination", "Lyon", 180, "banc-formation", now);
            db.TrainingSessions.Add(session);
            var size = Math.Min(participations - written, random.Next(20, 151));
            var here = new HashSet<int>();
            while (here.Count < size)
            {
                // Two people in five are new; the others came before.
                if (people.Count < 50 || random.Next(5) < 2)
                {
                    var employer = employers[random.Next(employers.Length)];
                    var n = people.Count;
                    var p = (FirstNames[random.Next(FirstNames.Length)], $"{LastNames[random.Next(LastNames.Length)]}-{Letters(n)}", $"personne{n}@banc.test", employer.Name, employer.Category);
                    people.Add(p);
                    var person = TrainedPerson.Create(p.Item1, p.Item2, random.Next(10) == 0 ? null : p.Item3, p.Item4, p.Item5, day, now);
                    db.TrainedPeople.Add(person);
                    ids.Add(person.Id);
                    here.Add(n);
                }
                else
                {
                    here.Add(random.Next(people.Count));
                }
            }

            foreach (var index in here)
            {
                db.TrainingParticipations.Add(TrainingParticipation.Record(session.Id, ids[index], people[index].Employer, people[index].Category, "banc-formation", now));
            }

            written += here.Count;
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            day = day.AddDays(random.Next(1, 4));
        }

        return (people, first, day);
    }

    /// <summary>A sheet of N lines: half people known by their address (some in capitals), a tenth by name only, the rest new.</summary>
    private static byte[] Write(int rows, List<(string First, string Last, string Email, string Employer, EmployerCategory Category)> people, Random random, string path)
    {
        var lines = new List<Dictionary<string, object?>>();
        var used = new HashSet<int>();
        for (var n = 0; n < rows; n++)
        {
            var kind = random.Next(10);
            if (kind < 6 && used.Count < people.Count)
            {
                int index;
                do
                {
                    index = random.Next(people.Count);
                }
                while (!used.Add(index));

                var p = people[index];
                var email = kind == 0 ? "" : kind == 1 ? p.Email.ToUpperInvariant() : p.Email;
                lines.Add(Line(p.Last, p.First, email, p.Employer, FormationLabels.Category(p.Category)));
            }
            else
            {
                lines.Add(Line($"Nouveau-{Letters(n)}", FirstNames[random.Next(FirstNames.Length)], $"nouveau{n}@banc.test", "Employeur nouveau", "association"));
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(lines, sheetName: "Émargement");
        var bytes = stream.ToArray();
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    private static Dictionary<string, object?> Line(string last, string first, string email, string employer, string category) => new()
    {
        ["nom"] = last, ["prénom"] = first, ["e-mail"] = email.Length == 0 ? null : email, ["employeur"] = employer, ["catégorie d'employeur"] = category,
    };

    private static string Letters(int n)
    {
        var text = string.Empty;
        do
        {
            text = (char)('a' + (n % 26)) + text;
            n /= 26;
        }
        while (n > 0);
        return text;
    }
}
