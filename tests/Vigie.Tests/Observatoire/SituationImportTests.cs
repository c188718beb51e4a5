using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Observatoire;

public sealed class SituationImportTests
{
    private const string PagePath = "/observatoire/import";

    /// <summary>The template's columns, written out by hand.</summary>
    private static readonly string[] Headers =
    [
        "nom", "prénom", "date de naissance", "sexe", "territoire", "date de repérage", "source du repérage", "niveau", "structure familiale",
        "violences physiques intrafamiliales", "violences sexuelles intrafamiliales", "rang dans la fratrie", "fugues sur 12 mois", "proxénétisme",
        "rabattage", "protection en place", "scolarité", "lieu de vie", "mineur non accompagné", "date du signalement",
        "date de l'information préoccupante", "date de l'OPP", "date de clôture", "motif de clôture",
    ];

    /// <summary>A full line: real date cells, dates typed both ways, labels in any case, a rank number.</summary>
    private static readonly object?[] Canary =
    [
        "Canarimport", "Éloïse", new DateTime(2005, 3, 14), "fille", "Lyon 8e", new DateTime(2019, 6, 2), "Éducation nationale", "avérée",
        "Monoparentale (mère)", "SUSPECTÉ", "non_observe", 3, 4, "non", "Oui", "AEMO", "déscolarisé", "foyer", "non", new DateTime(2019, 7, 1),
        "10/06/2019", "2019-07-05", "14/03/2021", "perte de contact",
    ];

    /// <summary>Only what is required, dates as text.</summary>
    private static readonly object?[] Minimal =
        ["Martin", "Léa", "12/11/2007", null, null, "2021-09-15", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null];

    /// <summary>Birth date as an Excel serial number (39448 = 1 January 2008), in a cell without a date format.</summary>
    private static readonly object?[] Serial =
        ["Petit", "Noah", 39448, "M", "Villeurbanne", "15/01/2022", "PJJ", "en risque", null, null, null, "aîné", 0, null, null, null, null, null, "oui", null, null, null, null, null];

    [Fact]
    public async Task Template_downloads_and_its_headers_round_trip_into_a_clean_dry_run()
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);

        var xlsx = await client.GetAsync($"{PagePath}/modele.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var template = await xlsx.Content.ReadAsByteArrayAsync();
        using (var stream = new MemoryStream(template))
        {
            Assert.Equal(["Situations", "Aide"], stream.GetSheetNames());
        }

        var rows = ReadSheet(template, "Situations");
        Assert.Single(rows);
        Assert.Equal(Headers, rows[0]);
        var help = ReadSheet(template, "Aide");
        Assert.Equal(["Colonne", "Obligatoire", "Valeurs acceptées", "Description"], help[0]);
        Assert.Contains(help, r => r[0] == "niveau" && r[2] == "En risque de prostitution, Prostitution avérée");
        Assert.Contains(help, r => r[0] == "date de naissance" && r[1] == "oui");

        var csv = await client.GetAsync($"{PagePath}/modele.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal("\uFEFF" + string.Join(';', Headers) + "\r\n", csvText);

        // The template's own header row, a line added under it: a clean dry run.
        var filled = Xlsx([rows[0].Cast<object?>().ToArray(), Minimal]);
        var report = await AnalyseAsync(client, filled, "modele-rempli.xlsx", organisation);
        Assert.Equal(("1", "1", "0", "0"), Counts(report));
        Assert.NotNull(report.QuerySelector("#commit"));
        Assert.Equal("Importer 1 situation", report.Text("#commit"));

        var fromCsv = await AnalyseAsync(client, [.. Encoding.UTF8.GetBytes(csvText), .. Encoding.UTF8.GetBytes("Martin;Léa;12/11/2007;;;2021-09-15\r\n")],
            "modele.csv", organisation);
        Assert.Equal(("1", "1", "0", "0"), Counts(fromCsv));
    }

    [Fact]
    public async Task A_good_file_dry_runs_with_the_right_counts_and_writes_nothing()
    {
        using var factory = new VigieFactory();
        var (client, user, organisation) = await CoordinationAsync(factory);
        var file = Xlsx([Headers, Canary, Minimal, Serial]);

        var report = await AnalyseAsync(client, file, "historique.xlsx", organisation);

        Assert.Equal(("3", "3", "0", "0"), Counts(report));
        Assert.Null(report.QuerySelector("#line-errors"));
        Assert.Equal("Importer 3 situations", report.Text("#commit"));
        Assert.NotNull(report.QuerySelector("#Input_Code"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Situations.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Evaluations.CountAsync()));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorId == user.Id && e.RecordType == AuditRecordType.SituationImport)
            .Select(e => new { e.Action, e.RecordId, e.Outcome }).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(AuditAction.Read, entry.Action);
        Assert.Equal($"{sha}|lues=3|nouvelles=3|presentes=0|erreurs=0", entry.RecordId);
        // The file waits encrypted: its bytes are not on disk in clear.
        var waiting = Assert.Single(Directory.GetFiles(Path.Combine(factory.Database.DataFolder, "imports")));
        Assert.DoesNotContain("Canarimport", Encoding.UTF8.GetString(await File.ReadAllBytesAsync(waiting)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commit_creates_the_situations_with_identity_statistics_and_steps_and_the_same_file_again_creates_nothing()
    {
        using var factory = new VigieFactory();
        var (client, user, organisation) = await CoordinationAsync(factory);
        var file = Xlsx([Headers, Canary, Minimal, Serial]);
        var report = await AnalyseAsync(client, file, "historique.xlsx", organisation);

        // Without a code, nothing is written.
        var refused = await Pages.ParseAsync(await CommitAsync(client, report, code: null));
        Assert.Equal("Saisissez le code à 6 chiffres de votre application d'authentification pour confirmer l'import.", refused.Text("#Input_Code-error"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Situations.CountAsync()));

        var done = await CommitAsync(client, refused, factory.NextCode(user));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var after = await Pages.GetDocumentAsync(client, PagePath);
        Assert.Equal("3 situations importées.", after.Text(".notice--success"));
        Assert.Empty(Directory.GetFiles(Path.Combine(factory.Database.DataFolder, "imports")));

        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        await factory.WithDbAsync(async db =>
        {
            var situations = await db.Situations.AsNoTracking().Include(s => s.LegalSteps).ToListAsync();
            Assert.Equal(3, situations.Count);
            Assert.All(situations, s => Assert.Equal(organisation, s.ReferentOrganisationId));
            Assert.All(situations, s => Assert.Equal(user.Id, s.CreatedById));
            var identities = situations.Select(s => s.ReadIdentity(cipher)).OrderBy(i => i.LastName, StringComparer.Ordinal).ToList();
            Assert.Equal(
                [new MinorIdentity("Canarimport", "Éloïse", new DateOnly(2005, 3, 14)), new MinorIdentity("Martin", "Léa", new DateOnly(2007, 11, 12)),
                    new MinorIdentity("Petit", "Noah", new DateOnly(2008, 1, 1))],
                identities);

            var canary = situations.Single(s => s.ReadIdentity(cipher).LastName == "Canarimport");
            Assert.Equal(Sex.Fille, canary.Sex);
            Assert.Equal("Lyon 8e", canary.Territory);
            Assert.Equal(SituationStatus.Cloturee, canary.Status);
            Assert.Equal(ClosureReason.ContactPerdu, canary.ClosureReason);
            Assert.Equal(SituationStatus.Signalee, canary.StatusBeforeClosure);
            Assert.Equal(new DateOnly(2021, 3, 14), DateOnly.FromDateTime(Vigie.Web.Platform.Web.ParisTime.ToLocal(canary.ClosedAt!.Value)));
            Assert.Equal(QualificationLevel.Averee, canary.Level);
            Assert.Equal(new DateOnly(2019, 6, 2), canary.DetectedOn);
            Assert.Equal(new DateOnly(2019, 6, 2), canary.CountedOn);
            Assert.Equal(1, canary.EvaluationCount);
            Assert.Equal(2005, canary.BirthYear);
            Assert.Equal(3, canary.BirthMonth);
            Assert.Null(canary.NextDueAt);
            Assert.Equal(
                [(LegalStepKind.InformationPreoccupante, new DateOnly(2019, 6, 10)), (LegalStepKind.Signalement, new DateOnly(2019, 7, 1)), (LegalStepKind.Opp, new DateOnly(2019, 7, 5))],
                canary.LegalSteps.OrderBy(l => l.OccurredAt).Select(l => (l.Kind, DateOnly.FromDateTime(Vigie.Web.Platform.Web.ParisTime.ToLocal(l.OccurredAt)))).ToList());

            var evaluation = await db.Evaluations.AsNoTracking().SingleAsync(e => e.SituationId == canary.Id);
            Assert.Equal(1, evaluation.Number);
            Assert.Equal(user.Id, evaluation.ValidatedById);
            Assert.Equal(QualificationLevel.Averee, evaluation.Level);
            Assert.Equal(new DateOnly(2019, 6, 2), evaluation.DetectedOn);
            Assert.Equal("education_nationale", evaluation.DetectionSource);
            Assert.Equal("monoparentale_mere", evaluation.FamilyStructure);
            Assert.Equal("suspecte", evaluation.PhysicalViolence);
            Assert.Equal("non_observe", evaluation.SexualViolence);
            Assert.Equal("rang_3", evaluation.SiblingRank);
            Assert.Equal(4, evaluation.RunawaysLast12Months);
            Assert.True(evaluation.PolyRunaway);
            Assert.False(evaluation.Proxenetisme);
            Assert.True(evaluation.Rabattage);
            Assert.Equal("aemo", evaluation.Protection);
            Assert.Equal("descolarise", evaluation.Schooling);
            Assert.Equal("foyer", evaluation.LivingPlace);
            Assert.False(evaluation.UnaccompaniedMinor);
            var values = new TrameCodec(cipher).DecodeAll(evaluation.ClearJson, evaluation.SecretEncrypted, Evaluation.SecretPurpose);
            Assert.Equal("2019-06-02", values["reperage"]["date_reperage"]);
            Assert.Equal("education_nationale", values["reperage"]["source"]);
            Assert.Equal("averee", values["qualification"]["niveau"]);
            Assert.Equal("oui", values["qualification"]["rabattage"]);
            Assert.Equal("rang_n", values["famille"]["rang"]);
            Assert.Equal("3", values["famille"]["rang_n"]);
            Assert.Equal("2019-06-10", values["actions"]["action_information_preoccupante_date"]);

            var noah = situations.Single(s => s.ReadIdentity(cipher).LastName == "Petit");
            Assert.Equal(Sex.Garcon, noah.Sex);
            Assert.Equal(SituationStatus.EnEvaluation, noah.Status);
            Assert.Equal(QualificationLevel.EnRisque, noah.Level);
            var noahEvaluation = await db.Evaluations.AsNoTracking().SingleAsync(e => e.SituationId == noah.Id);
            Assert.Equal("aine", noahEvaluation.SiblingRank);
            Assert.False(noahEvaluation.PolyRunaway);
            Assert.True(noahEvaluation.UnaccompaniedMinor);
        });

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ActorId == user.Id && e.Action == AuditAction.Create
            && e.RecordType == AuditRecordType.SituationImport && e.RecordId == $"{sha}|lues=3|nouvelles=3|presentes=0|erreurs=0")));

        // The canary's name is nowhere in clear in the database's storage.
        var raw = await RawStore.ReadAsync(factory);
        Assert.Equal(-1, raw.AsSpan().IndexOf("Canarimport"u8));
        Assert.Equal(-1, raw.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Éloïse")));

        // The same file again: every line already present, nothing to import.
        var again = await AnalyseAsync(client, file, "historique.xlsx", organisation);
        Assert.Equal(("3", "0", "3", "0"), Counts(again));
        Assert.Null(again.QuerySelector("#commit"));
        Assert.Equal("Toutes les lignes de ce fichier sont déjà présentes dans Vigie : il n'y a rien à importer.", again.Text("#nothing-new"));

        // A file with one new line and the three known ones imports the new one only.
        var more = await AnalyseAsync(client, Xlsx([Headers, Canary, Minimal, Serial, Row("Nouveau", "Jade", "01/02/2009", "03/04/2023")]), "plus.xlsx", organisation);
        Assert.Equal(("4", "1", "3", "0"), Counts(more));
        Assert.Equal(HttpStatusCode.Redirect, (await CommitAsync(client, more, factory.NextCode(user))).StatusCode);
        Assert.Equal("1 situation importée ; 3 déjà présentes, non importées de nouveau.", (await Pages.GetDocumentAsync(client, PagePath)).Text(".notice--success"));
        Assert.Equal(4, await factory.WithDbAsync(db => db.Situations.CountAsync()));
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { "31/02/2009", "Ligne 2, « date de naissance » : « 31/02/2009 » n'est pas une date." },
        { "le 3 mai", "Ligne 2, « date de naissance » : « le 3 mai » n'est pas une date." },
        { "2031-01-01", "Ligne 2, « date de naissance » : « 01/01/2031 » est dans le futur." },
        { "2023-06-01", "Ligne 2, « date de repérage » : « 03/04/2023 » précède la date de naissance (01/06/2023)." },
        { "1999-01-01", "Ligne 2, « date de repérage » : à cette date (03/04/2023), le mineur aurait eu 24 ans : vérifiez la date de naissance et la date de repérage." },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Impossible_dates_are_reported_by_line_and_column(string birth, string expected)
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);

        var report = await AnalyseAsync(client, Csv([Headers, Row("Durand", "Zoé", birth, "03/04/2023")]), "dates.csv", organisation);

        Assert.Equal(("1", "0", "0", "1"), Counts(report));
        Assert.Equal([expected], Errors(report));
        Assert.Null(report.QuerySelector("#commit"));
        await AssertNothingWrittenAsync(factory);
    }

    [Fact]
    public async Task Unknown_values_formulas_long_cells_and_markup_are_reported_cell_by_cell_and_shown_escaped()
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);
        var longText = new string('x', 102_400);
        var lines = new List<object?[]>
        {
            Headers,
            With(Row("Durand", "Zoé", "01/02/2009", "03/04/2023"), ("sexe", "<script>alert(1)</script>"), ("niveau", "grave")),
            With(Row("=HYPERLINK(\"http://x\")", "Zoé", "01/02/2009", "03/04/2023"), ("fugues sur 12 mois", "-3")),
            With(Row("Bernard", "Lou", "01/02/2009", "03/04/2023"), ("territoire", longText), ("sexe", "@SUM(A1)")),
            With(Row("Moreau", "Inès", "01/02/2009", "03/04/2023"), ("date de clôture", "01/05/2023")),
            Row("Durand", "Zoé", "01/02/2009", "03/04/2023"),
            Row("DURAND", "zoe", "2009-02-01", "05/05/2023"),
        };

        var document = await AnalyseAsync(client, Csv(lines), "erreurs.csv", organisation);

        Assert.Equal(("6", "0", "0", "5"), Counts(document));
        Assert.Equal(
        [
            "Ligne 2, « sexe » : « <script>alert(1)</script> » n'est pas une valeur acceptée (F (ou fille), M (ou garçon), autre, non renseigné).",
            "Ligne 2, « niveau » : « grave » n'est pas une valeur acceptée (En risque de prostitution, Prostitution avérée).",
            "Ligne 3, « nom » : « =HYPERLINK(\"http://x\") » commence comme une formule (=, +, -, @) : saisissez le texte lui-même.",
            "Ligne 3, « fugues sur 12 mois » : « -3 » n'est pas un nombre entier de 0 à 365.",
            "Ligne 4, « sexe » : « @SUM(A1) » n'est pas une valeur acceptée (F (ou fille), M (ou garçon), autre, non renseigné).",
            "Ligne 4, « territoire » : « xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… » fait 102\u202F400 caractères ; la limite est de 120.",
            "Ligne 5, « motif de clôture » : indiquez le motif de clôture, puisqu'une date de clôture est donnée.",
            "Ligne 7 : même mineur (nom, prénom, date de naissance) que la ligne 6 : une seule ligne par mineur.",
        ], Errors(document));
        var html = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain(longText[..1000], html, StringComparison.Ordinal);
        await AssertNothingWrittenAsync(factory);
    }

    [Fact]
    public async Task An_xlsx_formula_cell_is_refused_for_that_cell()
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);
        var file = WithFormula(Xlsx([Headers, With(Row("Durand", "Zoé", "01/02/2009", "03/04/2023"), ("fugues sur 12 mois", 1)), Minimal]), "M2", "1+1", "2");

        var report = await AnalyseAsync(client, file, "formule.xlsx", organisation);

        Assert.Equal(("2", "0", "0", "1"), Counts(report));
        Assert.Equal(["Ligne 2, « fugues sur 12 mois » : la cellule contient une formule : remplacez-la par sa valeur (copier, puis collage spécial « valeurs »)."],
            Errors(report));
        await AssertNothingWrittenAsync(factory);
    }

    [Fact]
    public async Task Wrong_and_missing_columns_are_listed_with_the_expected_ones()
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);
        var csv = "NOM;Prenom;date de naisance;Date de repérage;âge;nom\r\nDurand;Zoé;01/02/2009;03/04/2023;14;Durand\r\n";

        var report = await AnalyseAsync(client, Encoding.UTF8.GetBytes(csv), "colonnes.csv", organisation);

        var errors = report.QuerySelectorAll("#file-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Equal("Colonne obligatoire absente : « date de naissance ».", errors[0]);
        Assert.Equal("Colonnes inconnues : « date de naisance », « âge ».", errors[1]);
        Assert.Equal("Colonne en double : « nom ».", errors[2]);
        Assert.StartsWith("Colonnes attendues (dans cet ordre ou un autre ; celles marquées * sont obligatoires) : « nom » *, « prénom » *, « date de naissance » *, « sexe », ",
            errors[3], StringComparison.Ordinal);
        Assert.EndsWith("« date de clôture », « motif de clôture ».", errors[3], StringComparison.Ordinal);
        Assert.Null(report.QuerySelector("#commit"));
        await AssertNothingWrittenAsync(factory);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "vide.csv", [], "Le fichier est vide." },
        { "rapport.pdf", [.. "%PDF-1.7\n%"u8, 0xE2, 0xE3, 0x00, 0x01, 0x02, 0x00, 0x05], "Ce fichier n'est ni un classeur Excel (.xlsx) ni un fichier CSV : utilisez le modèle proposé sur cette page." },
        { "ancien.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0], "Ce fichier est au format Excel 97-2003 (.xls), qui n'est pas pris en charge : enregistrez-le au format .xlsx ou .csv, puis envoyez-le de nouveau." },
        { "casse.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8], "Ce classeur Excel est endommagé ou n'est pas au format .xlsx : ouvrez-le dans votre tableur, enregistrez-le de nouveau au format .xlsx, puis réessayez." },
        { "entete.csv", "nom;prénom;date de naissance;date de repérage\r\n"u8.ToArray(), "Le fichier ne contient que la ligne d'en-tête : aucune situation à importer." },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_cannot_be_read_gets_a_french_message_and_changes_nothing(string name, byte[] content, string expected)
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);

        var report = await AnalyseAsync(client, content, name, organisation);

        Assert.Equal([expected], report.QuerySelectorAll("#file-errors li").Select(li => li.TextContent.Trim()));
        Assert.Null(report.QuerySelector("#commit"));
        await AssertNothingWrittenAsync(factory);
    }

    [Fact]
    public async Task Csv_in_windows_1252_or_utf8_with_either_separator_is_read()
    {
        using var factory = new VigieFactory();
        var (client, user, organisation) = await CoordinationAsync(factory);
        var text = "nom;prénom;date de naissance;date de repérage;scolarité\r\nLefèvre;Hélène;01/02/2009;03/04/2023;Déscolarisé\r\n";

        var windows = await AnalyseAsync(client, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text), "excel.csv", organisation);
        Assert.Equal(("1", "1", "0", "0"), Counts(windows));
        var withBom = await AnalyseAsync(client, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.Replace(';', ','))], "virgules.csv", organisation);
        Assert.Equal(("1", "1", "0", "0"), Counts(withBom));
        var quoted = await AnalyseAsync(client, Encoding.UTF8.GetBytes("nom,prénom,date de naissance,date de repérage,territoire\n\"Lefèvre\",\"Hélène\",2009-02-01,2023-04-03,\"Lyon, 3e\"\n"),
            "guillemets.csv", organisation);
        Assert.Equal(("1", "1", "0", "0"), Counts(quoted));

        // A wrong value read from Windows-1252 is quoted with its accents.
        var wrong = await AnalyseAsync(client, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text.Replace("Déscolarisé", "Pâquerette", StringComparison.Ordinal)), "excel.csv", organisation);
        Assert.StartsWith("Ligne 2, « scolarité » : « Pâquerette » n'est pas une valeur acceptée (", Errors(wrong).Single(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await CommitAsync(client, windows, factory.NextCode(user))).StatusCode);
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var identity = await factory.WithDbAsync(async db => (await db.Situations.AsNoTracking().SingleAsync()).ReadIdentity(cipher));
        Assert.Equal(new MinorIdentity("Lefèvre", "Hélène", new DateOnly(2009, 2, 1)), identity);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(50)]
    public async Task A_file_over_the_size_limit_is_refused_with_a_message(int megabytes)
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);
        var content = new byte[megabytes * 1024 * 1024];
        Array.Fill(content, (byte)'a');

        var response = await PostAnalyseAsync(client, content, "enorme.csv", organisation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{PagePath}?trop-volumineux=1", response.Headers.Location!.OriginalString);
        var page = await Pages.GetDocumentAsync(client, response.Headers.Location.OriginalString);
        Assert.Equal("Le fichier envoyé dépasse la taille permise (10 Mo) : rien n'a été lu. Découpez-le en plusieurs fichiers.", page.Text("#Input_File-error"));
        await AssertNothingWrittenAsync(factory);
    }

    [Fact]
    public async Task The_form_keeps_the_organisation_and_says_what_is_missing()
    {
        using var factory = new VigieFactory();
        var (client, _, organisation) = await CoordinationAsync(factory);

        var token = await Pages.TokenAsync(client, PagePath);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(organisation.ToString()), "Input.OrganisationId" },
        };
        var document = await Pages.ParseAsync(await client.PostAsync($"{PagePath}?handler=Analyse", form));

        Assert.Equal("Choisissez le fichier à importer (.xlsx ou .csv).", document.Text("#Input_File-error"));
        Assert.Equal(organisation.ToString(), document.QuerySelector("#Input_OrganisationId option[selected]")!.GetAttribute("value"));
        var none = await AnalyseAsync(client, Csv([Headers, Minimal]), "a.csv", null);
        Assert.Equal("Choisissez l'organisation référente des situations importées.", none.Text("#Input_OrganisationId-error"));
        Assert.Equal("Import de situations historiques", none.Text("h1"));
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_the_commit_leaves_nothing()
    {
        using var factory = new FailingFactory();
        var (client, user, organisation) = await CoordinationAsync(factory);
        var lines = new List<object?[]> { Headers };
        for (var i = 0; i < 5; i++)
        {
            lines.Add(Row("Panne" + (char)('a' + i), "Test", "01/02/2009", "03/04/2023", signalement: "05/04/2023"));
        }

        var report = await AnalyseAsync(client, Xlsx(lines), "panne.xlsx", organisation);
        Assert.Equal(("5", "5", "0", "0"), Counts(report));

        var failed = await CommitAsync(client, report, factory.NextCode(user));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var document = await Pages.ParseAsync(failed);
        Assert.Equal("L'enregistrement a échoué en cours d'import : rien n'a été importé. Réessayez ; si le problème persiste, prévenez l'administrateur.",
            document.Text("#commit-failure"));
        Assert.True(factory.Interceptor.Failed);
        await AssertNothingWrittenAsync(factory);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == AuditRecordType.SituationImport
            && e.Action == AuditAction.Create && e.Outcome == AuditOutcome.Failure)));
    }

    [Fact]
    public async Task Two_imports_of_the_same_file_at_once_create_each_minor_once()
    {
        using var factory = new VigieFactory();
        var (_, user, organisation) = await CoordinationAsync(factory);
        var lines = new List<object?[]> { Headers };
        for (var i = 0; i < 30; i++)
        {
            lines.Add(Row("Concurrent" + (char)('a' + i % 26) + (char)('a' + i / 26), "Test", "01/02/2009", "03/04/2023"));
        }

        var file = Xlsx(lines);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            factory.WithScopeAsync(services => services.GetRequiredService<Vigie.Web.Features.Observatoire.Import.SituationImporter>()
                .CommitAsync(file, organisation, user.Id)))));

        var created = results.Select(r => Assert.IsType<Vigie.Web.Features.Observatoire.Import.ImportCommitResult.Created>(r).Situations).Order().ToList();
        Assert.Equal([0, 30], created);
        Assert.Equal(30, await factory.WithDbAsync(db => db.Situations.CountAsync()));
        Assert.Equal(30, await factory.WithDbAsync(db => db.Situations.Select(s => s.IdentityIndex).Distinct().CountAsync()));
    }

    [Fact]
    public async Task Only_coordination_may_import()
    {
        using var factory = new VigieFactory();
        var anonymous = factory.CreateBrowser();
        var login = await anonymous.GetAsync(PagePath);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var location = login.Headers.Location!;
        Assert.StartsWith("/compte/connexion", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);

        foreach (var role in Roles.All.Where(r => r != Roles.Coordination))
        {
            var client = await factory.LoginAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(PagePath)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{PagePath}/modele.xlsx")).StatusCode);
            var token = await Pages.TokenAsync(client, "/compte/mot-de-passe");
            var post = await Pages.PostAsync(client, PagePath, new() { ["Input.Token"] = new string('a', 32) }, token, "Import");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        }

        // Another Coordination user cannot commit someone else's analysed file, even with its token.
        var (owner, _, organisation) = await CoordinationAsync(factory);
        var report = await AnalyseAsync(owner, Csv([Headers, Minimal]), "a.csv", organisation);
        var (other, otherUser, _) = await CoordinationAsync(factory);
        var stolen = await Pages.ParseAsync(await Pages.PostAsync(other, PagePath,
            new() { ["Input.Token"] = report.QuerySelector("input[name='Input.Token']")!.GetAttribute("value")!, ["Input.Code"] = factory.NextCode(otherUser) },
            await Pages.TokenAsync(other, PagePath), "Import"));
        Assert.Equal("Le fichier analysé n'est plus disponible (plus d'une heure s'est écoulée, ou il a déjà été importé) : envoyez-le de nouveau.",
            stolen.Text("#Input_File-error"));
        await AssertNothingWrittenAsync(factory);
    }

    [Fact]
    public async Task An_analysed_file_expires_after_its_lifetime()
    {
        using var factory = new ShortLivedFactory();
        var (client, user, organisation) = await CoordinationAsync(factory);
        var report = await AnalyseAsync(client, Csv([Headers, Minimal]), "a.csv", organisation);

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await Pages.ParseAsync(await CommitAsync(client, report, factory.NextCode(user)));

        Assert.Equal("Le fichier analysé n'est plus disponible (plus d'une heure s'est écoulée, ou il a déjà été importé) : envoyez-le de nouveau.",
            late.Text("#Input_File-error"));
        await AssertNothingWrittenAsync(factory);
    }

    // ---- helpers ----

    private static async Task<(HttpClient Client, TestUser User, Guid Organisation)> CoordinationAsync(VigieFactory factory)
    {
        var organisation = await factory.CreateOrganisationAsync("Service historique (fictif)");
        var user = await factory.CreateUserAsync(Roles.Coordination);
        return (await factory.LoginAsync(user), user, organisation);
    }

    private static async Task<HttpResponseMessage> PostAnalyseAsync(HttpClient client, byte[] content, string fileName, Guid? organisation)
    {
        var token = await Pages.TokenAsync(client, PagePath);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(organisation?.ToString() ?? string.Empty), "Input.OrganisationId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Input.File", fileName);
        return await client.PostAsync($"{PagePath}?handler=Analyse", form);
    }

    private static async Task<IHtmlDocument> AnalyseAsync(HttpClient client, byte[] content, string fileName, Guid? organisation)
    {
        var response = await PostAnalyseAsync(client, content, fileName, organisation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Pages.ParseAsync(response);
    }

    /// <summary>Posts the commit form of a report page as a browser would.</summary>
    private static Task<HttpResponseMessage> CommitAsync(HttpClient client, IHtmlDocument report, string? code)
    {
        var form = report.QuerySelector("#commit-form") ?? throw new InvalidOperationException("Pas de formulaire d'import sur la page.");
        var fields = new Dictionary<string, string>
        {
            ["Input.Token"] = form.QuerySelector("input[name='Input.Token']")!.GetAttribute("value")!,
            ["Input.OrganisationId"] = form.QuerySelector("input[name='Input.OrganisationId']")!.GetAttribute("value")!,
        };
        if (code is not null)
        {
            fields["Input.Code"] = code;
        }

        return Pages.PostAsync(client, PagePath, fields, form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, "Import");
    }

    private static (string Read, string Create, string Present, string Errors) Counts(IHtmlDocument document) =>
        (document.Text("#count-read"), document.Text("#count-create"), document.Text("#count-present"), document.Text("#count-errors"));

    private static List<string> Errors(IHtmlDocument document) =>
        document.QuerySelectorAll("#line-errors tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            return cells[1] == "—" ? $"Ligne {cells[0]} : {cells[2]}" : $"Ligne {cells[0]}, « {cells[1]} » : {cells[2]}";
        }).ToList();

    private static async Task AssertNothingWrittenAsync(VigieFactory factory)
    {
        Assert.Equal(0, await factory.WithDbAsync(db => db.Situations.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Evaluations.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.LegalSteps.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SituationEvents.CountAsync()));
    }

    /// <summary>A line with the required values (dates as text) and the other cells empty.</summary>
    private static object?[] Row(string lastName, string firstName, string birth, string detected, string? signalement = null)
    {
        var row = new object?[Headers.Length];
        row[0] = lastName;
        row[1] = firstName;
        row[2] = birth;
        row[5] = detected;
        row[Array.IndexOf(Headers, "date du signalement")] = signalement;
        return row;
    }

    private static object?[] With(object?[] row, params (string Column, object? Value)[] values)
    {
        foreach (var (column, value) in values)
        {
            row[Array.IndexOf(Headers, column)] = value;
        }

        return row;
    }

    private static byte[] Xlsx(IEnumerable<object?[]> rows)
    {
        var data = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < r.Length; i++)
            {
                row[((char)('A' + i)).ToString()] = r[i];
            }

            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data, printHeader: false);
        return stream.ToArray();
    }

    private static byte[] Csv(IEnumerable<object?[]> rows) =>
        Encoding.UTF8.GetBytes(string.Concat(rows.Select(r => string.Join(';', r.Select(v => v switch
        {
            null => string.Empty,
            string s when s.IndexOfAny([';', '"', '\n']) >= 0 => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
            _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
        })) + "\r\n")));

    /// <summary>The rows of one sheet, as text.</summary>
    private static List<string[]> ReadSheet(byte[] xlsx, string sheet)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v?.ToString() ?? string.Empty).Reverse().SkipWhile(v => v.Length == 0).Reverse().ToArray())
            .ToList();
    }

    /// <summary>Turns one cell of the first sheet into a formula with its cached value, as Excel saves it.</summary>
    private static byte[] WithFormula(byte[] xlsx, string reference, string formula, string cached)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        output.Position = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var cell = CellPattern(reference).Match(xml);
            Assert.True(cell.Success, $"Cellule {reference} introuvable.");
            var prefix = cell.Groups["prefix"].Value;
            xml = xml[..cell.Index] + $"<{prefix}c r=\"{reference}\"><{prefix}f>{formula}</{prefix}f><{prefix}v>{cached}</{prefix}v></{prefix}c>" + xml[(cell.Index + cell.Length)..];
            entry.Delete();
            var replaced = zip.CreateEntry(entry.FullName);
            using var writer = new StreamWriter(replaced.Open());
            writer.Write(xml);
        }

        return output.ToArray();
    }

    private static Regex CellPattern(string reference) =>
        new($"<(?<prefix>[a-z]+:)?c\\b[^>]*?\\br=\"{reference}\"[^>]*?(/>|>.*?</\\k<prefix>c>)", RegexOptions.Singleline);

    /// <summary>Analysed files kept one minute (an hour by default): the session outlives them.</summary>
    private sealed class ShortLivedFactory : VigieFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Import:UploadLifetimeMinutes"] = "1" };
    }

    /// <summary>A database that fails at the second batch of the commit (batches of 2 lines).</summary>
    private sealed class FailingFactory : VigieFactory
    {
        public FailSecondBatch Interceptor { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Import:BatchSize"] = "2" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<VigieDbContext>(o => o.AddInterceptors(Interceptor)));
        }
    }

    private sealed class FailSecondBatch : SaveChangesInterceptor
    {
        private int _batches;

        public bool Failed { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<Situation>().Any(e => e.State == EntityState.Added) && Interlocked.Increment(ref _batches) == 2)
            {
                Failed = true;
                throw new DbUpdateException("Panne simulée au milieu de l'import.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
