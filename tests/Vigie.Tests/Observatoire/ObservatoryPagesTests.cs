using System.Net;
using System.Text;
using MiniExcelLibs;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Observatoire;

/// <summary>
/// The dashboard, the exports and the report over one territory of 9 minors: 6 girls, 3 boys; 2 with
/// a signalement. Coordination reads the exact 3 and 2; the Observatoire role and every file read
/// "&lt; 5" for them, and the cells that would give them away by difference are hidden too.
/// </summary>
public sealed class ObservatoryPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Territory = "Pages observatoire";
    private const string Query = "annee=2024&territoire=Pages%20observatoire";

    private async Task SeedAsync()
    {
        if (await factory.WithDbAsync(db => Task.FromResult(db.Situations.Any(s => s.Territory == Territory))))
        {
            return;
        }

        var org = await factory.CreateOrganisationAsync();
        var on = new DateOnly(2024, 5, 10);
        await ObservatoryFixtures.AddAsync(factory, org, Territory, Enumerable.Range(0, 9).Select(i =>
            new Minor($"Page{i}", new DateOnly(2009, 1 + i, 3), on, i < 6 ? Sex.Fille : Sex.Garcon)
            {
                SignalementOn = i < 2 ? on.AddDays(15) : null,
                FamilyStructure = "biparentale",
            }));
    }

    [Fact]
    public async Task Coordination_sees_exact_counts_and_the_charts()
    {
        await SeedAsync();
        var client = await factory.LoginAsync(Roles.Coordination);

        var page = await Pages.GetDocumentAsync(client, "/observatoire?" + Query);

        Assert.Contains("9 situations (une par mineur)", page.Text("#population"), StringComparison.Ordinal);
        var sex = page.QuerySelector("#tableau-2-1")!;
        var cells = sex.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["Filles", "6", "67 %"], cells[0]);
        Assert.Equal(["Garçons", "3", "33 %"], cells[1]);
        Assert.Equal(["Total", "9", "100 %"], cells[^1]);
        Assert.Contains("6 des 9 situations concernent des filles.", page.Body!.TextContent, StringComparison.Ordinal);
        var chart = page.QuerySelector("#indicateur-2")!.ParentElement!.QuerySelector("figure.chart svg[role=img]");
        Assert.NotNull(chart);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task The_observatoire_role_sees_small_counts_protected()
    {
        await SeedAsync();
        var client = await factory.LoginAsync(Roles.Observatoire);

        var page = await Pages.GetDocumentAsync(client, "/observatoire?" + Query);

        var rows = page.QuerySelector("#tableau-2-1")!.QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal("< 5", rows["Garçons"]); // 3
        Assert.Equal("s", rows["Filles"]); // 6 = 9 − 3: hidden too
        Assert.Equal("9", rows["Total"]);
        Assert.DoesNotContain("6 des 9", page.Body!.TextContent, StringComparison.Ordinal);
        var steps = page.QuerySelector("#tableau-5-1")!.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["< 5", "s", "9"], steps); // 2 with a signalement, 7 without, 9
        Assert.Equal("non publié (moins de 5 situations)", page.QuerySelectorAll("dl.facts dd")
            .Select(d => d.TextContent.Trim()).First(t => t.StartsWith("non publié", StringComparison.Ordinal))[..34]);
    }

    [Fact]
    public async Task Bad_filters_get_french_messages_and_the_current_year()
    {
        var client = await factory.LoginAsync(Roles.Coordination);

        var page = await Pages.GetDocumentAsync(client, "/observatoire?du=31/02/2024&au=2024-01-01&niveau=inconnu");

        Assert.Contains("La date de début « 31/02/2024 » n'est pas valide", page.Text("#du-error"), StringComparison.Ordinal);
        Assert.Contains("Ce niveau n'existe pas", page.Text("#niveau-error"), StringComparison.Ordinal);
        Assert.Equal("31/02/2024", page.QuerySelector("#du")!.GetAttribute("value"));
        Assert.Contains("année " + factory.Clock.GetUtcNow().Year, page.Text("#population"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exported_table_is_protected_even_for_coordination_and_is_audited()
    {
        await SeedAsync();
        var user = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(user);
        var url = "/observatoire/export?" + Query + "&indicateur=2&tableau=1&format=xlsx";

        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/compte/confirmation", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Pages.PostFormAsync(client, first.Headers.Location.OriginalString, new() { ["Code"] = factory.NextCode(user) });

        var xlsx = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var sheets = MiniExcel.GetSheetNames(stream);
        Assert.Equal(["Lisez-moi", "2.1 Répartition par sexe"], sheets);
        var rows = stream.Query(useHeaderRow: true, sheetName: "2.1 Répartition par sexe").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("Filles", rows[0]["Sexe"]);
        Assert.Equal("s", rows[0]["Situations"]);
        Assert.Equal("< 5", rows[1]["Situations"]);
        Assert.Equal(9.0, Convert.ToDouble(rows[^1]["Situations"], System.Globalization.CultureInfo.InvariantCulture));

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/observatoire/export?" + Query + "&format=csv"));
        Assert.StartsWith("\uFEFFVigie — observatoire;", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nGarçons;< 5\r\n", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Garçons;3", csv, StringComparison.Ordinal);

        var audit = await factory.WithDbAsync(db => Task.FromResult(db.AuditEntries
            .Where(e => e.ActorId == user.Id && e.RecordType == AuditRecordType.ObservatoryExport).Select(e => e.RecordId).ToList()));
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, id => id!.StartsWith("2.1|xlsx|2024-01-01/2024-12-31|Pages observatoire", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_export_request_is_a_problem_not_a_crash()
    {
        var user = await factory.CreateUserAsync(Roles.Observatoire);
        var client = await factory.LoginAsync(user);
        await Pages.PostFormAsync(client, "/compte/confirmation?retour=%2Fobservatoire", new() { ["Code"] = factory.NextCode(user) });

        var response = await client.GetAsync("/observatoire/export?annee=2024&format=docx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Choisissez le format xlsx ou csv.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/observatoire/export?annee=2024&format=csv&indicateur=99")).StatusCode);
    }

    [Fact]
    public async Task The_yearly_report_is_a_pdf_with_every_indicator_protected()
    {
        await SeedAsync();
        var user = await factory.CreateUserAsync(Roles.Observatoire);
        var client = await factory.LoginAsync(user);
        await Pages.PostFormAsync(client, "/compte/confirmation?retour=%2Fobservatoire", new() { ["Code"] = factory.NextCode(user) });

        var response = await client.GetAsync("/observatoire/rapport?" + Query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (Environment.GetEnvironmentVariable("VIGIE_KEEP_REPORT") is { Length: > 0 } keep)
        {
            await File.WriteAllBytesAsync(keep, bytes);
        }

        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var all = string.Join("\n", pages);
        Assert.Contains("Rapport annuel 2024", pages[0], StringComparison.Ordinal);
        Assert.Contains("Sommaire", pages[1], StringComparison.Ordinal);
        foreach (var title in new[] { "1. Nouvelles situations par année", "2. Répartition par sexe", "17. Complétude des données", "Méthodologie" })
        {
            Assert.Contains(title, all, StringComparison.Ordinal);
        }

        // The contents give the page each section starts on: indicator 2 on page 4 (cover, contents, indicator 1).
        Assert.Matches(@"2\. Répartition par sexe 4\b", pages[1]);
        Assert.StartsWith("2. Répartition par sexe", pages[3][(pages[3].IndexOf("2. Répartition", StringComparison.Ordinal))..], StringComparison.Ordinal);
        Assert.DoesNotContain("6 des 9", all, StringComparison.Ordinal);
        Assert.Contains("Garçons < 5", pages[3], StringComparison.Ordinal);
        Assert.Equal(pdf.NumberOfPages, pages.Count);
        Assert.Contains($"page 1 / {pdf.NumberOfPages}", pages[0], StringComparison.Ordinal);
    }

    /// <summary>
    /// The ASE survey of 2019 in the territory "Rapport enquête": two services answered 40 + 35 = 75 situations,
    /// girls 9 + 6 = 15, boys 2 + 1 = 3. The report carries the table beside indicator 1, with the 3 boys hidden.
    /// </summary>
    [Fact]
    public async Task The_yearly_report_carries_the_ASE_survey_beside_indicator_1_protected()
    {
        const string territory = "Rapport enquête";
        var north = await Enquetes.SurveyFixtures.OrganisationAsync(factory, "ASE Rapport Nord", territory: territory);
        var south = await Enquetes.SurveyFixtures.OrganisationAsync(factory, "ASE Rapport Sud", territory: territory);
        var campaign = await Enquetes.SurveyFixtures.CampaignAsync(factory, 2019, [north, south]);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, campaign, north, situations: 40, girls: 9, boys: 2);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, campaign, south, situations: 35, girls: 6, boys: 1);
        var user = await factory.CreateUserAsync(Roles.Observatoire);
        var client = await factory.LoginAsync(user);
        await Pages.PostFormAsync(client, "/compte/confirmation?retour=%2Fobservatoire", new() { ["Code"] = factory.NextCode(user) });

        var response = await client.GetAsync("/observatoire/rapport?annee=2019&territoire=Rapport%20enqu%C3%AAte");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var all = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("situations identifiées par année", all, StringComparison.Ordinal);
        Assert.Contains("75 situations identifiées en 2019", all, StringComparison.Ordinal);
        Assert.Matches(@"2019 75 15 < 5", all);
    }
}
