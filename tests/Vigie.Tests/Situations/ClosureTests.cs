using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;

namespace Vigie.Tests.Situations;

public sealed class ClosureTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task A_situation_is_closed_with_a_reason_then_reopened_to_its_former_status()
    {
        var org = await factory.CreateOrganisationAsync();
        var pro = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: org));
        var id = await SituationFixtures.OpenAsync(factory, org, "Roux", "Lina", new DateOnly(2009, 9, 9));
        var url = $"/situations/{id}";

        var missing = await Pages.ParseAsync(await Pages.PostFormAsync(pro, url, new() { ["Reason"] = "" }, handler: "Close"));
        Assert.Contains("Choisissez le motif de clôture.", missing.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("true", missing.QuerySelector("#Reason")!.GetAttribute("aria-invalid"));

        var closed = await Pages.PostFormAsync(pro, url, new() { ["Reason"] = "Majorite" }, handler: "Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var page = await Pages.GetDocumentAsync(pro, url);
        Assert.Contains("Clôturée — Majorité", page.Text(".facts"), StringComparison.Ordinal);

        var reopened = await Pages.PostFormAsync(pro, url, [], handler: "Reopen");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Situations.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(SituationStatus.Reperee, stored.Status);
        Assert.Null(stored.ClosedAt);
        Assert.Null(stored.ClosureReason);
    }

    [Fact]
    public async Task Closing_a_situation_out_of_scope_is_a_404_and_changes_nothing()
    {
        var org = await factory.CreateOrganisationAsync();
        var id = await SituationFixtures.OpenAsync(factory, org, "Garnier", "Sofia", new DateOnly(2010, 10, 10));
        var outsider = await factory.LoginAsync(Roles.Professionnel);
        var token = await Pages.TokenAsync(outsider, "/situations/nouvelle");

        var response = await Pages.PostAsync(outsider, $"/situations/{id}", new() { ["Reason"] = "Autre" }, token, "Close");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var status = await factory.WithDbAsync(db => db.Situations.Where(s => s.Id == id).Select(s => s.Status).SingleAsync());
        Assert.Equal(SituationStatus.Reperee, status);
    }

    [Fact]
    public void Status_changes_follow_one_table()
    {
        Assert.True(SituationTransitions.CanMove(SituationStatus.Reperee, SituationStatus.EnEvaluation));
        Assert.True(SituationTransitions.CanMove(SituationStatus.SuivieEnCommission, SituationStatus.Signalee));
        Assert.False(SituationTransitions.CanMove(SituationStatus.Signalee, SituationStatus.Reperee));
        Assert.False(SituationTransitions.CanMove(SituationStatus.Cloturee, SituationStatus.EnEvaluation));
        Assert.All(Enum.GetValues<SituationStatus>().Where(s => s != SituationStatus.Cloturee),
            s => Assert.True(SituationTransitions.CanMove(s, SituationStatus.Cloturee)));
    }
}
