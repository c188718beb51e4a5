using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The trame d'évaluation in a browser (issue 3): a professional opens a situation and fills the
/// trame over two visits (a refused date first, what was typed kept), validates evaluation n° 1
/// after the overview listed what blocked it, and sees it in the timeline; a professional of another
/// organisation gets 404 on its address and, typing the same minor otherwise, a duplicate warning
/// naming only the first organisation; Coordination sees the situation, its trame and the evaluation.
/// </summary>
public sealed class TrameJourneyTests(Chromium chromium)
{
    private static readonly NewOrganisation Mecs = new(
        "MECS Les Tilleuls", "Établissement (MECS, foyer…)", "Villeurbanne", "accueil@tilleuls.vigie.invalid", "04 78 12 34 56");

    private static readonly NewOrganisation Club = new(
        "Club de prévention Rive Gauche", "Prévention spécialisée", "Lyon 7e", "contact@rivegauche.vigie.invalid", "04 72 98 76 54");

    private static readonly Account ProA = new("Camille Roux", "camille.roux@tilleuls.vigie.invalid", "le tilleul du parc fleurit en juin 31");

    private static readonly Account ProB = new("Karim Benali", "karim.benali@rivegauche.vigie.invalid", "une péniche rouge amarrée au quai 58");

    private const string Facts = "Vue le 3 à 23 h montant dans une voiture inconnue devant la MECS ; revenue à 4 h avec un téléphone neuf.";
    private const string Words = "« C'est mon copain, il m'offre des trucs, c'est normal. »";
    private const string Analysis = "Faisceau d'indices convergents : fugues courtes, cadeaux, relation avec un adulte. Risque important.";

    [Fact(Timeout = 480_000)]
    public async Task Professional_fills_the_trame_over_two_visits_and_validates_it_another_organisation_gets_404_and_a_bare_duplicate_warning_coordination_sees_it_all()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "trame", cancellation);
        var page = browser.Page;
        var admin = Steps.Administrateur;
        var today = ParisToday();
        var birthDate = new DateOnly(today.Year - 15, 4, 12);
        var detectedOn = today.AddDays(-12);

        // 1. Installation; the administrator enrols, creates two organisations and a professional in each, then leaves.
        await Steps.InstallAsync(browser, server);
        await Steps.GoToLoginAfterInstallAsync(browser);
        await Steps.SubmitPasswordAsync(page, admin.Email, admin.Password);
        await Steps.EnrolAsync(browser, "administrateur-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {admin.Name}");
        await Steps.CreateOrganisationAsync(browser, Mecs);
        await Steps.CreateOrganisationAsync(browser, Club);
        var accountA = await Steps.CreateAccountAsync(browser, new NewAccount(ProA.Name, ProA.Email, "Éducatrice spécialisée", Mecs.Name, "Professionnel"));
        var accountB = await Steps.CreateAccountAsync(browser, new NewAccount(ProB.Name, ProB.Email, "Éducateur de prévention", Club.Name, "Professionnel"));
        await Steps.LogOutAsync(browser, "connexion-apres-administrateur");

        // 2. Professional A's first visit: first login, then a situation opened for a fictitious minor.
        var authenticatorA = await Steps.FirstLoginAsync(browser, ProA, accountA.TemporaryPassword, "professionnel-a-");
        await browser.CheckPageAsync("professionnel-a-mot-de-passe-change");
        await GoToSituationsAsync(page);
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucune situation visible.");
        await browser.CheckPageAsync("professionnel-a-situations-vide");

        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle situation" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations/nouvelle");
        await FillIdentityAsync(page, "Moreau", "Léa Chloé", birthDate, "Vénissieux");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" }).ClickAndWaitForUrlAsync(page, Steps.SituationPath());
        var id = Steps.SituationIdIn(page.Url);
        // The list shows the opening date as stored, in UTC.
        var openedOn = DateOnly.FromDateTime(DateTime.UtcNow);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Léa Chloé Moreau");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("La situation est ouverte.");
        await Expect(Steps.Fact(page, "Organisation référente")).ToHaveTextAsync(Mecs.Name);
        await browser.CheckPageAsync("professionnel-a-situation-ouverte");

        // 3. The "Trame d'évaluation" tab: every section empty.
        await OpenTabAsync(page, "Trame d'évaluation", $"/situations/{id}/trame");
        await Expect(page.Locator("h2").First).ToHaveTextAsync("Trame d'évaluation");
        await Expect(SectionRow(page, "reperage").Locator("td").First).ToHaveTextAsync("Vide");
        await Expect(page.Locator("#last-evaluation")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("trame-vide");

        // 4. §3 with a detection date before the birth: the message beside the field, everything typed kept.
        await SectionRow(page, "reperage").GetByRole(AriaRole.Link, new() { Name = "Modifier" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/trame/reperage");
        await Expect(page.Locator("h2")).ToHaveTextAsync("3. Repérage et faits");
        await browser.CheckPageAsync("section-3-vide");

        var wrongDate = birthDate.AddMonths(-2);
        await Input(page, "date_reperage").FillAsync(Steps.IsoDate(wrongDate));
        await Input(page, "source").SelectOptionAsync(new SelectOptionValue { Label = "Établissement (MECS, foyer…)" });
        await Input(page, "source_organisation").FillAsync(Mecs.Name);
        await Input(page, "faits_date").FillAsync(Steps.IsoDate(today.AddDays(-14)));
        await Input(page, "faits_lieu").FillAsync("Devant la MECS");
        await Input(page, "faits").FillAsync(Facts);
        await Input(page, "parole").FillAsync(Words);
        await SaveDraftAsync(page);

        var beforeBirth = $"« Repérage : Date du repérage » ne peut pas précéder la date de naissance du mineur ({birthDate:dd/MM/yyyy}).";
        Assert.Equal($"/situations/{id}/trame/reperage", new Uri(page.Url).AbsolutePath);
        await Expect(FieldError(page, "date_reperage")).ToHaveTextAsync(beforeBirth);
        await Expect(Input(page, "date_reperage")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#form-errors li")).ToHaveTextAsync([beforeBirth]);
        // The draft keeps even a wrong value; the page says one point remains.
        await Expect(Notice(page)).ToHaveTextAsync(new Regex(@"^Brouillon enregistré le \d{2}/\d{2}/\d{4} à \d{2}:\d{2}\. Il reste un point à corriger ou à compléter avant de valider l'évaluation\.$"));
        await Expect(Input(page, "date_reperage")).ToHaveValueAsync(Steps.IsoDate(wrongDate));
        await Expect(Input(page, "source")).ToHaveValueAsync("etablissement");
        await Expect(Input(page, "source_organisation")).ToHaveValueAsync(Mecs.Name);
        await Expect(Input(page, "faits_date")).ToHaveValueAsync(Steps.IsoDate(today.AddDays(-14)));
        await Expect(Input(page, "faits_lieu")).ToHaveValueAsync("Devant la MECS");
        await Expect(Input(page, "faits")).ToHaveValueAsync(Facts);
        await Expect(Input(page, "parole")).ToHaveValueAsync(Words);
        await browser.CheckPageAsync("section-3-date-avant-naissance");

        // Corrected: saved, complete.
        await Input(page, "date_reperage").FillAsync(Steps.IsoDate(detectedOn));
        await SaveDraftAsync(page);
        await ExpectCompleteAsync(page);
        await Expect(FieldError(page, "date_reperage")).ToBeEmptyAsync();
        await Expect(page.Locator("#draft-stamp")).ToContainTextAsync($"par {ProA.Name}");
        await Expect(Input(page, "date_reperage")).ToHaveValueAsync(Steps.IsoDate(detectedOn));
        await browser.CheckPageAsync("section-3-enregistree");

        await BackToOverviewAsync(page, id);
        await Expect(SectionRow(page, "reperage").Locator("td").First).ToHaveTextAsync(new Regex($@"^\s*Brouillon enregistré le \d{{2}}/\d{{2}}/\d{{4}} à \d{{2}}:\d{{2}} par {ProA.Name}\s*$"));
        await Expect(SectionRow(page, "reperage").Locator("td").Nth(1)).ToHaveTextAsync("Complète");
        await Expect(SectionRow(page, "en-tete").Locator("td").First).ToHaveTextAsync("Vide");
        await browser.CheckPageAsync("trame-apres-premiere-visite");
        await Steps.LogOutAsync(browser, "connexion-apres-premiere-visite");

        // 5. Second visit: the situation found by its name in the list, §3 as it was left.
        await Steps.LoginAsync(browser, ProA, authenticatorA);
        await GoToSituationsAsync(page);
        await page.GetByLabel("Nom de famille", new() { Exact = true }).FillAsync("moreau");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).Query.Contains("nom=moreau", StringComparison.Ordinal));
        var rows = page.Locator("table.data-table tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.Locator("p.result-count")).ToHaveTextAsync("1 situation(s).");
        await browser.CheckPageAsync("professionnel-a-recherche-par-nom");
        await rows.GetByRole(AriaRole.Link, new() { Name = "Léa Chloé Moreau" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}");
        await OpenTabAsync(page, "Trame d'évaluation", $"/situations/{id}/trame");
        await Expect(SectionRow(page, "reperage").Locator("td").First).ToContainTextAsync($"par {ProA.Name}");
        await Expect(SectionRow(page, "reperage").Locator("td").Nth(1)).ToHaveTextAsync("Complète");
        await browser.CheckPageAsync("trame-deuxieme-visite");

        await SectionRow(page, "reperage").GetByRole(AriaRole.Link, new() { Name = "Modifier" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/trame/reperage");
        await Expect(Input(page, "date_reperage")).ToHaveValueAsync(Steps.IsoDate(detectedOn));
        await Expect(Input(page, "source")).ToHaveValueAsync("etablissement");
        await Expect(Input(page, "faits")).ToHaveValueAsync(Facts);
        await Expect(Input(page, "parole")).ToHaveValueAsync(Words);
        await Expect(page.Locator("#draft-stamp")).ToContainTextAsync($"par {ProA.Name}");
        await browser.CheckPageAsync("section-3-deuxieme-visite");
        await BackToOverviewAsync(page, id);

        // 6. A first "Valider l'évaluation": refused, with what blocks it listed section by section.
        var validate = page.GetByRole(AriaRole.Button, new() { Name = "Valider l'évaluation" });
        await Expect(Input(page, "date_validation")).ToHaveValueAsync(Steps.IsoDate(today));
        await validate.ClickAndWaitForNewDocumentAsync(page);
        var blockers = page.Locator("#blockers");
        await Expect(blockers).ToBeVisibleAsync();
        await Expect(blockers).ToContainTextAsync("L'évaluation n'est pas validée : 16 points sont à corriger ou à compléter.");
        await Expect(blockers.GetByRole(AriaRole.Link, new() { Name = "« Auteur 1 (rédacteur principal) : Prénom et nom » est à renseigner pour valider l'évaluation." }))
            .ToHaveAttributeAsync("href", $"/situations/{id}/trame/en-tete?verifier=1#champ-auteur1_nom");
        await Expect(blockers).ToContainTextAsync("« Analyse du professionnel » est à renseigner pour valider l'évaluation.");
        await Expect(blockers).Not.ToContainTextAsync("Repérage et faits");
        await Expect(FieldError(page, "auteurs_confirment")).ToHaveTextAsync("« Auteurs qui confirment l'évaluation » est à renseigner pour valider l'évaluation.");
        await Expect(Input(page, "date_validation")).ToHaveValueAsync(Steps.IsoDate(today));
        await browser.CheckPageAsync("trame-validation-refusee");

        // 7. Each section the overview flags, through its link: the checks shown, filled, saved complete.
        await FixSectionAsync(browser, id, "en-tete", "En-tête : auteurs de l'évaluation", 3, async () =>
        {
            await Expect(FieldError(page, "auteur1_nom")).ToHaveTextAsync("« Auteur 1 (rédacteur principal) : Prénom et nom » est à renseigner pour valider l'évaluation.");
            await Input(page, "auteur1_nom").FillAsync(ProA.Name);
            await Input(page, "auteur1_fonction").FillAsync("Éducatrice spécialisée");
            await Input(page, "auteur1_organisation").FillAsync(Mecs.Name);
            await Input(page, "auteur1_telephone").FillAsync(Mecs.Phone);
        });
        await FixSectionAsync(browser, id, "administratif", "1. Informations administratives et juridiques", 4, async () =>
        {
            await Expect(page.Locator(".identity-box")).ToContainTextAsync(birthDate.ToString("dd/MM/yyyy"));
            await Input(page, "mineur_non_accompagne").SelectOptionAsync(new SelectOptionValue { Label = "Non" });
            await Input(page, "lieu_de_vie").SelectOptionAsync(new SelectOptionValue { Label = "MECS (maison d'enfants à caractère social)" });
            await Input(page, "scolarite").SelectOptionAsync(new SelectOptionValue { Label = "Absentéisme" });
            await Input(page, "protection").SelectOptionAsync(new SelectOptionValue { Label = "Placement ASE (administratif)" });
        });
        await FixSectionAsync(browser, id, "famille", "2. Situation familiale", 4, async () =>
        {
            await Input(page, "structure_familiale").SelectOptionAsync(new SelectOptionValue { Label = "Monoparentale (mère)" });
            await Input(page, "violences_physiques").SelectOptionAsync(new SelectOptionValue { Label = "Inconnu" });
            await Input(page, "violences_sexuelles").SelectOptionAsync(new SelectOptionValue { Label = "Suspecté" });
            await Input(page, "parents_informes_date").FillAsync(Steps.IsoDate(today.AddDays(-5)));
        });
        await FixSectionAsync(browser, id, "qualification", "5. Qualification", 3, async () =>
        {
            await Input(page, "niveau").SelectOptionAsync(new SelectOptionValue { Label = "En risque de prostitution" });
            await Input(page, "proxenetisme").SelectOptionAsync(new SelectOptionValue { Label = "Inconnu" });
            await Input(page, "rabattage").SelectOptionAsync(new SelectOptionValue { Label = "Non" });
        });
        await FixSectionAsync(browser, id, "analyse", "7. Analyse et propositions", 1, async () =>
        {
            await Input(page, "analyse").FillAsync(Analysis);
            await page.GetByLabel("Consultation de pédopsychiatrie").CheckAsync();
        });

        // §4 has nothing required: one indicator, from the "Modifier" link.
        await SectionRow(page, "indicateurs").GetByRole(AriaRole.Link, new() { Name = "Modifier" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/trame/indicateurs");
        await Expect(page.Locator("h2")).ToHaveTextAsync("4. Indicateurs (faisceau d'indices)");
        await browser.CheckPageAsync("section-4");
        await Input(page, "fugues_12_mois").FillAsync("2");
        await Input(page, "cadeaux").SelectOptionAsync(new SelectOptionValue { Label = "Avéré" });
        await Input(page, "cadeaux.date").FillAsync(Steps.IsoDate(today.AddDays(-30)));
        await Input(page, "cadeaux.commentaire").FillAsync("Téléphone et baskets neufs");
        await SaveDraftAsync(page);
        await ExpectCompleteAsync(page);
        await Expect(page.Locator("#poly-fugue")).ToContainTextAsync("Poly-fugues : non");
        await browser.CheckPageAsync("section-4-enregistree");
        await BackToOverviewAsync(page, id);

        // 8. Validated: author 1 confirms; evaluation n° 1 opens, and is listed in "Évaluations validées".
        await Expect(page.Locator("a.badge--failure")).ToHaveCountAsync(1);
        await Expect(SectionRow(page, "validation").Locator("a.badge--failure")).ToHaveTextAsync("À compléter : 1 erreur");
        // The confirmation boxes carry the names typed in the en-tête.
        await page.GetByLabel($"Auteur 1 : {ProA.Name}").CheckAsync();
        await validate.ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/evaluations/1");
        await Expect(page.Locator("h2")).ToHaveTextAsync("Évaluation n° 1");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("L'évaluation n° 1 est validée.");
        await ExpectEvaluationAsync(page);
        await browser.CheckPageAsync("evaluation-1");

        await OpenTabAsync(page, "Évaluations validées", $"/situations/{id}/evaluations");
        var evaluations = page.Locator("#evaluations tbody tr");
        await Expect(evaluations).ToHaveCountAsync(1);
        await Expect(evaluations.Locator("td").First).ToHaveTextAsync("1");
        await Expect(evaluations.Locator("td").Nth(2)).ToHaveTextAsync(ProA.Name);
        await Expect(evaluations.Locator("td").Nth(3)).ToHaveTextAsync("En risque de prostitution");
        await Expect(evaluations.GetByRole(AriaRole.Link, new() { Name = "Consulter l'évaluation n° 1" })).ToHaveAttributeAsync("href", $"/situations/{id}/evaluations/1");
        await browser.CheckPageAsync("evaluations-validees");

        // 9. The timeline shows the opening and the evaluation, with who validated it.
        await OpenTabAsync(page, "Chronologie", $"/situations/{id}/chronologie");
        var timeline = page.Locator("#timeline tbody tr");
        await Expect(timeline.Filter(new() { HasText = "Situation ouverte" })).ToHaveCountAsync(1);
        var evaluationLine = timeline.Filter(new() { HasText = "Évaluation n° 1 validée" });
        await Expect(evaluationLine).ToHaveCountAsync(1);
        await Expect(evaluationLine).ToContainTextAsync("Qualification : en risque");
        await Expect(evaluationLine.Locator("td").Nth(3)).ToHaveTextAsync($"Validée par {ProA.Name}");
        await Expect(timeline.Filter(new() { HasText = Facts })).ToHaveCountAsync(0);
        await browser.CheckPageAsync("chronologie");

        // 10. A legal step: the information préoccupante sent yesterday, due in three months.
        await OpenTabAsync(page, "Étapes et échéances", $"/situations/{id}/etapes");
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucune étape enregistrée.");
        await browser.CheckPageAsync("etapes-vide");
        await page.GetByLabel("Type d'étape").SelectOptionAsync("InformationPreoccupante");
        await page.Locator("#Input_OccurredAt").FillAsync($"{Steps.IsoDate(today.AddDays(-1))}T10:00");
        await page.GetByLabel("Destinataire (facultatif)").FillAsync("CRIP de la Métropole");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/etapes");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("L'étape est enregistrée. Échéance :");
        var stepRow = page.Locator("table.steps-table tbody tr");
        await Expect(stepRow).ToHaveCountAsync(1);
        await Expect(stepRow.Locator("td").First).ToHaveTextAsync("Information préoccupante transmise à la CRIP");
        await Expect(stepRow.Locator("td").Nth(2)).ToHaveTextAsync("CRIP de la Métropole");
        await Expect(stepRow.Locator("td").Nth(4)).ToContainTextAsync("Fin de l'évaluation (3 mois)");
        await Expect(stepRow.Locator("td.step-state")).ToContainTextAsync("À faire");
        await browser.CheckPageAsync("etapes-une");
        await Steps.LogOutAsync(browser, "connexion-apres-deuxieme-visite");

        // 11. Professional B, of the other organisation: the address answers 404, the list shows nothing.
        await Steps.FirstLoginAsync(browser, ProB, accountB.TemporaryPassword, "professionnel-b-");
        foreach (var path in new[] { $"/situations/{id}", $"/situations/{id}/trame", $"/situations/{id}/evaluations/1" })
        {
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(404, response.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page introuvable");
            await Expect(page.Locator("main")).Not.ToContainTextAsync("Moreau");
        }

        await browser.CheckPageAsync("professionnel-b-page-introuvable");
        await GoToSituationsAsync(page);
        await Expect(page.Locator("p.empty")).ToHaveTextAsync("Aucune situation visible.");
        await Expect(page.Locator("p.result-count")).ToHaveTextAsync("0 situation(s).");
        await browser.CheckPageAsync("professionnel-b-situations-vide");

        // The same minor typed otherwise: the warning names the MECS and its contact, nothing of the file.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle situation" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations/nouvelle");
        await FillIdentityAsync(page, "MOREAU", "lea chloe", birthDate, "Lyon 7e");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la situation" }).ClickAndWaitForNewDocumentAsync(page);
        Assert.Equal("/situations/nouvelle", new Uri(page.Url).AbsolutePath);
        var warning = page.Locator("#duplicate-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync($"Un dossier existe déjà pour ce mineur auprès de : {Mecs.Name} ({Mecs.Phone}).");
        await Expect(warning.GetByRole(AriaRole.Link, new() { Name = "Besoin d'y accéder en urgence ?" })).ToBeVisibleAsync();
        var warningText = await warning.InnerTextAsync();
        foreach (var detail in new[] { "Moreau", "Léa", "Chloé", "Vénissieux", birthDate.ToString("dd/MM/yyyy"), id, ProA.Name, "risque", Facts[..20], Mecs.Territory })
        {
            Assert.DoesNotContain(detail, warningText, StringComparison.OrdinalIgnoreCase);
        }

        await Expect(page.GetByLabel("Nom", new() { Exact = true })).ToHaveValueAsync("MOREAU");
        await Expect(page.GetByLabel("Prénom(s)", new() { Exact = true })).ToHaveValueAsync("lea chloe");
        await Expect(page.GetByLabel("J'ai pris connaissance du dossier existant et j'ouvre quand même un dossier")).Not.ToBeCheckedAsync();
        await browser.CheckPageAsync("professionnel-b-doublon");
        await Steps.LogOutAsync(browser, "connexion-apres-professionnel-b");

        // 12. Coordination sees the situation, its trame and the evaluation.
        var coordination = Steps.Coordination;
        await Steps.SubmitPasswordAsync(page, coordination.Email, coordination.Password);
        await Steps.EnrolAsync(browser, "coordination-");
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bonjour {coordination.Name}");
        await GoToSituationsAsync(page);
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.Locator("td")).ToHaveTextAsync(
            ["Léa Chloé Moreau", openedOn.ToString("dd/MM/yyyy"), "En évaluation", "En risque", $"{birthDate.Year} (15–16 ans)", "Vénissieux", Mecs.Name]);
        await browser.CheckPageAsync("coordination-situations");

        await rows.GetByRole(AriaRole.Link, new() { Name = "Léa Chloé Moreau" }).ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Léa Chloé Moreau");
        await Expect(Steps.Fact(page, "Statut")).ToHaveTextAsync("En évaluation");
        await Expect(Steps.Fact(page, "Organisation référente")).ToHaveTextAsync(Mecs.Name);
        await browser.CheckPageAsync("coordination-fiche");

        await OpenTabAsync(page, "Trame d'évaluation", $"/situations/{id}/trame");
        await Expect(page.Locator("#last-evaluation")).ToContainTextAsync($"Évaluation en vigueur : n° 1, validée le");
        await Expect(page.Locator("#last-evaluation")).ToContainTextAsync($"par {ProA.Name}");
        await Expect(SectionRow(page, "reperage").Locator("td").First).ToHaveTextAsync("Reprise de l'évaluation n° 1");
        await Expect(page.Locator("a.badge--failure")).ToHaveCountAsync(0);
        await browser.CheckPageAsync("coordination-trame");

        await page.Locator("#last-evaluation").GetByRole(AriaRole.Link, new() { Name = "n° 1" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/evaluations/1");
        await Expect(page.Locator("h2")).ToHaveTextAsync("Évaluation n° 1");
        await ExpectEvaluationAsync(page);
        await browser.CheckPageAsync("coordination-evaluation-1");

        await browser.AssertCleanAsync();
    }

    /// <summary>
    /// From the overview, the section's "À compléter" link (the checks shown beside the fields), the
    /// fields filled, then saved: complete. Back on the overview, the section is complete.
    /// </summary>
    private static async Task FixSectionAsync(BrowserSession browser, string id, string key, string title, int errors, Func<Task> fill)
    {
        var page = browser.Page;
        var link = SectionRow(page, key).Locator("a.badge--failure");
        await Expect(link).ToHaveTextAsync(errors == 1 ? "À compléter : 1 erreur" : $"À compléter : {errors} erreurs");
        await link.ClickAndWaitForUrlAsync(page, url => new Uri(url).PathAndQuery == $"/situations/{id}/trame/{key}?verifier=1");
        await Expect(page.Locator("h2")).ToHaveTextAsync(title);
        await Expect(page.Locator("#form-errors li")).ToHaveCountAsync(errors);
        await browser.CheckPageAsync($"section-{key}-a-completer");
        await fill();
        await SaveDraftAsync(page);
        await ExpectCompleteAsync(page);
        await Expect(page.Locator("#form-errors")).ToHaveCountAsync(0);
        await browser.CheckPageAsync($"section-{key}-enregistree");
        await BackToOverviewAsync(page, id);
        await Expect(SectionRow(page, key).Locator("td").Nth(1)).ToHaveTextAsync("Complète");
    }

    /// <summary>What evaluation n° 1 shows: who validated it, the level, and the values of the trame.</summary>
    private static async Task ExpectEvaluationAsync(IPage page)
    {
        var facts = page.Locator("#evaluation-facts");
        await Expect(facts).ToContainTextAsync(ProA.Name);
        await Expect(facts).ToContainTextAsync("En risque de prostitution");
        await Expect(page.Locator("section[aria-labelledby='section-reperage']")).ToContainTextAsync(Facts);
        await Expect(page.Locator("section[aria-labelledby='section-reperage']")).ToContainTextAsync(Words);
        await Expect(page.Locator("section[aria-labelledby='section-analyse']")).ToContainTextAsync(Analysis);
        await Expect(page.Locator("section[aria-labelledby='section-en-tete']")).ToContainTextAsync(ProA.Name);
    }

    private static async Task GoToSituationsAsync(IPage page)
    {
        await Steps.MainNavigation(page).GetByRole(AriaRole.Link, new() { Name = "Situations" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == "/situations");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Situations");
    }

    private static Task OpenTabAsync(IPage page, string tab, string path) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Rubriques de la situation" }).GetByRole(AriaRole.Link, new() { Name = tab, Exact = true })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == path);

    private static Task BackToOverviewAsync(IPage page, string id) =>
        page.GetByRole(AriaRole.Link, new() { Name = "← Trame d'évaluation : toutes les sections" })
            .ClickAndWaitForUrlAsync(page, url => new Uri(url).AbsolutePath == $"/situations/{id}/trame");

    private static Task SaveDraftAsync(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAndWaitForNewDocumentAsync(page);

    private static async Task ExpectCompleteAsync(IPage page) =>
        await Expect(Notice(page)).ToHaveTextAsync(new Regex(@"^Brouillon enregistré le \d{2}/\d{2}/\d{4} à \d{2}:\d{2}\. La section est complète\.$"));

    private static async Task FillIdentityAsync(IPage page, string lastName, string firstName, DateOnly birthDate, string territory)
    {
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Prénom(s)", new() { Exact = true }).FillAsync(firstName);
        await page.GetByLabel("Date de naissance", new() { Exact = true }).FillAsync(Steps.IsoDate(birthDate));
        await page.GetByLabel("Sexe", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Fille" });
        await page.GetByLabel("Territoire (commune ou arrondissement)", new() { Exact = true }).FillAsync(territory);
    }

    /// <summary>A trame input by its field key (an indicator's date and comment: "key.date", "key.commentaire").</summary>
    private static ILocator Input(IPage page, string key) => page.Locator("#champ-" + key.Replace('.', '-'));

    private static ILocator FieldError(IPage page, string key) => page.Locator($"#champ-{key.Replace('.', '-')}-error");

    private static ILocator SectionRow(IPage page, string key) => page.Locator($"#sections tr[data-section='{key}']");

    private static ILocator Notice(IPage page) => page.Locator(".notice--success[role='status']");

    /// <summary>Today in France, as the application counts it.</summary>
    private static DateOnly ParisToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
}
