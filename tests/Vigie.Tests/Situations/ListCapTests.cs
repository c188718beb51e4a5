using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;

namespace Vigie.Tests.Situations;

/// <summary>The list counts at most MaxPages pages' rows (here 2 × 50): beyond, it says "plus de" and stops at the last browsable page.</summary>
public sealed class ListCapTests
{
    private sealed class TwoPagesFactory : VigieFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Situations:List:MaxPages"] = "2" };
    }

    [Fact]
    public async Task Beyond_the_browsable_pages_the_list_says_more_than_and_stops_at_the_last_browsable_page()
    {
        using var factory = new TwoPagesFactory();
        var organisation = await factory.CreateOrganisationAsync();
        var cap = 2 * IndexModel.PageSize;
        for (var i = 0; i < cap; i++)
        {
            await SituationFixtures.OpenAsync(factory, organisation, "Nom" + i, "Prénom", new DateOnly(2010, 1, 1).AddDays(i), territory: "Bron");
        }

        await SituationFixtures.OpenAsync(factory, organisation, "Dernier", "Prénom", new DateOnly(2011, 1, 1), territory: "Givors");
        var coordination = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Coordination));

        var first = await Pages.GetDocumentAsync(coordination, "/situations");
        Assert.Equal("Plus de 100 situations ; page 1 sur les 2 premières.", first.Text("p.result-count"));
        Assert.Contains("affinez les filtres", first.Text("p.hint"), StringComparison.Ordinal);
        var last = first.QuerySelectorAll(".pager a").Single(a => a.TextContent.Contains("Dernière", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Contains("page=2", last, StringComparison.Ordinal);

        // A page number past the cap shows the last browsable page, full.
        var beyond = await Pages.GetDocumentAsync(coordination, "/situations?page=3");
        Assert.Equal("Plus de 100 situations ; page 2 sur les 2 premières.", beyond.Text("p.result-count"));
        Assert.Equal(IndexModel.PageSize, beyond.QuerySelectorAll("tbody tr").Length);
        Assert.Null(beyond.QuerySelector(".pager a[rel=next]"));

        // Exactly at the cap, and under it, the count is exact.
        var bron = await Pages.GetDocumentAsync(coordination, "/situations?territoire=bron");
        Assert.Equal($"{cap} situation(s) ; page 1 sur 2.", bron.Text("p.result-count"));
        Assert.Null(bron.QuerySelector("p.hint"));
        var givors = await Pages.GetDocumentAsync(coordination, "/situations?territoire=givors");
        Assert.Equal("1 situation(s).", givors.Text("p.result-count"));
    }
}
