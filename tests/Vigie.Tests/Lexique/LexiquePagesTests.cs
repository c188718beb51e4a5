using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Lexique;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Lexique;

public sealed class LexiquePagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static Dictionary<string, string> TermForm(string title, string definition, string? key = null, string? synonyms = null, string? sourceText = null, string? sourceUrl = null)
    {
        var form = new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Definition"] = definition };
        if (key is not null)
        {
            form["Input.Key"] = key;
        }

        if (synonyms is not null)
        {
            form["Input.Synonyms"] = synonyms;
        }

        if (sourceText is not null)
        {
            form["Input.Sources[0].Text"] = sourceText;
        }

        if (sourceUrl is not null)
        {
            form["Input.Sources[0].Url"] = sourceUrl;
        }

        return form;
    }

    private static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#termes dt").Select(dt => dt.TextContent.Trim())];

    [Fact]
    public async Task The_starting_terms_are_written_once_with_their_keys_and_a_second_seeding_adds_nothing()
    {
        var keys = await factory.WithDbAsync(db => db.LexiqueTerms.Select(t => t.Key).ToListAsync());
        foreach (var start in StartingTerms.All)
        {
            Assert.Equal(1, keys.Count(k => k == start.Key));
        }

        Assert.Equal(0, await factory.Services.SeedLexiqueAsync(TestContext.Current.CancellationToken));
        Assert.Equal(keys.Count, await factory.WithDbAsync(db => db.LexiqueTerms.CountAsync()));

        // The sources of the starting terms came along.
        var proxenetisme = await factory.WithDbAsync(db => db.LexiqueTerms.AsNoTracking().Include(t => t.Sources).SingleAsync(t => t.Key == "proxenetisme"));
        Assert.Equal("Proxénétisme", proxenetisme.Title);
        Assert.Contains(proxenetisme.Sources, s => s.Text.Contains("Code pénal", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_role_searches_the_lexique_without_minding_accents_or_case_in_titles_synonyms_and_definitions()
    {
        foreach (var role in Roles.All)
        {
            var client = await factory.LoginAsync(role);
            Assert.Contains("Proxénétisme", Titles(await Pages.GetDocumentAsync(client, "/lexique?q=proxenetisme")));
        }

        var reader = await factory.LoginAsync(Roles.Professionnel);
        Assert.Equal("Proxénétisme", Titles(await Pages.GetDocumentAsync(reader, "/lexique?q=PROXÉNÉTISME"))[0]);
        // A synonym, and words of a definition.
        Assert.Equal(["Escorting"], Titles(await Pages.GetDocumentAsync(reader, "/lexique?q=escort%20girl")));
        Assert.Contains("CRIP", Titles(await Pages.GetDocumentAsync(reader, "/lexique?q=cellule%20de%20recueil")));
        var none = await Pages.GetDocumentAsync(reader, "/lexique?q=zzzzzz");
        Assert.Empty(Titles(none));
        Assert.Equal("Aucun terme ne correspond à « zzzzzz ».", none.Text("#result-count"));

        // Without a query, every active term in alphabetical order, each at its anchor.
        var all = await Pages.GetDocumentAsync(reader, "/lexique");
        Assert.NotNull(all.GetElementById("terme-proxenetisme"));
        var active = await factory.WithDbAsync(db => db.LexiqueTerms.CountAsync(t => t.IsActive));
        Assert.Equal(active, Titles(all).Count);
    }

    [Fact]
    public async Task Coordination_adds_a_term_that_other_roles_then_find_and_the_creation_is_audited()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(coordination);
        var response = await Pages.PostFormAsync(client, "/lexique/nouveau",
            TermForm("Grooming", "Manœuvres d'un adulte pour gagner la confiance d'un mineur, souvent en ligne, afin de l'exploiter.",
                synonyms: "pédopiégeage ; sollicitation", sourceText: "Code pénal, art. 227-22-1", sourceUrl: "www.legifrance.gouv.fr"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lexique/grooming", response.Headers.Location!.OriginalString);

        var page = await Pages.GetDocumentAsync(client, "/lexique/grooming");
        Assert.Equal("Grooming", page.Text("h1"));
        Assert.Equal("pédopiégeage ; sollicitation", page.Text("#synonymes"));
        Assert.Equal("https://www.legifrance.gouv.fr", page.QuerySelector("#sources a")!.GetAttribute("href"));
        Assert.Contains("par Testeur Coordination", page.Text("#mise-a-jour"), StringComparison.Ordinal);

        var observer = await factory.LoginAsync(Roles.Observatoire);
        Assert.Equal(["Grooming"], Titles(await Pages.GetDocumentAsync(observer, "/lexique?q=PEDOPIEGEAGE")));

        var id = await factory.WithDbAsync(db => db.LexiqueTerms.Where(t => t.Key == "grooming").Select(t => t.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create && e.RecordType == LexiqueAudit.Term && e.RecordId == id.ToString() && e.ActorId == coordination.Id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.RecordType == LexiqueAudit.Term && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task A_title_already_used_up_to_accents_and_case_is_refused_in_French_and_the_form_keeps_what_was_typed()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var before = await factory.WithDbAsync(db => db.LexiqueTerms.CountAsync());
        var response = await Pages.PostFormAsync(client, "/lexique/nouveau", TermForm("PROXENETISME", "Une autre définition tapée.", key: "proxenetisme-bis"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("Le lexique contient déjà le terme « Proxénétisme »", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Title")!.GetAttribute("aria-invalid"));
        Assert.Equal("PROXENETISME", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("proxenetisme-bis", page.QuerySelector("#Input_Key")!.GetAttribute("value"));
        Assert.Equal("Une autre définition tapée.", page.QuerySelector("#Input_Definition")!.TextContent);
        Assert.Equal(before, await factory.WithDbAsync(db => db.LexiqueTerms.CountAsync()));
    }

    [Fact]
    public async Task A_wrong_key_a_reserved_key_a_taken_key_and_a_source_address_that_is_not_a_web_page_get_French_messages()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        async Task<string> ErrorsAsync(Dictionary<string, string> form)
        {
            var response = await Pages.PostFormAsync(client, "/lexique/nouveau", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await Pages.ParseAsync(response)).Text("#form-errors");
        }

        Assert.Contains("La clé ne contient que des lettres minuscules sans accent", await ErrorsAsync(TermForm("Terme A", "Définition.", key: "Clé à accents")), StringComparison.Ordinal);
        Assert.Contains("La clé « glossaire » est réservée", await ErrorsAsync(TermForm("Glossaire", "Définition.")), StringComparison.Ordinal);
        Assert.Contains("La clé « fugue » est déjà celle d'un terme", await ErrorsAsync(TermForm("Terme B", "Définition.", key: "fugue")), StringComparison.Ordinal);
        Assert.Contains("Source 1 : l'adresse web n'est pas valide", await ErrorsAsync(TermForm("Terme C", "Définition.", sourceText: "Piège", sourceUrl: "javascript:alert(1)")), StringComparison.Ordinal);
        Assert.Contains("Source 1 : indiquez le texte ou la référence", await ErrorsAsync(TermForm("Terme D", "Définition.", sourceUrl: "https://www.exemple.fr")), StringComparison.Ordinal);
        var missing = await ErrorsAsync(new Dictionary<string, string> { ["Input.Title"] = "", ["Input.Definition"] = "" });
        Assert.Contains("Indiquez le terme.", missing, StringComparison.Ordinal);
        Assert.Contains("Indiquez la définition.", missing, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.LexiqueTerms.AnyAsync(t => t.Title.StartsWith("Terme "))));
    }

    [Fact]
    public async Task Editing_keeps_the_key_and_the_trame_labels_show_the_new_title_at_once()
    {
        var (professional, situation, _) = await TrameFixtures.OpenAsync(factory);
        var indicators = TrameFixtures.SectionUrl(situation, TrameSchema.Indicateurs);
        var before = await Pages.GetDocumentAsync(professional, indicators);
        Assert.Contains(before.QuerySelectorAll(".terms a"), a => a.GetAttribute("href") == "/lexique#terme-michetonnage" && a.TextContent == "Michetonnage");

        var coordination = await factory.LoginAsync(Roles.Coordination);
        var form = TermForm("Michetonnage (échanges)", "Échange d'actes sexuels contre des cadeaux, de l'argent ou un hébergement.", key: "autre-cle", synonyms: "michto");
        var response = await Pages.PostFormAsync(coordination, "/lexique/michetonnage/modifier", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/lexique/michetonnage", response.Headers.Location!.OriginalString);

        var term = await factory.WithDbAsync(db => db.LexiqueTerms.AsNoTracking().SingleAsync(t => t.Key == "michetonnage"));
        Assert.Equal("Michetonnage (échanges)", term.Title);
        Assert.False(await factory.WithDbAsync(db => db.LexiqueTerms.AnyAsync(t => t.Key == "autre-cle")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Update && e.RecordType == LexiqueAudit.Term && e.RecordId == term.Id.ToString())));

        var after = await Pages.GetDocumentAsync(professional, indicators);
        Assert.Contains(after.QuerySelectorAll(".terms a"), a => a.GetAttribute("href") == "/lexique#terme-michetonnage" && a.TextContent == "Michetonnage (échanges)");
        var lexique = await Pages.GetDocumentAsync(professional, "/lexique");
        Assert.Equal("Michetonnage (échanges)", lexique.Text("#terme-michetonnage"));
    }

    [Fact]
    public async Task A_change_saved_by_another_server_reaches_the_trame_labels_within_five_minutes()
    {
        var (professional, situation, _) = await TrameFixtures.OpenAsync(factory);
        var qualification = TrameFixtures.SectionUrl(situation, TrameSchema.Qualification);
        static IEnumerable<string> RabattageLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll(".terms a").Where(a => a.GetAttribute("href") == "/lexique#terme-rabattage").Select(a => a.TextContent);
        Assert.Contains("Rabattage", RabattageLinks(await Pages.GetDocumentAsync(professional, qualification)));

        // Another instance of Vigie on the same database saves a new title: this one's pages did not see it.
        await factory.WithDbAsync(async db =>
        {
            var term = await db.LexiqueTerms.Include(t => t.Sources).SingleAsync(t => t.Key == "rabattage");
            term.Update("Rabattage (recrutement)", term.Definition, term.Synonyms, term.Sources.Select(s => (s.Text, s.Url)), factory.Clock.GetUtcNow().UtcDateTime, null);
            await db.SaveChangesAsync();
        });
        Assert.Contains("Rabattage", RabattageLinks(await Pages.GetDocumentAsync(professional, qualification)));

        factory.Clock.Advance(LexiqueLinks.MaxAge);
        Assert.Contains("Rabattage (recrutement)", RabattageLinks(await Pages.GetDocumentAsync(professional, qualification)));
    }

    [Fact]
    public async Task Retiring_asks_for_confirmation_hides_the_term_from_readers_and_labels_and_Coordination_restores_it()
    {
        var (professional, situation, _) = await TrameFixtures.OpenAsync(factory);
        var indicators = TrameFixtures.SectionUrl(situation, TrameSchema.Indicateurs);
        var coordination = await factory.LoginAsync(Roles.Coordination);

        var confirmation = await Pages.GetDocumentAsync(coordination, "/lexique/lover-boy/retirer");
        Assert.Equal("Retirer « Lover boy » du lexique ?", confirmation.Text("h1"));
        Assert.Contains("Lover boy", confirmation.Text("#libelles-concernes"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.LexiqueTerms.AnyAsync(t => t.Key == "lover-boy" && t.IsActive)));

        var response = await Pages.PostFormAsync(coordination, "/lexique/lover-boy/retirer", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await factory.WithDbAsync(db => db.LexiqueTerms.Where(t => t.Key == "lover-boy").Select(t => t.Id).SingleAsync());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Delete && e.RecordType == LexiqueAudit.Term && e.RecordId == id.ToString())));

        Assert.Null((await Pages.GetDocumentAsync(professional, "/lexique")).GetElementById("terme-lover-boy"));
        Assert.Empty(Titles(await Pages.GetDocumentAsync(professional, "/lexique?q=lover")));
        Assert.DoesNotContain((await Pages.GetDocumentAsync(professional, indicators)).QuerySelectorAll(".terms a"), a => a.GetAttribute("href") == "/lexique#terme-lover-boy");
        Assert.Equal(HttpStatusCode.NotFound, (await professional.GetAsync("/lexique/lover-boy")).StatusCode);
        Assert.Contains("Lover boy", Titles(await Pages.GetDocumentAsync(coordination, "/lexique?retires=true")));
        // A reader asking for the retired list gets the terms in use.
        Assert.DoesNotContain("Lover boy", Titles(await Pages.GetDocumentAsync(professional, "/lexique?retires=true")));

        response = await Pages.PostFormAsync(coordination, "/lexique/lover-boy", [], handler: "Restore");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotNull((await Pages.GetDocumentAsync(professional, "/lexique")).GetElementById("terme-lover-boy"));
        Assert.Contains((await Pages.GetDocumentAsync(professional, indicators)).QuerySelectorAll(".terms a"), a => a.GetAttribute("href") == "/lexique#terme-lover-boy");
    }

    [Fact]
    public async Task Roles_other_than_Coordination_cannot_create_edit_retire_or_restore_a_term()
    {
        foreach (var role in Roles.All.Except([Roles.Coordination]))
        {
            var client = await factory.LoginAsync(role);
            var token = await Pages.TokenAsync(client, "/compte/mot-de-passe");
            foreach (var (url, handler) in new[] { ("/lexique/nouveau", (string?)null), ("/lexique/plans/modifier", null), ("/lexique/plans/retirer", null), ("/lexique/plans", "Restore") })
            {
                var response = await Pages.PostAsync(client, url, TermForm("Intrusion", "Intrusion."), token, handler);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {url} {handler} → {(int)response.StatusCode}");
            }

            // Nor see the editing links.
            var term = await Pages.GetDocumentAsync(client, "/lexique/plans");
            Assert.Empty(term.QuerySelectorAll("a[href='/lexique/plans/modifier']"));
            Assert.Empty((await Pages.GetDocumentAsync(client, "/lexique")).QuerySelectorAll("a[href='/lexique/nouveau']"));
        }

        var plans = await factory.WithDbAsync(db => db.LexiqueTerms.AsNoTracking().SingleAsync(t => t.Key == "plans"));
        Assert.True(plans.IsActive);
        Assert.Equal("Plans / « bons plans »", plans.Title);
        Assert.False(await factory.WithDbAsync(db => db.LexiqueTerms.AnyAsync(t => t.Title == "Intrusion")));
    }

    [Fact]
    public async Task The_printable_glossary_lists_every_active_term_and_its_PDF_reads_back_with_titles_definitions_and_sources()
    {
        var reader = await factory.CreateUserAsync(Roles.EquipeMobile);
        var client = await factory.LoginAsync(reader);
        var active = await factory.WithDbAsync(db => db.LexiqueTerms.Where(t => t.IsActive).Select(t => t.Title).ToListAsync());

        var page = await Pages.GetDocumentAsync(client, "/lexique/glossaire");
        Assert.Equal(active.Order().ToList(), page.QuerySelectorAll("#glossaire dt").Select(dt => dt.TextContent.Trim()).Order().ToList());
        Assert.NotNull(page.QuerySelector("button[data-print]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/print.js']"));

        var response = await client.GetAsync("/lexique/glossaire.pdf", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var pdf = PdfDocument.Open(bytes);
        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} page(s)");
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Lexique", text, StringComparison.Ordinal);
        Assert.Contains("Proxénétisme", text, StringComparison.Ordinal);
        Assert.Contains("225-5", text, StringComparison.Ordinal);
        Assert.Contains("Synonymes", text, StringComparison.Ordinal);
        Assert.Contains($"page 1 / {pdf.NumberOfPages}", string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
        foreach (var title in active)
        {
            var firstWord = title.Split(' ')[0];
            Assert.Contains(firstWord, text, StringComparison.Ordinal);
        }

        Assert.Equal(2, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.Export && e.RecordType == LexiqueAudit.Glossary && e.ActorId == reader.Id)));
    }
}
