using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;

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
    }
}
