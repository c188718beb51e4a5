using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Formation;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Formation;

/// <summary>
/// The Formation module over HTTP as Coordination uses it: sessions, attendance sheets (dry run, commit,
/// re-import), people found again across sessions, the review of likely duplicates. Every test uses its
/// own names and e-mail domain, so they share one database without meeting each other's people.
/// </summary>
public sealed class FormationTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Header = "nom;prénom;e-mail;employeur;catégorie d'employeur";

    [Fact]
    public async Task A_new_session_with_errors_is_shown_again_with_French_messages_and_what_was_typed()
    {
        var client = await factory.LoginAsync(Roles.Coordination);

        var response = await Pages.PostFormAsync(client, "/formation/sessions/nouvelle", new()
        {
            ["Input.Date"] = "31/02/2024", ["Input.Audience"] = "Éducateurs de MECS", ["Input.Trainers"] = "", ["Input.Place"] = "Salle Rhône",
            ["Input.DurationMinutes"] = "trois heures",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        var errors = page.Text("#form-errors");
        Assert.Contains("La date de la session n'est pas valide (jj/mm/aaaa).", errors, StringComparison.Ordinal);
        Assert.Contains("Choisissez le type de session.", errors, StringComparison.Ordinal);
        Assert.Contains("Indiquez les formateurs.", errors, StringComparison.Ordinal);
        Assert.Contains("La durée est un nombre entier de minutes", errors, StringComparison.Ordinal);
        Assert.Equal("Éducateurs de MECS", page.QuerySelector("#Input_Audience")!.GetAttribute("value"));
        Assert.Equal("Salle Rhône", page.QuerySelector("#Input_Place")!.GetAttribute("value"));
        Assert.Equal("trois heures", page.QuerySelector("#Input_DurationMinutes")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#Input_Trainers")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainingSessions.CountAsync(s => s.Place == "Salle Rhône")));
    }

    [Fact]
    public async Task The_dry_run_writes_nothing_the_commit_records_each_person_once_and_the_same_sheet_again_adds_nothing()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var session = await CreateSessionAsync(client, "2024-03-12", TrainingKind.Sensibilisation);
        var sheet = Csv(
            "Arnal;Claire;claire.arnal@seche.test;MECS Les Tilleuls;Établissement",
            "Bory;Louis;louis.bory@seche.test;Collège Jean Moulin;education nationale",
            "ARNAL;claire; Claire.Arnal@SECHE.test ;MECS Les Tilleuls;établissement",
            "Cazal;Inès;;Commissariat du 7e;police");

        var report = await AnalyseAsync(client, session, sheet);

        Assert.Equal(("4", "3", "3", "0", "1", "0"), Counts(report));
        Assert.Equal("Enregistrer 3 participations", report.Text("#commit"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.SessionId == session)));

        var commit = await CommitAsync(client, session, report);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        Assert.Equal($"/formation/sessions/{session}", commit.Headers.Location!.OriginalString);
        var details = await Pages.GetDocumentAsync(client, $"/formation/sessions/{session}");
        Assert.Contains("3 participations enregistrées, dont 3 nouvelles personnes.", details.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("3", details.Text("#participant-count"));
        var rows = details.QuerySelectorAll("#participants-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Arnal", "Claire", "claire.arnal@seche.test", "MECS Les Tilleuls", "Établissement"], rows[0]);
        Assert.Equal(["Cazal", "Inès", "—", "Commissariat du 7e", "Police / gendarmerie"], rows[2]);

        var again = await AnalyseAsync(client, session, sheet);
        Assert.Equal(("4", "0", "0", "3", "1", "0"), Counts(again));
        Assert.Contains("déjà inscrites à cette session", again.Text("#nothing-new"), StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("#commit-form"));
        Assert.Equal(3, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.SessionId == session)));

        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == FormationAudit.AttendanceImport && e.RecordId!.StartsWith(session.ToString()))
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.Read, AuditAction.Create, AuditAction.Read], audited);
    }

    [Fact]
    public async Task The_templates_carry_every_column_the_import_reads_and_an_empty_sheet_is_refused_in_French()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var session = await CreateSessionAsync(client, "2024-04-02", TrainingKind.Sensibilisation);

        foreach (var (format, type) in new[] { ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("csv", "text/csv") })
        {
            var response = await client.GetAsync($"/formation/modele.{format}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
            // The header row alone: every column is recognised (no missing column), and there is no participant.
            var report = await AnalyseAsync(client, session, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("Le fichier ne peut pas être importé : Le fichier ne contient aucun participant : seule la ligne d'en-tête est remplie.",
                string.Join(" ", report.Text("#file-errors").Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/formation/modele.pdf")).StatusCode);
    }

    [Fact]
    public async Task A_person_is_found_again_in_later_sessions_by_normalised_email_then_by_normalised_name()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var first = await CreateSessionAsync(client, "2021-01-14", TrainingKind.Sensibilisation);
        var second = await CreateSessionAsync(client, "2022-05-03", TrainingKind.Approfondissement);
        var third = await CreateSessionAsync(client, "2023-09-21", TrainingKind.PreventionFoyer);

        await ImportAsync(client, first, Csv("Dupré-Martin;Élodie;elodie.dupre@retrouve.test;Maison d'enfants Saint-Just;Établissement"));
        // The same address in capitals with spaces (and the composed é written as e + accent), then the name alone, folded.
        await ImportAsync(client, second, Csv("DUPRE MARTIN;Elodie;  ELODIE.DUPRE@RETROUVE.TEST ;Maison d'enfants Saint-Just;établissement"));
        await ImportAsync(client, third, Csv("dupre  martin;E\u0301lodie;;Association Jeunesse Rhône;association"));

        var people = await factory.WithDbAsync(db => db.TrainedPeople.AsNoTracking().Where(p => p.NormalisedName == "dupremartin|elodie").ToListAsync());
        var person = Assert.Single(people);
        Assert.Equal("elodie.dupre@retrouve.test", person.NormalisedEmail);
        // The employer of the latest session is the one the figures count.
        Assert.Equal(EmployerCategory.Association, person.Category);
        Assert.Equal("Association Jeunesse Rhône", person.Employer);
        Assert.Equal(3, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.PersonId == person.Id)));
    }

    [Fact]
    public async Task A_sheet_with_errors_is_refused_with_a_French_report_line_by_line_and_nothing_is_written()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var session = await CreateSessionAsync(client, "2024-06-04", TrainingKind.PreventionScolaire);
        var sheet = Csv(
            "Fabre;Jade;jade.fabre@erreurs.test;Lycée du Parc;Éducation nationale",
            "Garnier;;lina.garnier@erreurs.test;Lycée du Parc;Éducation nationale",
            "Hamon;Sarah;sarah.hamon(at)erreurs.test;Lycée du Parc;Éducation nationale",
            "Ibert;Zoé;zoe.ibert@erreurs.test;Lycée du Parc;Rectorat",
            "=HYPERLINK(\"x\");Noah;;Lycée du Parc;autre");

        var report = await AnalyseAsync(client, session, sheet);

        Assert.Equal(("5", "1", "1", "0", "0", "4"), Counts(report));
        var errors = report.QuerySelectorAll("#line-errors tbody tr").Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "3 | prénom | la valeur est obligatoire.",
            "4 | e-mail | « sarah.hamon(at)erreurs.test » n'est pas une adresse électronique (nom@domaine.fr).",
            "5 | catégorie d'employeur | « Rectorat » n'est pas une catégorie acceptée (Métropole, Établissement, Éducation nationale, Prévention spécialisée, CPEF, Santé, Justice, Police / gendarmerie, Association, Autre).",
            "6 | nom | « =HYPERLINK(\"x\") » commence comme une formule (=, +, -, @) : saisissez le texte lui-même.",
        ], errors);
        Assert.Null(report.QuerySelector("#commit-form"));

        var missing = await AnalyseAsync(client, session, Encoding.UTF8.GetBytes("nom;prénom;e-mail\r\nJolivet;Noah;noah@erreurs.test\r\n"));
        Assert.Contains("La colonne obligatoire « employeur » manque dans la ligne d'en-tête", missing.Text("#file-errors"), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.SessionId == session)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainedPeople.CountAsync(p => p.NormalisedEmail != null && p.NormalisedEmail.EndsWith("@erreurs.test"))));
    }

    [Fact]
    public async Task Likely_duplicates_are_reviewed_marked_distinct_once_and_merged_so_a_later_sheet_finds_the_person_kept()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var first = await CreateSessionAsync(client, "2022-02-08", TrainingKind.Sensibilisation);
        var second = await CreateSessionAsync(client, "2022-10-11", TrainingKind.Sensibilisation);
        await ImportAsync(client, first, Csv(
            "Quintard;Margaux;margaux.quintard@revue.test;CPEF de Vénissieux;CPEF",
            "Roussel;Pierre;pierre.roussel@revue.test;Club de prévention Duchère;prévention spécialisée"));
        await ImportAsync(client, second, Csv(
            "Quintard;Margaux;m.quintard@revue-sante.test;Hôpital Femme Mère Enfant;santé",
            "Rousel;Pierre;p.rousel@revue.test;Club de prévention Duchère;Prévention spécialisée"));
        var ids = await factory.WithDbAsync(db => db.TrainedPeople.AsNoTracking().Where(p => p.Email!.Contains("revue"))
            .ToDictionaryAsync(p => p.Email!, p => p.Id));
        Assert.Equal(4, ids.Count);

        var review = await Pages.GetDocumentAsync(client, "/formation/doublons");
        var pairs = Pairs(review);
        Assert.Contains(pairs, p => p.Contains("Margaux Quintard / Margaux Quintard", StringComparison.Ordinal) && p.Contains("Même nom.", StringComparison.Ordinal));
        Assert.Contains(pairs, p => p.Contains("Pierre", StringComparison.Ordinal) && p.Contains("Noms très proches, même employeur.", StringComparison.Ordinal));

        // Two different Margaux Quintard: said once, remembered.
        var distinct = await Pages.PostFormAsync(client, "/formation/doublons",
            new() { ["Keep"] = ids["margaux.quintard@revue.test"].ToString(), ["Other"] = ids["m.quintard@revue-sante.test"].ToString() }, "Distinct");
        Assert.Equal(HttpStatusCode.Redirect, distinct.StatusCode);
        review = await Pages.GetDocumentAsync(client, "/formation/doublons");
        Assert.Contains("ne seront plus proposées", review.Text("[role=status]"), StringComparison.Ordinal);
        Assert.DoesNotContain(Pairs(review), p => p.Contains("Quintard", StringComparison.Ordinal));

        // Pierre Roussel typed "Rousel" with another address: merged into the first.
        var kept = ids["pierre.roussel@revue.test"];
        var merged = ids["p.rousel@revue.test"];
        var merge = await Pages.PostFormAsync(client, "/formation/doublons", new() { ["Keep"] = kept.ToString(), ["Other"] = merged.ToString() }, "Merge");
        Assert.Equal(HttpStatusCode.Redirect, merge.StatusCode);
        review = await Pages.GetDocumentAsync(client, "/formation/doublons");
        Assert.DoesNotContain(Pairs(review), p => p.Contains("Pierre", StringComparison.Ordinal));
        Assert.Equal(2, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.PersonId == kept)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.PersonId == merged)));

        // A third session's sheet with the merged address leads to the person kept.
        var third = await CreateSessionAsync(client, "2023-01-17", TrainingKind.Approfondissement);
        var report = await AnalyseAsync(client, third, Csv("Rousel;Pierre;p.rousel@revue.test;Club de prévention Duchère;Prévention spécialisée"));
        Assert.Equal("0", report.Text("#count-new"));
        await CommitAsync(client, third, report);
        Assert.Equal(3, await factory.WithDbAsync(db => db.TrainingParticipations.CountAsync(p => p.PersonId == kept)));
        var people = await Pages.GetDocumentAsync(client, "/formation/personnes?q=rouss");
        Assert.Equal("3", people.QuerySelector("#people tbody tr td:last-child")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_figures_count_distinct_people_by_employer_category_and_year_for_Coordination_and_protected_for_the_Observatoire_role()
    {
        using var own = new VigieFactory();
        var client = await own.LoginAsync(Roles.Coordination);
        // 2020: six people of établissements. 2021: three of them again (one twice), now at the Métropole, and one new CPEF.
        var december = await CreateSessionAsync(client, "2020-12-03", TrainingKind.Sensibilisation);
        var june = await CreateSessionAsync(client, "2021-06-10", TrainingKind.Sensibilisation);
        var october = await CreateSessionAsync(client, "2021-10-07", TrainingKind.Approfondissement);
        await ImportAsync(client, december, Csv(Enumerable.Range(1, 6).Select(i => $"Nom{i};Prénom;p{i}@chiffres.test;MECS;Établissement").ToArray()));
        await ImportAsync(client, june, Csv(
            "Nom1;Prénom;p1@chiffres.test;Métropole de Lyon;Métropole",
            "Nom2;Prénom;p2@chiffres.test;Métropole de Lyon;Métropole",
            "Nom7;Prénom;p7@chiffres.test;CPEF;CPEF"));
        await ImportAsync(client, october, Csv("Nom3;Prénom;p3@chiffres.test;Métropole de Lyon;Métropole", "Nom1;Prénom;p1@chiffres.test;Métropole de Lyon;Métropole"));

        var page = await Pages.GetDocumentAsync(client, "/formation/chiffres?de=2020&a=2021");

        Assert.Equal("7 personnes différentes formées depuis décembre 2020 (jusqu'au 31/12/2021).", page.Text("#cumulative"));
        var byYear = Table(page, "#chiffres-1");
        // People 1 to 3 counted at their établissement in 2020 and at the Métropole in 2021.
        Assert.Equal(["0", "3"], byYear["Métropole"]);
        Assert.Equal(["6", "0"], byYear["Établissement"]);
        Assert.Equal(["0", "1"], byYear["CPEF"]);
        Assert.Equal(["6", "4"], byYear["Total"]);
        var cumulative = Table(page, "#chiffres-2");
        Assert.Equal(["3"], cumulative["Métropole"]);
        Assert.Equal(["3"], cumulative["Établissement"]);
        Assert.Equal(["1"], cumulative["CPEF"]);
        Assert.Equal(["7"], cumulative["Total"]);

        var observer = await own.LoginAsync(Roles.Observatoire);
        var protectedPage = await Pages.GetDocumentAsync(observer, "/formation/chiffres?de=2020&a=2021");
        Assert.Equal("< 5", Table(protectedPage, "#chiffres-2")["Métropole"][0]);
        Assert.DoesNotContain("Nom1", protectedPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync($"/formation/sessions/{december}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.GetAsync("/formation/personnes")).StatusCode);
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines.Prepend(Header)) + "\r\n");

    private async Task<Guid> CreateSessionAsync(HttpClient client, string date, TrainingKind kind)
    {
        var response = await Pages.PostFormAsync(client, "/formation/sessions/nouvelle", new()
        {
            ["Input.Date"] = date, ["Input.Kind"] = kind.ToString(), ["Input.Audience"] = "Professionnels de la protection de l'enfance",
            ["Input.Trainers"] = "Équipe de coordination", ["Input.Place"] = "Hôtel de la Métropole", ["Input.DurationMinutes"] = "180",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString["/formation/sessions/".Length..]);
    }

    private static async Task<IHtmlDocument> AnalyseAsync(HttpClient client, Guid session, byte[] content)
    {
        var path = $"/formation/sessions/{session}/import";
        var token = await Pages.TokenAsync(client, path);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Input.File", "emargement.csv");
        var response = await client.PostAsync($"{path}?handler=Analyse", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Pages.ParseAsync(response);
    }

    private static Task<HttpResponseMessage> CommitAsync(HttpClient client, Guid session, IHtmlDocument report)
    {
        var form = report.QuerySelector("#commit-form") ?? throw new InvalidOperationException("Pas de formulaire d'enregistrement : " + report.Text("#report"));
        return Pages.PostAsync(client, $"/formation/sessions/{session}/import",
            new() { ["Input.Token"] = form.QuerySelector("input[name='Input.Token']")!.GetAttribute("value")! },
            form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, "Import");
    }

    private async Task ImportAsync(HttpClient client, Guid session, byte[] content)
    {
        var commit = await CommitAsync(client, session, await AnalyseAsync(client, session, content));
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
    }

    /// <summary>(read, to record, new people, already recorded, repeated in the file, in error).</summary>
    private static (string, string, string, string, string, string) Counts(IHtmlDocument report) =>
        (report.Text("#count-read"), report.Text("#count-record"), report.Text("#count-new"), report.Text("#count-present"), report.Text("#count-repeated"), report.Text("#count-errors"));

    private static List<string> Pairs(IHtmlDocument review) => review.QuerySelectorAll("section.tile").Select(s => s.TextContent).ToList();

    private static Dictionary<string, List<string>> Table(IHtmlDocument page, string selector) =>
        page.QuerySelectorAll($"{selector} tbody tr").ToDictionary(
            tr => tr.QuerySelector("th")!.TextContent.Trim(),
            tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
}
