using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Administration;

public sealed class OrganisationTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Administrator_creates_edits_and_deactivates_an_organisation_and_each_step_is_audited()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrateur);
        var client = await factory.LoginAsync(admin);

        var created = await Pages.PostFormAsync(client, "/administration/organisations/nouvelle", new()
        {
            ["Input.Name"] = "MECS Les Glycines",
            ["Input.Kind"] = "Etablissement",
            ["Input.Territory"] = "Vénissieux",
            ["Input.Phone"] = "04 72 00 00 00",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await Pages.GetDocumentAsync(client, "/administration/organisations");
        Assert.Contains("L'organisation « MECS Les Glycines » a été créée.", list.Text("[role=status]"), StringComparison.Ordinal);
        var link = list.QuerySelectorAll("td a").Single(a => a.TextContent == "MECS Les Glycines").GetAttribute("href")!;
        var id = link.Split('/').Last();

        var edited = await Pages.PostFormAsync(client, link, new() { ["Input.Name"] = "MECS Les Glycines (Vénissieux)", ["Input.Kind"] = "Etablissement" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var deactivated = await Pages.PostFormAsync(client, link, [], handler: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var organisation = await factory.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == Guid.Parse(id)));
        Assert.Equal("MECS Les Glycines (Vénissieux)", organisation.Name);
        Assert.Equal(OrganisationKind.Etablissement, organisation.Kind);
        Assert.Null(organisation.Phone);
        Assert.False(organisation.IsActive);
        var actions = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordId == id && e.ActorId == admin.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.OrganisationCreated, AuditAction.OrganisationUpdated, AuditAction.OrganisationDeactivated], actions);

        // Deactivated organisations are hidden by default and offered to no new account.
        Assert.DoesNotContain("MECS Les Glycines", (await Pages.GetDocumentAsync(client, "/administration/organisations")).Text("table"), StringComparison.Ordinal);
        Assert.Contains("MECS Les Glycines", (await Pages.GetDocumentAsync(client, "/administration/organisations?inactives=true")).Text("table"), StringComparison.Ordinal);
        Assert.DoesNotContain("MECS Les Glycines", (await Pages.GetDocumentAsync(client, "/administration/utilisateurs/nouveau")).Text("select#Input_OrganisationId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_explained_in_french_and_the_form_keeps_what_was_typed()
    {
        var client = await factory.LoginAsync(Roles.Administrateur);
        await factory.CreateOrganisationAsync("Parquet de Lyon", OrganisationKind.Parquet);

        var response = await Pages.PostFormAsync(client, "/administration/organisations/nouvelle", new()
        {
            ["Input.Name"] = "",
            ["Input.Kind"] = "NotAKind",
            ["Input.Email"] = "pas une adresse",
            ["Input.Territory"] = "Lyon 3e",
        });
        var page = await Pages.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = page.Text("#form-errors");
        Assert.Contains("Indiquez le nom de l'organisation.", errors, StringComparison.Ordinal);
        Assert.Contains("L'adresse e-mail n'est pas valide.", errors, StringComparison.Ordinal);
        Assert.Contains("n'est pas valide", errors, StringComparison.Ordinal);
        Assert.Equal("pas une adresse", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Lyon 3e", page.QuerySelector("#Input_Territory")!.GetAttribute("value"));

        var duplicate = await Pages.ParseAsync(await Pages.PostFormAsync(client, "/administration/organisations/nouvelle", new()
        {
            ["Input.Name"] = "parquet de lyon",
            ["Input.Kind"] = "Parquet",
        }));
        Assert.Contains("Une organisation porte déjà ce nom.", duplicate.Text("#form-errors"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_organisation_is_a_404()
    {
        var client = await factory.LoginAsync(Roles.Administrateur);

        var response = await client.GetAsync($"/administration/organisations/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Access_denial_is_audited()
    {
        var user = await factory.CreateUserAsync(Roles.Observatoire);
        var client = await factory.LoginAsync(user);

        var response = await client.GetAsync("/administration/utilisateurs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Accès refusé", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var denial = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ActorId == user.Id && e.Action == AuditAction.AccessDenied));
        Assert.Equal(AuditOutcome.Denied, denial.Outcome);
        Assert.Equal("/administration/utilisateurs", denial.RecordId);
    }
}
