using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

public sealed class ListTests
{
    [Fact]
    public async Task The_list_is_filtered_and_paged_by_the_database_within_the_users_scope()
    {
        using var factory = new VigieFactory();
        var mine = await factory.CreateOrganisationAsync();
        var other = await factory.CreateOrganisationAsync();
        for (var i = 0; i < IndexModel.PageSize + 5; i++)
        {
            await SituationFixtures.OpenAsync(factory, mine, "Nom" + i, "Prénom", new DateOnly(2010, 1, 1).AddDays(i));
        }

        await SituationFixtures.OpenAsync(factory, other, "Ailleurs", "Prénom", new DateOnly(2011, 1, 1));
        var pro = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: mine));

        var first = await Pages.GetDocumentAsync(pro, "/situations");
        Assert.Equal($"{IndexModel.PageSize + 5} situation(s) ; page 1 sur 2.", first.Text("p.result-count"));
        Assert.Equal(IndexModel.PageSize, first.QuerySelectorAll("tbody tr").Length);
        var second = await Pages.GetDocumentAsync(pro, first.QuerySelector(".pager a")!.GetAttribute("href")!);
        Assert.Equal(5, second.QuerySelectorAll("tbody tr").Length);
        var ids = first.QuerySelectorAll("tbody a").Concat(second.QuerySelectorAll("tbody a")).Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(IndexModel.PageSize + 5, ids.Distinct().Count());

        var closed = await Pages.GetDocumentAsync(pro, $"/situations?statut={SituationStatus.Cloturee}");
        Assert.Equal("0 situation(s).", closed.Text("p.result-count"));
        var byTerritory = await Pages.GetDocumentAsync(pro, "/situations?territoire=lyon%208");
        Assert.Equal($"{IndexModel.PageSize + 5} situation(s) ; page 1 sur 2.", byTerritory.Text("p.result-count"));
        var nowhere = await Pages.GetDocumentAsync(pro, "/situations?territoire=Marseille&statut=nimportequoi&page=-3");
        Assert.Equal("0 situation(s).", nowhere.Text("p.result-count"));

        // Every row has the same territory: the id breaks the tie, so the two pages share no row and
        // the next-page link keeps the filter and the sort.
        var sorted = await Pages.GetDocumentAsync(pro, "/situations?territoire=lyon&tri=territoire&ordre=asc");
        var next = sorted.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("territoire=lyon", next, StringComparison.Ordinal);
        Assert.Contains("tri=territoire", next, StringComparison.Ordinal);
        Assert.Contains("ordre=asc", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var sortedSecond = await Pages.GetDocumentAsync(pro, next);
        Assert.Equal($"{IndexModel.PageSize + 5} situation(s) ; page 2 sur 2.", sortedSecond.Text("p.result-count"));
        var sortedIds = Links(sorted).Concat(Links(sortedSecond)).ToList();
        Assert.Equal(IndexModel.PageSize + 5, sortedIds.Distinct().Count());
        Assert.DoesNotContain(sortedIds, id => id == "Prénom Ailleurs");
    }

    [Fact]
    public async Task Each_filter_keeps_only_the_matching_situations_and_shows_their_names()
    {
        using var factory = new VigieFactory();
        var a = await factory.CreateOrganisationAsync("Organisation A");
        var b = await factory.CreateOrganisationAsync("Organisation B");
        var year = factory.Clock.GetUtcNow().Year;
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var martin = await OpenAsync(factory, a, "Martin", year - 12, "Lyon 3e");
        var bernard = await OpenAsync(factory, a, "Bernard", year - 13, "Villeurbanne", QualificationLevel.EnRisque);
        await OpenAsync(factory, b, "Dubois", year - 16, "Lyon 8e", QualificationLevel.Averee, closed: true);
        var durand = await OpenAsync(factory, b, "Durand", year - 17, "Venissieux", QualificationLevel.EnRisque);
        await AddStepAsync(factory, durand, due: now.AddDays(-1), completed: null);
        await AddStepAsync(factory, martin, due: now.AddDays(3), completed: null);
        await AddStepAsync(factory, bernard, due: now.AddDays(-10), completed: now.AddDays(-11));
        var coordination = await factory.LoginAsync(Roles.Coordination);

        async Task<string[]> Names(string query) => Links(await Pages.GetDocumentAsync(coordination, "/situations?" + query)).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Prénom Bernard", "Prénom Dubois", "Prénom Durand", "Prénom Martin"], await Names(""));
        Assert.Equal(["Prénom Bernard", "Prénom Durand"], await Names("niveau=EnRisque"));
        Assert.Equal(["Prénom Dubois"], await Names("niveau=Averee"));
        Assert.Equal(["Prénom Martin"], await Names("niveau=NonEvaluee"));
        Assert.Equal(["Prénom Dubois"], await Names($"statut={SituationStatus.Cloturee}"));
        Assert.Equal(["Prénom Bernard"], await Names($"statut={SituationStatus.EnEvaluation}&organisation={a}"));
        Assert.Equal(["Prénom Bernard", "Prénom Martin"], await Names($"organisation={a}"));
        Assert.Equal(["Prénom Dubois", "Prénom Durand"], await Names($"organisation={b}"));
        Assert.Equal(["Prénom Martin"], await Names("age=moins-13"));
        Assert.Equal(["Prénom Bernard"], await Names("age=13-14"));
        Assert.Equal(["Prénom Dubois"], await Names("age=15-16"));
        Assert.Equal(["Prénom Durand"], await Names("age=17-plus"));
        Assert.Equal(["Prénom Durand"], await Names("retard=1"));
        Assert.Equal(["Prénom Martin"], await Names("territoire=LYON%203"));
        Assert.Empty(await Names("retard=1&niveau=Averee"));

        // The organisation select is offered to Coordination, with the chosen one kept selected.
        var page = await Pages.GetDocumentAsync(coordination, $"/situations?organisation={b}&retard=1");
        var options = page.QuerySelectorAll("#organisation option").Select(o => o.TextContent).ToList();
        Assert.Contains("Organisation A", options);
        Assert.Equal("Organisation B", page.QuerySelector("#organisation option[selected]")!.TextContent);
        Assert.True(page.QuerySelector<IHtmlInputElement>("#retard")!.IsChecked);
        var row = page.QuerySelector("tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["Prénom Durand", now.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), "En évaluation", "En risque",
            $"{year - 17} (17 ans et plus)", "Venissieux", "Organisation B"], row);

        // Reading the list (names shown) is logged, without the filters or names.
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == AuditRecordType.SituationList).ToListAsync());
        Assert.NotEmpty(audited);
        Assert.All(audited, e => Assert.Equal(AuditAction.Read, e.Action));
        Assert.All(audited, e => Assert.DoesNotContain("Durand", e.RecordId ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Age_bands_move_with_the_current_year_at_new_year()
    {
        using var factory = new VigieFactory();
        var organisation = await factory.CreateOrganisationAsync();
        var year = factory.Clock.GetUtcNow().Year + 1;
        await OpenAsync(factory, organisation, "Douze", year - 12, "Lyon 1er");
        await OpenAsync(factory, organisation, "Seize", year - 16, "Lyon 1er");
        factory.Clock.SetUtcNow(new DateTimeOffset(year, 12, 31, 23, 58, 0, TimeSpan.Zero));
        var coordination = await factory.LoginAsync(Roles.Coordination);

        async Task<string[]> Names(string age) => Links(await Pages.GetDocumentAsync(coordination, "/situations?age=" + age)).ToArray();

        // 31 December: born year-12 is 12 this year, born year-16 is 16.
        Assert.Equal(["Prénom Douze"], await Names("moins-13"));
        Assert.Empty(await Names("13-14"));
        Assert.Equal(["Prénom Seize"], await Names("15-16"));
        Assert.Empty(await Names("17-plus"));

        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(year + 1, factory.Clock.GetUtcNow().Year);
        Assert.Empty(await Names("moins-13"));
        Assert.Equal(["Prénom Douze"], await Names("13-14"));
        Assert.Empty(await Names("15-16"));
        Assert.Equal(["Prénom Seize"], await Names("17-plus"));
    }

    [Theory]
    [InlineData(12, AgeBand.Moins13)]
    [InlineData(0, AgeBand.Moins13)]
    [InlineData(13, AgeBand.De13A14)]
    [InlineData(14, AgeBand.De13A14)]
    [InlineData(15, AgeBand.De15A16)]
    [InlineData(16, AgeBand.De15A16)]
    [InlineData(17, AgeBand.Plus17)]
    [InlineData(21, AgeBand.Plus17)]
    public void An_age_band_is_a_range_of_birth_years(int age, AgeBand expected)
    {
        const int year = 2030;
        Assert.Equal(expected, AgeBands.Of(year - age, year));
        var (from, to) = AgeBands.BirthYears(expected, year);
        Assert.True((from is null || year - age >= from) && (to is null || year - age <= to));
        Assert.Equal(expected, AgeBands.Parse(AgeBands.Key(expected)));
    }

    [Fact]
    public async Task Each_column_sorts_both_ways_with_aria_sort_on_its_header()
    {
        using var factory = new VigieFactory();
        var orgs = new[] { await factory.CreateOrganisationAsync("Org C"), await factory.CreateOrganisationAsync("Org A"), await factory.CreateOrganisationAsync("Org B") };
        var year = factory.Clock.GetUtcNow().Year;
        var territories = new[] { "Villeurbanne", "Bron", "Lyon 7e", "Caluire", "Lyon 2e" };
        QualificationLevel?[] levels = [null, QualificationLevel.Averee, QualificationLevel.EnRisque];
        for (var i = 0; i < 7; i++)
        {
            var id = await OpenAsync(factory, orgs[i % 3], "Nom" + i, year - 11 - (i * 3 % 7), territories[i % 5], levels[i % 3], closed: i == 4);
            if (i == 5)
            {
                await factory.WithDbAsync(async db =>
                {
                    var situation = await db.Situations.SingleAsync(s => s.Id == id);
                    situation.MoveTo(SituationStatus.Signalee, factory.Clock.GetUtcNow().UtcDateTime);
                    await db.SaveChangesAsync();
                });
            }

            factory.Clock.Advance(TimeSpan.FromDays(1));
        }

        var coordination = await factory.LoginAsync(Roles.Coordination);
        var statusRank = Enum.GetValues<SituationStatus>().ToDictionary(SituationLabels.Status, s => (int)s);
        var levelRank = new Dictionary<string, int> { ["Non évaluée"] = 0, ["En risque"] = 1, ["Prostitution avérée"] = 2 };
        var columns = new (string Key, int Cell, Func<string, IComparable> Rank)[]
        {
            (IndexModel.Sorts.Opening, 1, v => DateOnly.ParseExact(v, "dd/MM/yyyy", CultureInfo.InvariantCulture)),
            (IndexModel.Sorts.Status, 2, v => statusRank[v]),
            (IndexModel.Sorts.Level, 3, v => levelRank[v]),
            (IndexModel.Sorts.BirthYear, 4, v => int.Parse(v[..4], CultureInfo.InvariantCulture)),
            (IndexModel.Sorts.Territory, 5, v => new OrdinalString(v)),
            (IndexModel.Sorts.Organisation, 6, v => new OrdinalString(v)),
        };
        foreach (var (key, cell, rank) in columns)
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var page = await Pages.GetDocumentAsync(coordination, $"/situations?tri={key}&ordre={order}");
                var values = page.QuerySelectorAll("tbody tr").Select(tr => rank(tr.QuerySelectorAll("td")[cell].TextContent.Trim())).ToList();
                Assert.Equal(7, values.Count);
                var expected = order == "asc" ? values.Order().ToList() : values.OrderDescending().ToList();
                Assert.True(expected.SequenceEqual(values), $"{key} {order}: {string.Join(", ", values)}");
                Assert.True(values.Distinct().Count() > 2, $"{key}: the data should have several distinct values");

                var header = page.QuerySelector($"th a[href*='tri={key}']")!.ParentElement!;
                Assert.Equal(order == "asc" ? "ascending" : "descending", header.GetAttribute("aria-sort"));
                Assert.Contains($"ordre={(order == "asc" ? "desc" : "asc")}", header.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
                Assert.Single(page.QuerySelectorAll("th[aria-sort]"));
            }
        }

        // By default: the most recently opened first.
        var defaults = await Pages.GetDocumentAsync(coordination, "/situations");
        Assert.Equal("descending", defaults.QuerySelector($"th a[href*='tri={IndexModel.Sorts.Opening}']")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("Prénom Nom6", Links(defaults).First());
    }

    [Fact]
    public async Task The_name_search_matches_the_exact_name_through_the_blind_index_ignoring_accents_case_and_hyphens()
    {
        using var factory = new VigieFactory();
        var mine = await factory.CreateOrganisationAsync();
        var other = await factory.CreateOrganisationAsync();
        await SituationFixtures.OpenAsync(factory, mine, "Lefèvre-Dupont", "Éloïse", new DateOnly(2011, 3, 4));
        await SituationFixtures.OpenAsync(factory, mine, "Lefèvre", "Inès", new DateOnly(2012, 3, 4));
        await SituationFixtures.OpenAsync(factory, other, "Lefèvre-Dupont", "Autre", new DateOnly(2010, 3, 4));
        var pro = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: mine));

        foreach (var typed in new[] { "Lefèvre-Dupont", "lefevre dupont", "LEFEVRE-DUPONT", " Lefevredupont " })
        {
            var page = await Pages.GetDocumentAsync(pro, "/situations?nom=" + Uri.EscapeDataString(typed));
            Assert.Equal(["Éloïse Lefèvre-Dupont"], Links(page));
            Assert.Equal(typed, page.QuerySelector<IHtmlInputElement>("#nom")!.Value);
        }

        Assert.Equal(["Inès Lefèvre"], Links(await Pages.GetDocumentAsync(pro, "/situations?nom=lefevre")));
        Assert.Empty(Links(await Pages.GetDocumentAsync(pro, "/situations?nom=Dupont")));

        var noLetters = await Pages.GetDocumentAsync(pro, "/situations?nom=1234");
        Assert.Equal(2, Links(noLetters).Count);
        Assert.Contains("des lettres", noLetters.Text("#nom-error"), StringComparison.Ordinal);
        Assert.Equal("true", noLetters.QuerySelector("#nom")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Situations_out_of_scope_are_never_listed_whatever_the_filters()
    {
        using var factory = new VigieFactory();
        var mine = await factory.CreateOrganisationAsync();
        var other = await factory.CreateOrganisationAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var hidden = await OpenAsync(factory, other, "Cache", 2011, "Lyon 8e", QualificationLevel.Averee);
        await AddStepAsync(factory, hidden, due: now.AddDays(-2), completed: null);
        await OpenAsync(factory, mine, "Visible", 2011, "Lyon 8e");
        var pro = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: mine));

        foreach (var query in new[] { "", $"organisation={other}", "nom=Cache", "retard=1", "niveau=Averee", "tri=organisation&ordre=desc" })
        {
            var page = await Pages.GetDocumentAsync(pro, "/situations?" + query);
            Assert.DoesNotContain("Cache", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden.ToString(), page.Source.Text, StringComparison.Ordinal);
        }

        // The organisation select is for Coordination only: it would name every organisation.
        Assert.Null((await Pages.GetDocumentAsync(pro, "/situations")).QuerySelector("#organisation"));
    }

    [Theory]
    [InlineData("statut=1")]
    [InlineData("statut=cloturee")]
    [InlineData("niveau=%3Cscript%3E")]
    [InlineData("niveau=0")]
    [InlineData("organisation=pas-un-guid")]
    [InlineData("age=99-100")]
    [InlineData("retard=peut-etre")]
    [InlineData("tri=Id%3B%20DROP%20TABLE&ordre=sideways")]
    [InlineData("page=abc")]
    [InlineData("page=99999999999999999999")]
    [InlineData("page=-1&tri=&ordre=")]
    [InlineData("statut=Reperee&statut=Cloturee")]
    public async Task Invalid_filter_values_are_ignored_without_an_error(string query)
    {
        using var factory = new VigieFactory();
        var organisation = await factory.CreateOrganisationAsync();
        await OpenAsync(factory, organisation, "Valide", 2012, "Lyon 1er");
        var coordination = await factory.LoginAsync(Roles.Coordination);

        var page = await Pages.GetDocumentAsync(coordination, "/situations?" + query);
        Assert.Equal("1 situation(s).", page.Text("p.result-count"));
        Assert.Equal(["Prénom Valide"], Links(page));
    }

    private static List<string> Links(IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private static async Task<Guid> OpenAsync(VigieFactory factory, Guid organisation, string lastName, int birthYear, string territory,
        QualificationLevel? level = null, bool closed = false)
    {
        var id = await SituationFixtures.OpenAsync(factory, organisation, lastName, "Prénom", new DateOnly(birthYear, 6, 15), territory);
        if (level is not null || closed)
        {
            await factory.WithDbAsync(async db =>
            {
                var situation = await db.Situations.SingleAsync(s => s.Id == id);
                var now = factory.Clock.GetUtcNow().UtcDateTime;
                if (level is not null)
                {
                    situation.TakeEvaluation(new Evaluation { SituationId = id, Number = 1, Level = level }, now);
                }

                if (closed)
                {
                    situation.Close(ClosureReason.Autre, now);
                }

                await db.SaveChangesAsync();
            });
        }

        return id;
    }

    private static Task AddStepAsync(VigieFactory factory, Guid situation, DateTime due, DateTime? completed) =>
        factory.WithDbAsync(async db =>
        {
            db.LegalSteps.Add(new LegalStep
            {
                SituationId = situation,
                Kind = LegalStepKind.Opp,
                OccurredAt = due.AddDays(-8),
                DueAt = due,
                CompletedAt = completed,
                ResponsibleUserId = "fixture",
                RecordedById = "fixture",
                RecordedAt = due.AddDays(-8),
            });
            await db.SaveChangesAsync();
            await LegalStepDue.RefreshAsync(db, situation);
        });

    /// <summary>Ordinal string comparison, as both databases order these ASCII names.</summary>
    private sealed record OrdinalString(string Value) : IComparable
    {
        public int CompareTo(object? obj) => string.CompareOrdinal(Value, ((OrdinalString)obj!).Value);
    }
}
