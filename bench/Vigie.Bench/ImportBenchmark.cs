using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Vigie.Web.Data;
using Vigie.Web.Features.Observatoire.Import;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Bench;

/// <summary>
/// The <c>import</c> command: writes an xlsx of N fictitious lines in the import template's columns
/// (every column filled, dates as real date cells and as text), then times the dry run and the commit
/// through <see cref="SituationImporter"/>, the service the page uses, on the target database.
/// </summary>
public static class ImportBenchmark
{
    private static readonly string[] LastNames = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "N'Diaye"];
    private static readonly string[] FirstNames = ["Léa", "Chloé", "Inès", "Jade", "Manon", "Sarah", "Camille", "Zoé", "Lina", "Éloïse", "Noah", "Adam", "Yanis", "Lucas"];
    private static readonly string[] Territories = ["Lyon 1er", "Lyon 3e", "Lyon 8e", "Villeurbanne", "Vénissieux", "Vaulx-en-Velin", "Bron", "Saint-Priest"];

    public static async Task<int> RunAsync(BenchTarget target, int rows, TextWriter output)
    {
        await using var host = BenchHost.Build(target, configure: builder =>
        {
            builder.Services.AddSingleton(TimeProvider.System);
            builder.AddTrame();
            builder.AddSituationImport();
        });
        await host.Services.PrepareDatabaseAsync();

        var file = Path.Combine(target.DataFolder, $"import-{rows}.xlsx");
        var watch = Stopwatch.StartNew();
        var content = Write(rows, file);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {file}: {rows} lines, {content.Length / 1024.0 / 1024.0:0.0} MB, in {watch.Elapsed.TotalSeconds:0.0} s."));

        Guid organisation;
        await using (var db = await host.Services.GetRequiredService<IDbContextFactory<VigieDbContext>>().CreateDbContextAsync())
        {
            var created = Vigie.Web.Features.Administration.Organisation.Create($"Import bench {Guid.NewGuid():N}"[..30],
                Vigie.Web.Features.Administration.OrganisationKind.Ase, "Métropole", null, null, DateTime.UtcNow);
            db.Organisations.Add(created);
            await db.SaveChangesAsync();
            organisation = created.Id;
        }

        watch.Restart();
        var sheet = SpreadsheetReader.Read(content);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Reading the xlsx alone: {watch.Elapsed.TotalSeconds:0.00} s ({sheet.GetType().Name})."));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<SituationImporter>();
            watch.Restart();
            var report = await importer.DryRunAsync(content);
            var dryRun = watch.Elapsed;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Dry run: {dryRun.TotalSeconds:0.00} s — {report.LinesRead} read, {report.ToCreate} to create, {report.AlreadyPresent} already present, {report.LinesInError} in error."));
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
            var importer = scope.ServiceProvider.GetRequiredService<SituationImporter>();
            watch.Restart();
            var result = await importer.CommitAsync(content, organisation, "banc-import");
            var commit = watch.Elapsed;
            if (result is not ImportCommitResult.Created created)
            {
                await output.WriteLineAsync($"Commit refused: {((ImportCommitResult.Refused)result).Reason}");
                return 1;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Commit (dry run again + writes, one transaction): {commit.TotalSeconds:0.00} s — {created.Situations} situations created ({created.Situations / commit.TotalSeconds:0} per second)."));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<SituationImporter>();
            watch.Restart();
            var again = await importer.DryRunAsync(content);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Same file again: {watch.Elapsed.TotalSeconds:0.00} s — {again.ToCreate} to create, {again.AlreadyPresent} already present."));
        }

        return 0;
    }

    /// <summary>N distinct fictitious minors (the line number is part of the first name), every column filled.</summary>
    private static byte[] Write(int rows, string path)
    {
        var random = new Random(20250101);
        var headers = ImportColumns.All.Select(c => c.Header).ToArray();
        var today = DateTime.UtcNow.Date;
        IEnumerable<Dictionary<string, object?>> Lines()
        {
            yield return headers.Select((h, i) => (h, i)).ToDictionary(p => Column(p.i), p => (object?)p.h);
            for (var n = 0; n < rows; n++)
            {
                var birth = today.AddYears(-17 - random.Next(8)).AddDays(-random.Next(365));
                var detected = birth.AddYears(11 + random.Next(6)).AddDays(random.Next(300));
                if (detected > today)
                {
                    detected = today.AddDays(-random.Next(30, 300));
                    birth = detected.AddYears(-14);
                }

                var values = new object?[]
                {
                    LastNames[random.Next(LastNames.Length)], $"{FirstNames[random.Next(FirstNames.Length)]}-{Letters(n)}", birth, random.Next(10) < 8 ? "F" : "M",
                    Territories[random.Next(Territories.Length)], detected.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    Pick(random, "source"), random.Next(2) == 0 ? "en risque" : "avérée", Pick(random, "structure_familiale"),
                    Pick(random, "violences_physiques"), Pick(random, "violences_sexuelles"), random.Next(4) == 0 ? random.Next(2, 6) : Pick(random, "rang"),
                    random.Next(8), random.Next(10) == 0 ? "oui" : "non", random.Next(15) == 0 ? "oui" : "non", Pick(random, "protection"),
                    Pick(random, "scolarite"), Pick(random, "lieu_de_vie", exclude: "autre"), random.Next(12) == 0 ? "oui" : "non",
                    Later(random, detected, today), Later(random, detected, today)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Later(random, detected, today),
                    null, null,
                };
                if (random.Next(3) == 0 && Later(random, detected, today) is { } closed)
                {
                    values[^2] = closed;
                    values[^1] = "perte de contact";
                }

                yield return values.Select((v, i) => (v, i)).ToDictionary(p => Column(p.i), p => p.v);
            }
        }

        using var stream = new MemoryStream();
        stream.SaveAs(Lines(), printHeader: false);
        var bytes = stream.ToArray();
        File.WriteAllBytes(path, bytes);
        return bytes;
    }

    private static DateTime? Later(Random random, DateTime after, DateTime today) =>
        random.Next(2) == 0 ? null : after.AddDays(random.Next(1, 60)) is var d && d <= today ? d : null;

    private static string Pick(Random random, string field, string? exclude = null)
    {
        var options = TrameSchema.Sections.SelectMany(s => s.Fields).First(f => f.Key == field).Options.Where(o => o.Key != exclude && o.Key != "rang_n").ToList();
        var option = options[random.Next(options.Count)];
        return random.Next(2) == 0 ? option.Label : option.Key;
    }

    /// <summary>The line number in letters: the blind index keeps letters only, so digits would not tell two minors apart.</summary>
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

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : "A" + (char)('A' + index - 26);
}
