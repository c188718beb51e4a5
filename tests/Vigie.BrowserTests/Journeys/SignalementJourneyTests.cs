using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using UglyToad.PdfPig;
using Vigie.BrowserTests.Infrastructure;
using Vigie.Tests.Platform.Outbox;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The signalement in a browser (issue 4 §8): a professional whose situation has a validated
/// evaluation drafts a signalement (the sections pre-filled from the trame), edits one, validates it
/// as author, sends it with a fresh authenticator code; the host's outbox delivers it to a real SMTP
/// server on loopback, the page shows "Effectué" with its proof (recipients, the server's reply, the
/// Message-ID, the SHA-256 of the PDF, the same as the attachment the server received), and the PDF
/// downloaded carries the reader's name. A professional of another organisation gets 404.
/// </summary>
public sealed partial class SignalementJourneyTests(Chromium chromium)
{
    private static readonly NewOrganisation Mecs = new(
        "Foyer Les Marronniers", "Établissement (MECS, foyer…)", "Bron", "accueil@marronniers.vigie.invalid", "04 78 26 41 90");

    private static readonly NewOrganisation Club = new(
        "Association Passerelle Nord", "Prévention spécialisée", "Lyon 9e", "contact@passerelle.vigie.invalid", "04 72 19 55 03");

    private static readonly Account ProA = new("Inès Garnier", "ines.garnier@marronniers.vigie.invalid", "sept marronniers au bord du canal 64");

    private static readonly Account ProB = new("Yanis Lambert", "yanis.lambert@passerelle.vigie.invalid", "un vélo vert sous la passerelle 27");

    private const string Facts = "Vue le 5 à 22 h 30 montant dans une voiture grise devant le foyer ; revenue à 3 h avec des vêtements neufs.";
    private const string Words = "« Il est gentil avec moi, il me paie tout ce que je veux. »";
    private const string Analysis = "Fugues nocturnes répétées, cadeaux d'origine inexpliquée, adulte inconnu : risque élevé d'exploitation.";
    private const string Measures = "Ordonnance de placement provisoire en lieu éloigné ; enquête sur l'adulte qui la véhicule la nuit.";

    // The default recipients of appsettings.json (territory "*").
    private const string Parquet = "parquet-mineurs@exemple.invalid";
    private const string Crip = "crip@exemple.invalid";

    [Fact(Timeout = 480_000)]
    public async Task Professional_drafts_edits_validates_and_sends_a_signalement_sees_it_effectue_with_its_proof_and_the_watermarked_pdf_another_organisation_gets_404()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        await using var server = VigieServer.Start(new Dictionary<string, string?>
        {
            ["Vigie:Mail:Transport"] = "Smtp",
            ["Vigie:Mail:Host"] = "127.0.0.1",
            ["Vigie:Mail:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Vigie:Mail:Security"] = "None",
            ["Vigie:Mail:From"] = "vigie@metropole.vigie.invalid",
            ["Vigie:Mail:TimeoutSeconds"] = "10",
            ["Vigie:Mail:Outbox:Background"] = "true",
            ["Vigie:Mail:Outbox:PollSeconds"] = "1",
        });
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "signalement", cancellation);
        var page = browser.Page;
        var admin = Steps.Administrateur;
        var today = ParisToday();
        var birthDate = new DateOnly(today.Year - 15, 4, 12);

        // 1. Installation; the administrator creates two organisations and a professional in each.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, admin.Email, admin.Password);
        await Steps.EnrolAsync(browser, "administrateur-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {admin.Name}");
        await Steps.CreateOrganisationAsync(browser, Mecs);
        await Steps.CreateOrganisationAsync(browser, Club);
        var accountA = await Steps.CreateAccountAsync(browser, new NewAccount(ProA.Name, ProA.Email, "Éducatrice spécialisée", Mecs.Name, "Professionnel"));
        var accountB = await Steps.CreateAccountAsync(browser, new NewAccount(ProB.Name, ProB.Email, "Éducateur spécialisé", Club.Name, "Professionnel"));
        await Steps.LogOutAsync(browser, "connexion-apres-administrateur");

        // 2. Professional A: a situation, its trame filled section by section through the pages, evaluation n° 1 validated.
        var authenticatorA = await Steps.FirstLoginAsync(browser, ProA, accountA.TemporaryPassword, "professionnel-a-");
        var id = await OpenSituationAsync(browser, birthDate);
        await FillTrameAsync(browser, id, today);
        await ValidateEvaluationAsync(browser, id);

        // 3. The "Signalements" tab: nothing yet; "Rédiger un signalement" opens a draft pre-filled from evaluation n° 1.
        await OpenTabAsync(page, "Signalements", $"/situations/{id}/signalements");
        await Expect(page.Locator("h2").First).ToHaveTextAsync("Signalements et informations préoccupantes");
        await Expect(page.Locator("#rediger + p.hint")).ToContainTextAsync("l'évaluation n° 1");
        await browser.CheckPageAsync("signalements-vide");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rédiger un signalement" })
            .ClickAndWaitForUrlAsync(page, url => SignalementPath().IsMatch(new Uri(url).AbsolutePath));
        var sid = SignalementPath().Match(new Uri(page.Url).AbsolutePath).Groups["id"].Value;
        var reference = (await page.Locator("h1 .reference").InnerTextAsync()).Trim();
        Assert.Matches($"^SIG-{today.Year}-\\d{{6}}$", reference);
        await Expect(page.Locator("#signalement-status")).ToHaveTextAsync("Brouillon");
        await Expect(page.Locator("#recipients li")).ToHaveTextAsync(
            [$"À : Parquet des mineurs — Parquet des mineurs (exemple) <{Parquet}>", $"Copie à : CRIP — CRIP (exemple) <{Crip}>"]);
        await Expect(Text(page, "faits")).ToHaveValueAsync(new Regex(Regex.Escape(Facts)));
        await Expect(Text(page, "faits")).ToHaveValueAsync(new Regex(Regex.Escape($"Date du repérage : {today.AddDays(-12):dd/MM/yyyy}")));
        await Expect(Text(page, "parole")).ToHaveValueAsync(Words);
        await Expect(Text(page, "indicateurs")).ToHaveValueAsync(new Regex("Cadeaux"));
        await Expect(Text(page, "famille")).ToHaveValueAsync(new Regex("Structure familiale : Monoparentale \\(mère\\)"));
        await Expect(Text(page, "analyse")).ToHaveValueAsync(new Regex(Regex.Escape(Analysis)));
        await Expect(page.Locator("#Input_Authors_0__Name")).ToHaveValueAsync(ProA.Name);
        await Expect(page.Locator("#Input_Authors_0__Function")).ToHaveValueAsync("Éducatrice spécialisée");
        await Expect(page.Locator("#authors tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#authors .author-validation")).ToHaveTextAsync("Pas encore validé");
        await Expect(page.Locator("#send")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("brouillon-prerempli");

        // 4. One section edited and saved: the page shows it as saved.
        await Text(page, "mesures").FillAsync(Measures);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAndWaitForNewDocumentAsync(page);
        Assert.Equal($"/signalements/{sid}", new Uri(page.Url).AbsolutePath);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Le brouillon est enregistré.");
        await Expect(Text(page, "mesures")).ToHaveValueAsync(Measures);
        await Expect(Text(page, "parole")).ToHaveValueAsync(Words);
        await browser.CheckPageAsync("brouillon-enregistre");

        // 5. Validated by its only author: the send form appears.
        await page.GetByRole(AriaRole.Button, new() { Name = "Je valide ce texte" }).ClickAndWaitForNewDocumentAsync(page);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Vous avez validé ce texte. Tous les auteurs l'ont validé : il peut être envoyé.");
        await Expect(page.Locator("#authors .author-validation")).ToHaveTextAsync(new Regex(@"^\s*Validé le \d{2}/\d{2}/\d{4} à \d{2}:\d{2}\s*$"));
        var send = page.GetByRole(AriaRole.Button, new() { Name = "Envoyer au parquet" });
        await Expect(send).ToBeVisibleAsync();
        await browser.CheckPageAsync("brouillon-valide");

        // 6. Sent with a fresh code (the next 30 s step if the login used the current one). The loopback
        // SMTP server stops by itself three minutes after it starts: started again here, it outlives the rest.
        await smtp.StopAsync();
        smtp.Start();
        await page.GetByLabel("Code à 6 chiffres").FillAsync(await authenticatorA.NextCodeAsync(cancellation));
        await browser.CheckPageAsync("envoi-code-saisi");
        await send.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/signalements/{sid}/preuve");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Le signalement est confirmé : il part vers le parquet des mineurs (CRIP en copie).");
        await browser.CheckPageAsync("envoi-confirme");

        // 7. The outbox delivers it in the background: reload (bounded) until the page says "Effectué".
        await WaitForEffectueAsync(page, cancellation);
        await Expect(page.Locator("#signalement-status")).ToHaveTextAsync(new Regex(@"^\s*Effectué le \d{2}/\d{2}/\d{4} à \d{2}:\d{2}\s*$"));
        await Expect(page.Locator("#proof-reference")).ToHaveTextAsync(reference);
        await Expect(page.Locator("#proof-recipients li")).ToHaveTextAsync(
            [$"À : Parquet des mineurs (exemple) <{Parquet}>", $"Copie (Cc) : CRIP (exemple) <{Crip}>"]);
        await Expect(page.Locator("#proof-queued")).ToContainTextAsync($", par {ProA.Name}");
        await Expect(page.Locator("#proof-accepted")).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2}$"));
        await Expect(page.Locator("#proof-response")).ToContainTextAsync(LoopbackSmtpServer.QueueId);
        await Expect(page.Locator("#proof-attempts")).ToHaveTextAsync("1");
        var messageId = (await page.Locator("#proof-message-id").InnerTextAsync()).Trim();
        Assert.Matches(@"^<?[^<>@\s]+@[^<>@\s]+>?$", messageId);
        var sha256 = (await page.Locator("#proof-sha256").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", sha256.ToLowerInvariant());
        await browser.CheckPageAsync("preuve-effectue");

        // What the SMTP server took: one message to the parquet, the CRIP in copy, that Message-ID, the PDF whose fingerprint the page shows.
        var sent = smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == Parquet)).ToList();
        var message = Assert.Single(sent);
        Assert.Equal([Parquet], message.To.Mailboxes.Select(a => a.Address));
        Assert.Equal([Crip], message.Cc.Mailboxes.Select(a => a.Address));
        Assert.Equal(messageId.Trim('<', '>'), message.MessageId);
        Assert.Equal((await page.Locator("#proof-subject").InnerTextAsync()).Trim(), message.Subject);
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using (var bytes = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(bytes, cancellation);
            Assert.Equal(sha256.ToLowerInvariant(), Convert.ToHexStringLower(SHA256.HashData(bytes.ToArray())));
        }

        // 8. The sent PDF, downloaded: a PDF, its text the one validated, every page stamped with the reader's name.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le PDF envoyé" }).ClickAsync());
        // Kept beside the screenshots, to be looked at (pdftoppm).
        var pdfPath = Path.Combine(AppContext.BaseDirectory, "screenshots", "signalement", "pdf-envoye-telecharge.pdf");
        await download.SaveAsAsync(pdfPath);
        var pdf = await File.ReadAllBytesAsync(pdfPath, cancellation);
        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8), "Le fichier téléchargé n'est pas un PDF.");
        Assert.NotEqual(sha256.ToLowerInvariant(), Convert.ToHexStringLower(SHA256.HashData(pdf)));
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages >= 1);
        var pages = document.GetPages().Select(p => Compact(p.Text)).ToList();
        Assert.All(pages, text => Assert.Contains(Compact($"Téléchargé par {ProA.Name}"), text, StringComparison.Ordinal));
        var all = string.Concat(pages);
        Assert.Contains(Compact(reference), all, StringComparison.Ordinal);
        Assert.Contains(Compact(Measures), all, StringComparison.Ordinal);
        Assert.Contains(Compact("Vue le 5 à 22 h 30 montant dans une voiture grise"), all, StringComparison.Ordinal);

        // Back on the signalement: "Effectué", read only, the send form gone.
        await page.GetByRole(AriaRole.Link, new() { Name = $"← Signalement {reference}" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/signalements/{sid}");
        await Expect(page.Locator("#signalement-status")).ToContainTextAsync("Effectué le");
        await Expect(page.Locator("#draft-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#send")).ToHaveCountAsync(0);
        await Expect(page.Locator("#texte-mesures")).ToHaveTextAsync(Measures);
        // Shown as written, line by line.
        var facts = await page.Locator("#texte-faits").InnerTextAsync();
        Assert.Contains($"Date du repérage : {today.AddDays(-12):dd/MM/yyyy}\n", facts, StringComparison.Ordinal);
        await browser.CheckPageAsync("signalement-effectue");

        // The situation's "Signalements" tab lists it as done, and still offers a new draft.
        await page.GetByRole(AriaRole.Link, new() { Name = "← Signalements de Maëlys Anaïs Girard" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/signalements");
        var row = page.Locator($"#signalement-{sid}");
        await Expect(row.Locator("td")).ToHaveTextAsync([Steps.WholeText(reference), Steps.WholeText("Signalement"), new Regex(@"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2}$"), new Regex(@"^\s*Effectué le ")]);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rédiger un signalement" })).ToBeVisibleAsync();
        await browser.CheckPageAsync("signalements-un-effectue");
        await Steps.LogOutAsync(browser, "connexion-apres-professionnel-a");

        // 9. Professional B, of the other organisation: the signalement, its proof and its PDF answer 404.
        await Steps.FirstLoginAsync(browser, ProB, accountB.TemporaryPassword, "professionnel-b-");
        foreach (var path in new[] { $"/signalements/{sid}", $"/signalements/{sid}/preuve" })
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(404, response.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(reference);
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Girard");
        }

        await browser.CheckPageAsync("professionnel-b-page-introuvable");
        var pdfResponse = await page.APIRequest.GetAsync($"/signalements/{sid}/preuve/pdf");
        Assert.Equal(404, pdfResponse.Status);

        await browser.AssertCleanAsync();
    }

    /// <summary>"Nouvelle situation" from the list; returns the new situation's id.</summary>
    private static async Task<string> OpenSituationAsync(BrowserSession browser, DateOnly birthDate)
    {
        var page = browser.Page;
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Situations" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle situation" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations/nouvelle");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Girard");
        await page.GetByLabel("Prénom(s)", new() { Exact = true }).FillAsync("Maëlys Anaïs");
        await page.GetByLabel("Date de naissance", new() { Exact = true }).FillAsync(Steps.IsoDate(birthDate));
        await page.GetByLabel("Sexe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await page.GetByLabel("Territoire (commune ou arrondissement)", new() { Exact = true }).FillAsync("Lyon 8e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" }).ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        await Expect(page.Locator("h1")).ToHaveTextAsync("Maëlys Anaïs Girard");
        await browser.CheckPageAsync("situation-ouverte");
        return Steps.SituationIdIn(page.Url);
    }

    /// <summary>
    /// The trame, each section through its page with the values a complete evaluation needs (the trame
    /// journey covers filling it by hand, with its checks; here it is only the way to an evaluation).
    /// </summary>
    private static async Task FillTrameAsync(BrowserSession browser, string id, DateOnly today)
    {
        var trame = new (string Section, (string Key, string Value)[] Values)[]
        {
            ("en-tete", [("auteur1_nom", ProA.Name), ("auteur1_fonction", "Éducatrice spécialisée"), ("auteur1_organisation", Mecs.Name), ("auteur1_telephone", Mecs.Phone)]),
            ("administratif", [("mineur_non_accompagne", "non"), ("lieu_de_vie", "mecs"), ("scolarite", "absenteisme"), ("protection", "placement_ase")]),
            ("famille", [("structure_familiale", "monoparentale_mere"), ("violences_physiques", "inconnu"), ("violences_sexuelles", "suspecte"), ("parents_informes_date", Steps.IsoDate(today.AddDays(-5)))]),
            ("reperage",
            [
                ("date_reperage", Steps.IsoDate(today.AddDays(-12))), ("source", "etablissement"), ("source_organisation", Mecs.Name),
                ("faits_date", Steps.IsoDate(today.AddDays(-14))), ("faits_lieu", "Devant le foyer"), ("faits", Facts), ("parole", Words),
            ]),
            ("indicateurs", [("fugues_12_mois", "2"), ("cadeaux", "avere"), ("cadeaux.date", Steps.IsoDate(today.AddDays(-30))), ("cadeaux.commentaire", "Vêtements et parfum neufs")]),
            ("qualification", [("niveau", "en_risque"), ("proxenetisme", "inconnu"), ("rabattage", "non")]),
            ("analyse", [("analyse", Analysis)]),
        };
        var page = browser.Page;
        foreach (var (section, values) in trame)
        {
            await page.GotoAsync($"/situations/{id}/trame/{section}");
            foreach (var (key, value) in values)
            {
                var input = page.Locator("#champ-" + key.Replace('.', '-'));
                if (await input.EvaluateAsync<string>("e => e.tagName") == "SELECT")
                {
                    await input.SelectOptionAsync(value);
                }
                else
                {
                    await input.FillAsync(value);
                }
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAndWaitForNewDocumentAsync(page);
            await Expect(page.Locator(".notice--success[role='status']")).ToContainTextAsync("La section est complète.");
            await browser.CheckPageAsync($"trame-{section}");
        }
    }

    /// <summary>Author 1 confirms on the trame's overview: evaluation n° 1.</summary>
    private static async Task ValidateEvaluationAsync(BrowserSession browser, string id)
    {
        var page = browser.Page;
        await OpenTabAsync(page, "Trame d'évaluation", $"/situations/{id}/trame");
        await page.GetByLabel($"Auteur 1 : {ProA.Name}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Valider l'évaluation" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/evaluations/1");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L'évaluation n° 1 est validée.");
        await browser.CheckPageAsync("evaluation-1");
    }

    /// <summary>Reloads the proof page once a second until the signalement is "Effectué", for 30 seconds at most.</summary>
    private static async Task WaitForEffectueAsync(IPage page, CancellationToken cancellation)
    {
        var status = page.Locator("#signalement-status");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var text = await status.InnerTextAsync();
            if (text.Contains("Effectué", StringComparison.Ordinal))
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"« Effectué » après {watch.Elapsed.TotalSeconds:0.0} s ({attempt} rechargement(s)).");
                return;
            }

            Assert.DoesNotContain("Échec", text, StringComparison.Ordinal);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            await page.ReloadAsync();
        }

        Assert.Fail($"Toujours « {(await status.InnerTextAsync()).Trim()} » après {watch.Elapsed.TotalSeconds:0} s.");
    }

    private static Task OpenTabAsync(IPage page, string tab, string path) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Rubriques de la situation" }).GetByRole(AriaRole.Link, new() { Name = tab, Exact = true })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == path);

    /// <summary>A section of the draft form by its key (faits, parole, indicateurs, famille, actions, analyse, mesures).</summary>
    private static ILocator Text(IPage page, string key) => page.Locator("#texte-" + key);

    /// <summary>Text without any white space: PDF text extraction does not always keep the spaces a line was drawn with.</summary>
    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static DateOnly ParisToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));

    [GeneratedRegex("^/signalements/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$")]
    private static partial Regex SignalementPath();
}
