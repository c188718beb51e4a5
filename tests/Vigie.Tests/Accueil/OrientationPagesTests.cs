using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Accueil;

public sealed class OrientationPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(Vigie.Web.Platform.Web.ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime));

    private static string Iso(DateOnly day) => AccueilFixtures.Iso(day);

    private Dictionary<string, string> Form(Guid facility, string outcome = "Admis", DateOnly? start = null, string reason = "Mise à distance du réseau",
        bool confirm = false) => new()
    {
        ["Input.FacilityId"] = facility.ToString(), ["Input.ProposedOn"] = Iso(Today.AddDays(-2)), ["Input.Outcome"] = outcome,
        ["Input.StartOn"] = Iso(start ?? Today), ["Input.PlannedEndOn"] = "", ["Input.ActualEndOn"] = "", ["Input.Reason"] = reason, ["Input.EndReason"] = "",
        ["Input.ConfirmOverCapacity"] = confirm ? "true" : "false",
    };

    [Fact]
    public async Task A_professionnel_in_scope_orients_a_situation_and_it_shows_on_the_timeline_the_page_and_the_facility()
    {
        var org = await factory.CreateOrganisationAsync();
        var professional = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var client = await factory.LoginAsync(professional);
        var situation = await SituationFixtures.OpenAsync(factory, org, "Orientee", "Jade", new DateOnly(2010, 4, 2));
        var facility = await AccueilFixtures.FacilityAsync(factory, "STEP orientation", 8);

        var response = await Pages.PostFormAsync(client, $"/situations/{situation}/orientations", Form(facility, reason: "Éloignement du réseau de Lyon"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var orientation = await factory.WithDbAsync(db => db.Orientations.AsNoTracking().SingleAsync(o => o.SituationId == situation));
        Assert.Equal(OrientationOutcome.Admis, orientation.Outcome);
        Assert.Equal(Today, orientation.StartOn);
        Assert.Equal(Today.DayNumber, orientation.OccupiedFrom);
        Assert.DoesNotContain("Éloignement", orientation.ReasonEncrypted, StringComparison.Ordinal);
        var raw = await RawStore.ReadAsync(factory);
        Assert.DoesNotContain("Éloignement du réseau", Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create
            && e.RecordType == AuditRecordType.Orientation && e.RecordId == orientation.Id.ToString() && e.ActorId == professional.Id)));

        var list = await Pages.GetDocumentAsync(client, $"/situations/{situation}/orientations");
        Assert.Contains("Éloignement du réseau de Lyon", list.Text($"#orientation-{orientation.Id}"), StringComparison.Ordinal);
        var timeline = await Pages.GetDocumentAsync(client, $"/situations/{situation}/chronologie");
        Assert.Contains("Orientation proposée vers STEP orientation", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Arrivée à STEP orientation", timeline.Body!.TextContent, StringComparison.Ordinal);
        var fiche = await Pages.GetDocumentAsync(client, $"/situations/{situation}");
        Assert.Contains("STEP orientation", fiche.Text("#orientations"), StringComparison.Ordinal);
        var details = await Pages.GetDocumentAsync(client, $"/accueil/{facility}");
        Assert.Contains("1 pour 8 places", details.Text("#present-today"), StringComparison.Ordinal);
        Assert.Contains("Jade", details.Text("#orientations-en-cours"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Out_of_scope_users_get_404_and_the_facility_counts_without_naming()
    {
        var org = await factory.CreateOrganisationAsync();
        var situation = await SituationFixtures.OpenAsync(factory, org, "Ailleurs", "Nina", new DateOnly(2010, 6, 1));
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer portée", 8);
        var orientation = await AccueilFixtures.OrientationAsync(factory, situation, facility, Today.AddDays(-3), null);
        var stranger = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: await factory.CreateOrganisationAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/situations/{situation}/orientations")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/situations/{situation}/orientations/{orientation}")).StatusCode);
        var token = await Pages.TokenAsync(stranger, "/accueil");
        var post = await Pages.PostAsync(stranger, $"/situations/{situation}/orientations", Form(facility), token);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orientations.CountAsync(o => o.SituationId == situation)));

        var details = await Pages.GetDocumentAsync(stranger, $"/accueil/{facility}");
        Assert.DoesNotContain("Nina", details.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 autre orientation", details.Text("#out-of-scope"), StringComparison.Ordinal);
        Assert.Contains("1 pour 8 places", details.Text("#present-today"), StringComparison.Ordinal);

        // Coordination sees and may record everywhere.
        var coordination = await factory.LoginAsync(Roles.Coordination);
        details = await Pages.GetDocumentAsync(coordination, $"/accueil/{facility}");
        Assert.Contains("Nina", details.Text("#orientations-en-cours"), StringComparison.Ordinal);
        var response = await Pages.PostFormAsync(coordination, $"/situations/{situation}/orientations/{orientation}", new()
        {
            ["Input.ProposedOn"] = Iso(Today.AddDays(-3)), ["Input.Outcome"] = "Fugue", ["Input.StartOn"] = Iso(Today.AddDays(-3)),
            ["Input.ActualEndOn"] = Iso(Today.AddDays(-1)), ["Input.Reason"] = "Motif de test",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Orientations.AsNoTracking().SingleAsync(o => o.Id == orientation));
        Assert.Equal((OrientationOutcome.Fugue, Today.AddDays(-1).DayNumber), (stored.Outcome, stored.OccupiedUntil));
        var timeline = await Pages.GetDocumentAsync(coordination, $"/situations/{situation}/chronologie");
        Assert.Contains("Fugue de Foyer portée", timeline.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_over_capacity_warns_then_records_only_after_an_explicit_audited_confirmation()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(coordination);
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer une place", 1);
        var first = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Premiere", "Lou", new DateOnly(2010, 1, 1));
        await AccueilFixtures.OrientationAsync(factory, first, facility, Today.AddDays(-10), null);
        var second = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Seconde", "Ana", new DateOnly(2010, 1, 1));

        var response = await Pages.PostFormAsync(client, $"/situations/{second}/orientations", Form(facility, start: Today.AddDays(2), reason: "Urgence"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains($"2 jeunes pour 1 place à partir du {Today.AddDays(2):dd/MM/yyyy}", page.Text("#capacity-warning"), StringComparison.Ordinal);
        Assert.Equal("Urgence", page.Text("#Input_Reason"));
        Assert.Equal(Iso(Today.AddDays(2)), page.QuerySelector("#Input_StartOn")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Orientations.CountAsync(o => o.SituationId == second)));

        // Confirmed: recorded, and the confirmation is in the audit log.
        response = await Pages.PostFormAsync(client, $"/situations/{second}/orientations", Form(facility, start: Today.AddDays(2), reason: "Urgence", confirm: true));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var orientation = await factory.WithDbAsync(db => db.Orientations.AsNoTracking().SingleAsync(o => o.SituationId == second));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.CapacityExceededConfirmed
            && e.RecordId == orientation.Id.ToString() && e.ActorId == coordination.Id)));

        // A refusal takes no place: no warning.
        var third = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Troisieme", "Eva", new DateOnly(2010, 1, 1));
        var refused = Form(facility, outcome: "Refuse", reason: "Pas de place");
        refused["Input.StartOn"] = "";
        response = await Pages.PostFormAsync(client, $"/situations/{third}/orientations", refused);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.CapacityExceededConfirmed && e.ActorId == coordination.Id
            && e.RecordId != orientation.Id.ToString())));
    }

    [Fact]
    public async Task Invalid_orientation_input_is_refused_in_french_and_keeps_what_was_typed()
    {
        var org = await factory.CreateOrganisationAsync();
        var client = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: org));
        var situation = await SituationFixtures.OpenAsync(factory, org, "Invalide", "Zoe", new DateOnly(2010, 1, 1));
        var inactive = await AccueilFixtures.FacilityAsync(factory, "Foyer fermé", 5, active: false);
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer ouvert", 5);

        var form = Form(inactive, outcome: "FinDePriseEnCharge", reason: "Motif gardé");
        form["Input.ProposedOn"] = "31/02/2024";
        form["Input.ActualEndOn"] = Iso(Today.AddDays(5));
        var response = await Pages.PostFormAsync(client, $"/situations/{situation}/orientations", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("n'est plus actif", page.Text("#Input_FacilityId-error"), StringComparison.Ordinal);
        Assert.Contains("« 31/02/2024 » n'est pas valide", page.Text("#Input_ProposedOn-error"), StringComparison.Ordinal);
        Assert.Equal("31/02/2024", page.QuerySelector("#Input_ProposedOn")!.GetAttribute("value"));
        Assert.Equal("Motif gardé", page.Text("#Input_Reason"));
        Assert.NotNull(page.QuerySelector("#form-errors"));

        form = Form(facility, outcome: "FinDePriseEnCharge", reason: "Motif gardé");
        form["Input.ActualEndOn"] = Iso(Today.AddDays(5));
        response = await Pages.PostFormAsync(client, $"/situations/{situation}/orientations", form);
        page = await Pages.ParseAsync(response);
        Assert.Contains("dans le futur", page.Text("#Input_ActualEndOn-error"), StringComparison.Ordinal);
        Assert.Contains("motif de la fin", page.Text("#Input_EndReason-error"), StringComparison.Ordinal);
        Assert.Equal("FinDePriseEnCharge", page.QuerySelector("#Input_Outcome option[selected]")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Orientations.CountAsync(o => o.SituationId == situation)));
    }

    [Fact]
    public async Task An_emergency_access_reads_the_orientations_but_cannot_record_one()
    {
        var situation = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Urgence", "Mia", new DateOnly(2010, 1, 1));
        var facility = await AccueilFixtures.FacilityAsync(factory, "Foyer urgence", 5);
        var orientation = await AccueilFixtures.OrientationAsync(factory, situation, facility, Today.AddDays(-1), null);
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: await factory.CreateOrganisationAsync());
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            db.EmergencyAccesses.Add(new Vigie.Web.Features.Situations.EmergencyAccess
            {
                SituationId = situation, UserId = user.Id, JustificationEncrypted = "x", GrantedAt = now, ExpiresAt = now.AddHours(24),
            });
            await db.SaveChangesAsync();
        });
        var client = await factory.LoginAsync(user);

        var page = await Pages.GetDocumentAsync(client, $"/situations/{situation}/orientations");
        Assert.NotNull(page.QuerySelector("#read-only-notice"));
        Assert.NotNull(page.QuerySelector($"#orientation-{orientation}"));
        Assert.Null(page.QuerySelector("#Input_FacilityId"));
        var token = await Pages.TokenAsync(client, "/accueil");
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(client, $"/situations/{situation}/orientations", Form(facility), token)).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orientations.CountAsync(o => o.SituationId == situation)));
    }
}
