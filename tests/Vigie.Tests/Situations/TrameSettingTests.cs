using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Tests.Situations;

/// <summary>A Vigie whose poly-fugue threshold is set to 5 runaways.</summary>
public sealed class PolyRunawayFiveFactory : VigieFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Vigie:Trame:PolyRunawayThreshold"] = "5" };
}

public sealed class TrameSettingTests(PolyRunawayFiveFactory factory) : IClassFixture<PolyRunawayFiveFactory>
{
    [Fact]
    public async Task The_poly_runaway_threshold_comes_from_the_settings()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        await TrameFixtures.FillAsync(client, id, TrameFixtures.Complete()); // 4 runaways in 12 months

        var indicators = await Pages.GetDocumentAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Indicateurs));
        Assert.Contains("Poly-fugues : non", indicators.Text("#poly-fugue"), StringComparison.Ordinal);
        Assert.Contains("le seuil est de 5 fugues", indicators.Text("#poly-fugue"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation)).StatusCode);
        var evaluation = await factory.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.SituationId == id));
        Assert.Equal(4, evaluation.RunawaysLast12Months);
        Assert.False(evaluation.PolyRunaway);
    }

    [Fact]
    public async Task Labels_link_their_lexique_terms_to_definitions_that_exist()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);

        var page = await Pages.GetDocumentAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Indicateurs));
        var links = page.QuerySelectorAll(".terms a").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Contains("/lexique#terme-lover-boy", links);
        Assert.Contains("/lexique#terme-michetonnage", links);

        var lexique = await Pages.GetDocumentAsync(client, "/lexique");
        foreach (var link in links)
        {
            Assert.NotNull(lexique.GetElementById(link.Split('#')[1]));
        }

        Assert.Equal("Lover boy", lexique.Text("#terme-lover-boy"));
    }
}
