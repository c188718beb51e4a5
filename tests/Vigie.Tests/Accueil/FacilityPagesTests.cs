using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Accueil;

public sealed class FacilityPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static Dictionary<string, string> Form(string name, string type = "FoyerJeunesFilles", string capacity = "8", bool outside = false, string departement = "") => new()
    {
        ["Input.Name"] = name, ["Input.Type"] = type, ["Input.Address"] = "12 rue de la Gare, 69008 Lyon", ["Input.Phone"] = "04 72 00 00 00",
        ["Input.Capacity"] = capacity, ["Input.IsOutside"] = outside ? "true" : "false", ["Input.Departement"] = departement,
        ["Input.Managers[0].Name"] = "Claire Martin", ["Input.Managers[0].Function"] = "Cheffe de service",
        ["Input.Managers[0].Phone"] = "06 00 00 00 01", ["Input.Managers[0].Email"] = "claire.martin@step.example",
        ["Input.Managers[1].Name"] = "", ["Input.Managers[1].Function"] = "", ["Input.Managers[1].Phone"] = "", ["Input.Managers[1].Email"] = "",
    };

    [Fact]
    public async Task Coordination_creates_a_facility_with_its_managers_and_it_is_audited()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(coordination);

        var response = await Pages.PostFormAsync(client, "/accueil/nouveau", Form("STEP création"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var facility = await factory.WithDbAsync(db => db.Facilities.AsNoTracking().Include(f => f.Managers).SingleAsync(f => f.Name == "STEP création"));
        Assert.Equal($"/accueil/{facility.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(FacilityType.FoyerJeunesFilles, facility.Type);
        Assert.Equal(8, facility.Capacity);
        Assert.True(facility.IsActive);
        var manager = Assert.Single(facility.Managers);
        Assert.Equal(("Claire Martin", "Cheffe de service", "claire.martin@step.example"), (manager.Name, manager.Function, manager.Email));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create
            && e.RecordType == AuditRecordType.Facility && e.RecordId == facility.Id.ToString() && e.ActorId == coordination.Id)));

        var page = await Pages.GetDocumentAsync(client, $"/accueil/{facility.Id}");
        Assert.Contains("Claire Martin", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("0 pour 8 places", page.Text("#present-today"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("figure.chart svg"));
        Assert.Equal(12, page.QuerySelectorAll("#occupation-mois tbody tr").Length);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read
            && e.RecordType == AuditRecordType.Facility && e.RecordId == facility.Id.ToString())));
    }

    [Fact]
    public async Task Invalid_facility_input_is_refused_in_french_and_the_form_keeps_what_was_typed()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var form = Form("", type: "Chateau", capacity: "huit", outside: true);
        form["Input.Managers[1].Email"] = "pas-une-adresse";

        var response = await Pages.PostFormAsync(client, "/accueil/nouveau", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("Indiquez le nom", page.Text("#Input_Name-error"), StringComparison.Ordinal);
        Assert.Contains("choisissez-en un dans la liste", page.Text("#Input_Type-error"), StringComparison.Ordinal);
        Assert.Contains("nombre entier", page.Text("#Input_Capacity-error"), StringComparison.Ordinal);
        Assert.Contains("département partenaire", page.Text("#Input_Departement-error"), StringComparison.Ordinal);
        Assert.Contains("indiquez son nom", page.Text("#Input_Managers_1_Name-error"), StringComparison.Ordinal);
        Assert.Contains("n'est pas valide", page.Text("#Input_Managers_1_Email-error"), StringComparison.Ordinal);
        Assert.Equal("huit", page.QuerySelector("#Input_Capacity")!.GetAttribute("value"));
        Assert.Equal("Claire Martin", page.QuerySelector("#Input_Managers_0_Name")!.GetAttribute("value"));
        Assert.Equal("12 rue de la Gare, 69008 Lyon", page.Text("#Input_Address"));
        Assert.Equal("true", page.QuerySelector("#Input_IsOutside")!.GetAttribute("checked") is null ? "false" : "true");
        Assert.Equal("true", page.QuerySelector("#Input_Name")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_outside_place_names_its_departement_and_has_no_counted_places()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var response = await Pages.PostFormAsync(client, "/accueil/nouveau", Form("Séjour Ardèche", "SejourDeRupture", capacity: "", outside: true, departement: "Ardèche (07)"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var facility = await factory.WithDbAsync(db => db.Facilities.AsNoTracking().SingleAsync(f => f.Name == "Séjour Ardèche"));
        Assert.True(facility.IsOutside);
        Assert.Equal("Ardèche (07)", facility.Departement);
        Assert.Null(facility.Capacity);
        var list = await Pages.GetDocumentAsync(client, "/accueil");
        var row = list.QuerySelector($"#lieu-{facility.Id}")!;
        Assert.Contains("Hors département (Ardèche (07))", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("non comptées", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_used_facility_is_deactivated_not_deleted_and_an_unused_one_can_be_deleted()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var used = await AccueilFixtures.FacilityAsync(factory, "Foyer utilisé", 4);
        var unused = await AccueilFixtures.FacilityAsync(factory, "Foyer jamais utilisé", 4);
        var situation = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Utilise", "Test", new DateOnly(2010, 1, 1));
        await AccueilFixtures.OrientationAsync(factory, situation, used, new DateOnly(2024, 1, 1), null);

        var edit = await Pages.GetDocumentAsync(client, $"/accueil/{used}/modifier");
        Assert.Null(edit.QuerySelector("form[action*='handler=Delete']"));
        var response = await Pages.PostFormAsync(client, $"/accueil/{used}/modifier", [], "Delete");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Facilities.AnyAsync(f => f.Id == used)));

        response = await Pages.PostFormAsync(client, $"/accueil/{used}/modifier", [], "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Facilities.Where(f => f.Id == used).Select(f => f.IsActive).SingleAsync()));
        var details = await Pages.GetDocumentAsync(client, $"/accueil/{used}");
        Assert.NotNull(details.QuerySelector("#inactive-notice"));

        response = await Pages.PostFormAsync(client, $"/accueil/{unused}/modifier", [], "Delete");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Facilities.AnyAsync(f => f.Id == unused)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Delete && e.RecordId == unused.ToString())));
    }

    [Fact]
    public async Task Coordination_edits_a_facility_and_its_managers_are_replaced()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        await Pages.PostFormAsync(client, "/accueil/nouveau", Form("Foyer à modifier"));
        var id = await factory.WithDbAsync(db => db.Facilities.Where(f => f.Name == "Foyer à modifier").Select(f => f.Id).SingleAsync());
        var form = Form("Foyer modifié", capacity: "10");
        form["Input.Managers[0].Name"] = "Paul Durand";
        form["Input.Managers[1].Name"] = "Inès Roux";

        var response = await Pages.PostFormAsync(client, $"/accueil/{id}/modifier", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var facility = await factory.WithDbAsync(db => db.Facilities.AsNoTracking().Include(f => f.Managers).SingleAsync(f => f.Id == id));
        Assert.Equal(("Foyer modifié", 10), (facility.Name, facility.Capacity));
        Assert.Equal("Paul Durand, Inès Roux", string.Join(", ", facility.Managers.OrderBy(m => m.Position).Select(m => m.Name)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Update && e.RecordId == id.ToString())));
    }

    [Fact]
    public async Task Professionnels_read_facilities_but_only_coordination_manages_them()
    {
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer lecture", 5);
        var professional = await factory.LoginAsync(Roles.Professionnel);

        var list = await Pages.GetDocumentAsync(professional, "/accueil");
        Assert.NotNull(list.QuerySelector($"#lieu-{facility}"));
        Assert.Null(list.QuerySelector("a[href='/accueil/nouveau']"));
        var details = await Pages.GetDocumentAsync(professional, $"/accueil/{facility}");
        Assert.Null(details.QuerySelector($"a[href='/accueil/{facility}/modifier']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync("/accueil/nouveau")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await professional.GetAsync($"/accueil/{facility}/modifier")).StatusCode);

        var token = await Pages.TokenAsync(professional, "/accueil");
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(professional, "/accueil/nouveau", Form("Intrusion"), token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(professional, $"/accueil/{facility}/modifier", [], token, "Deactivate")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Facilities.AnyAsync(f => f.Name == "Intrusion")));
        Assert.True(await factory.WithDbAsync(db => db.Facilities.Where(f => f.Id == facility).Select(f => f.IsActive).SingleAsync()));

        foreach (var role in new[] { Roles.Observatoire, Roles.EquipeMobile, Roles.MembreCommission, Roles.Administrateur, Roles.Dpo })
        {
            var client = await factory.LoginAsync(role);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/accueil")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/accueil/{facility}")).StatusCode);
        }
    }
}
