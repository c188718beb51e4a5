using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Annuaire;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Formation;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Platform;

/// <summary>
/// Every route × every role (and anonymous) → the expected status of a GET. A route added to Vigie
/// without a row here fails <see cref="Every_route_has_a_row_in_the_matrix"/>.
/// </summary>
public sealed class AccessMatrixTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private const string Anonymous = "Anonyme";
    private static readonly Expect Ok = new(HttpStatusCode.OK, null);
    private static readonly Expect Login = new(HttpStatusCode.Redirect, "/compte/connexion");
    private static readonly Expect StepUp = new(HttpStatusCode.Redirect, "/compte/confirmation");
    private static readonly Expect Forbidden = new(HttpStatusCode.Forbidden, null);
    private static readonly Expect NotFound = new(HttpStatusCode.NotFound, null);

    private static readonly string[] Everyone = [Anonymous, .. Roles.All];

    /// <summary>Route pattern → (path to request, expected status by role). Placeholders {org} and {user} are real ids.</summary>
    private static readonly Dictionary<string, (string Path, Func<string, Expect> Expected)> Matrix = new()
    {
        ["/"] = ("/", who => who == Anonymous ? Login : Ok),
        ["/health"] = ("/health", _ => Ok),
        ["/erreur/{code:int?}"] = ("/erreur/404", _ => NotFound),
        ["/installation"] = ("/installation", _ => NotFound), // accounts exist: the setup link is dead
        ["/compte/connexion"] = ("/compte/connexion", _ => Ok),
        ["/compte/code"] = ("/compte/code", _ => Login), // only after a correct password
        ["/compte/double-authentification"] = ("/compte/double-authentification", _ => Login), // idem
        ["/compte/deconnexion"] = ("/compte/deconnexion", who => who == Anonymous ? Login : Ok),
        ["/compte/mot-de-passe"] = ("/compte/mot-de-passe", who => who == Anonymous ? Login : Ok),
        ["/compte/confirmation"] = ("/compte/confirmation", who => who == Anonymous ? Login : Ok),
        ["/compte/activite"] = ("/compte/activite", who => who == Anonymous ? Login : Ok),
        ["/compte/codes-de-secours"] = ("/compte/codes-de-secours", who => who == Anonymous ? Login : StepUp),
        ["/administration/organisations"] = ("/administration/organisations", Only(Roles.Administrateur)),
        ["/administration/organisations/nouvelle"] = ("/administration/organisations/nouvelle", Only(Roles.Administrateur)),
        ["/administration/organisations/{id:guid}"] = ("/administration/organisations/{org}", Only(Roles.Administrateur)),
        ["/administration/utilisateurs"] = ("/administration/utilisateurs", Only(Roles.Administrateur)),
        ["/administration/utilisateurs/nouveau"] = ("/administration/utilisateurs/nouveau", Only(Roles.Administrateur)),
        ["/administration/utilisateurs/{id}"] = ("/administration/utilisateurs/{user}", Only(Roles.Administrateur)),
        ["/protection/journal"] = ("/protection/journal", Only(Roles.Dpo)),
        ["/situations"] = ("/situations", Situations),
        ["/situations/nouvelle"] = ("/situations/nouvelle", Situations),
        // A situation of the Coordination user's organisation: Coordination sees it; a Professionnel of another organisation gets 404.
        ["/situations/{id:guid}"] = ("/situations/{situation}", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/identite"] = ("/situations/{situation}/identite", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/partage"] = ("/situations/{situation}/partage", InScopeOfCoordinationOnly),
        // Emergency access is for Professionnels only, after a fresh code (Coordination already sees everything).
        ["/situations/acces-urgence"] = ("/situations/acces-urgence", who => who == Roles.Professionnel ? StepUp : who == Roles.Coordination ? Forbidden : Situations(who)),
        ["/notifications"] = ("/notifications", who => who == Anonymous ? Login : Ok),
        ["/situations/{id:guid}/etapes"] = ("/situations/{situation}/etapes", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/chronologie"] = ("/situations/{situation}/chronologie", InScopeOfCoordinationOnly),
        ["/echeances"] = ("/echeances", Situations),
        // The trame and its evaluations follow the situation's scope (two evaluations exist).
        ["/situations/{id:guid}/trame"] = ("/situations/{situation}/trame", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/trame/{section}"] = ("/situations/{situation}/trame/reperage", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/evaluations"] = ("/situations/{situation}/evaluations", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/evaluations/{number:int}"] = ("/situations/{situation}/evaluations/1", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/evaluations/comparer"] = ("/situations/{situation}/evaluations/comparer?de=1&a=2", InScopeOfCoordinationOnly),
        // The lexique: every signed-in role reads it (a starting term, the printable glossary and its PDF); Coordination edits it.
        ["/lexique"] = ("/lexique", SignedIn),
        ["/lexique/{key}"] = ("/lexique/michetonnage", SignedIn),
        ["/lexique/glossaire"] = ("/lexique/glossaire", SignedIn),
        ["/lexique/glossaire.pdf"] = ("/lexique/glossaire.pdf", SignedIn),
        ["/lexique/nouveau"] = ("/lexique/nouveau", Only(Roles.Coordination)),
        ["/lexique/{key}/modifier"] = ("/lexique/michetonnage/modifier", Only(Roles.Coordination)),
        ["/lexique/{key}/retirer"] = ("/lexique/michetonnage/retirer", Only(Roles.Coordination)),
        // The partners' directory: every signed-in role reads it; the Administrateur and Coordination keep it.
        ["/annuaire"] = ("/annuaire", SignedIn),
        ["/annuaire/{id:guid}"] = ("/annuaire/{entry}", SignedIn),
        ["/annuaire/nouvelle"] = ("/annuaire/nouvelle", DirectoryEditors),
        ["/annuaire/{id:guid}/modifier"] = ("/annuaire/{entry}/modifier", DirectoryEditors),
        ["/annuaire/{id:guid}/retirer"] = ("/annuaire/{entry}/retirer", DirectoryEditors),
        // Signalements follow their situation's scope (one draft of the fixture situation exists).
        ["/situations/{id:guid}/signalements"] = ("/situations/{situation}/signalements", InScopeOfCoordinationOnly),
        ["/signalements/{sid:guid}"] = ("/signalements/{signalement}", InScopeOfCoordinationOnly),
        ["/signalements/{sid:guid}/preuve"] = ("/signalements/{signalement}/preuve", InScopeOfCoordinationOnly),
        ["/signalements/{sid:guid}/suites"] = ("/signalements/{signalement}/suites", InScopeOfCoordinationOnly),
        ["/signalements/{sid:guid}/apercu"] = ("/signalements/{signalement}/apercu", InScopeOfCoordinationOnly),
        // The fixture draft was never sent: there is no PDF sent to download, even for Coordination.
        ["/signalements/{sid:guid}/preuve/pdf"] = ("/signalements/{signalement}/preuve/pdf", who => who == Roles.Coordination ? NotFound : InScopeOfCoordinationOnly(who)),
        // Commission actions and co-accompaniments (helper C): "Mes actions" for every role that may own one; the
        // fixture action belongs to an organisation without members and no named owner: only Coordination opens it.
        ["/actions"] = ("/actions", who => who == Anonymous ? Login : who is Roles.Professionnel or Roles.Coordination or Roles.MembreCommission or Roles.EquipeMobile ? Ok : Forbidden),
        ["/actions/{id:guid}"] = ("/actions/{action}", who => who == Anonymous ? Login : who == Roles.Coordination ? Ok : who is Roles.Professionnel or Roles.MembreCommission or Roles.EquipeMobile ? NotFound : Forbidden),
        ["/commission/actions"] = ("/commission/actions", Only(Roles.Coordination)),
        ["/commission/chiffres"] = ("/commission/chiffres", Only(Roles.Coordination)),
        // The fixture co-accompaniment is proposed: the mobile team sees it (minimal data) as Coordination does.
        ["/accompagnements"] = ("/accompagnements", who => who == Anonymous ? Login : who is Roles.Coordination or Roles.EquipeMobile ? Ok : Forbidden),
        ["/accompagnements/{id:guid}"] = ("/accompagnements/{accompaniment}", who => who == Anonymous ? Login : who is Roles.Coordination or Roles.EquipeMobile ? Ok : Forbidden),
        // Commission — sessions, requests, agenda, commitment, items. No matrix user is invited to the fixture's
        // published session: members and professionals get 404 on it and on its item (the item's situation is
        // another organisation's); Coordination sees everything.
        ["/commission"] = ("/commission", Commission),
        ["/commission/seances/nouvelle"] = ("/commission/seances/nouvelle", Only(Roles.Coordination)),
        ["/commission/seances/calendrier"] = ("/commission/seances/calendrier", Only(Roles.Coordination)),
        ["/commission/seances/{id:guid}"] = ("/commission/seances/{session}", CommissionCoordinationOnly),
        ["/commission/seances/{id:guid}/engagement"] = ("/commission/seances/{session}/engagement", CommissionCoordinationOnly),
        ["/commission/demandes"] = ("/commission/demandes", Only(Roles.Coordination)),
        ["/commission/engagement"] = ("/commission/engagement", Only(Roles.Coordination)),
        ["/commission/points/{itemId:guid}"] = ("/commission/points/{item}", CommissionCoordinationOnly),
        ["/situations/{id:guid}/commission"] = ("/situations/{situation}/commission", InScopeOfCoordinationOnly),
        // The import of historical situations and its templates: Coordination only (the commit asks for a code in its own form).
        ["/observatoire/import"] = ("/observatoire/import", Only(Roles.Coordination)),
        ["/observatoire/import/modele.{format}"] = ("/observatoire/import/modele.xlsx", Only(Roles.Coordination)),
        // An export asks for a fresh code first: the DPO is sent to the confirmation page.
        ["/protection/journal/export"] = ("/protection/journal/export", who => who == Roles.Dpo ? StepUp : Only(Roles.Dpo)(who)),
        // The pseudonymised extract: Coordination and the Observatoire role (the file itself, ?handler=Fichier, asks for a fresh code).
        // The dashboard: Coordination (exact) and the Observatoire role (protected); its exports and the yearly
        // report leave Vigie: a fresh code first.
        ["/observatoire"] = ("/observatoire", Observatory),
        ["/observatoire/export"] = ("/observatoire/export?annee=2025&format=csv", who => who is Roles.Coordination or Roles.Observatoire ? StepUp : Observatory(who)),
        ["/observatoire/rapport"] = ("/observatoire/rapport?annee=2025", who => who is Roles.Coordination or Roles.Observatoire ? StepUp : Observatory(who)),
        ["/observatoire/extrait"] = ("/observatoire/extrait", who => who == Anonymous ? Login : who is Roles.Coordination or Roles.Observatoire ? Ok : Forbidden),
        // The live session page is Coordination's. The fixture minutes are a draft and no matrix user is
        // invited: Coordination reads them (but there is no PDF of a draft); members and professionals get 404.
        ["/commission/seances/{id:guid}/en-seance"] = ("/commission/seances/{session}/en-seance", Only(Roles.Coordination)),
        ["/commission/seances/{id:guid}/compte-rendu"] = ("/commission/seances/{session}/compte-rendu",
            who => who == Roles.Coordination ? Ok : who is Roles.MembreCommission or Roles.Professionnel ? NotFound : Only(Roles.Coordination)(who)),
        // Enquêtes: the list for everyone signed in (Coordination's campaigns, or the user's own service's); managing
        // and the trend for Coordination. The fixture campaign is open and asks an organisation no matrix user belongs
        // to: its answer page is 404 for everyone (Coordination included: it reads the answers on the campaign's page).
        ["/enquetes"] = ("/enquetes", who => who == Anonymous ? Login : Ok),
        ["/enquetes/nouvelle"] = ("/enquetes/nouvelle", Only(Roles.Coordination)),
        ["/enquetes/tendance"] = ("/enquetes/tendance", Only(Roles.Coordination)),
        ["/enquetes/{id:guid}"] = ("/enquetes/{campaign}", Only(Roles.Coordination)),
        ["/enquetes/{id:guid}/modifier"] = ("/enquetes/{campaign}/modifier", Only(Roles.Coordination)),
        ["/enquetes/{id:guid}/reponse"] = ("/enquetes/{campaign}/reponse", who => who == Anonymous ? Login : NotFound),
        // Accueil: the facilities are read by those who orient (Professionnel) and Coordination, managed by Coordination;
        // the orientations of a situation follow its scope (the fixture situation is another organisation's).
        ["/accueil"] = ("/accueil", Situations),
        ["/accueil/nouveau"] = ("/accueil/nouveau", Only(Roles.Coordination)),
        ["/accueil/{id:guid}"] = ("/accueil/{facility}", Situations),
        ["/accueil/{id:guid}/modifier"] = ("/accueil/{facility}/modifier", Only(Roles.Coordination)),
        ["/situations/{id:guid}/orientations"] = ("/situations/{situation}/orientations", InScopeOfCoordinationOnly),
        ["/situations/{id:guid}/orientations/{orientationId:guid}"] = ("/situations/{situation}/orientations/{orientation}", InScopeOfCoordinationOnly),
        ["/commission/seances/{id:guid}/compte-rendu/pdf"] = ("/commission/seances/{session}/compte-rendu/pdf",
            who => who is Roles.Coordination or Roles.MembreCommission or Roles.Professionnel ? NotFound : Only(Roles.Coordination)(who)),
        // Formation: sessions, participants' names, imports and the duplicate review are Coordination's; the
        // figures (no name) are also the Observatoire role's, protected. One fixture session exists.
        ["/formation"] = ("/formation", Only(Roles.Coordination)),
        ["/formation/sessions/nouvelle"] = ("/formation/sessions/nouvelle", Only(Roles.Coordination)),
        ["/formation/sessions/{id:guid}"] = ("/formation/sessions/{training}", Only(Roles.Coordination)),
        ["/formation/sessions/{id:guid}/import"] = ("/formation/sessions/{training}/import", Only(Roles.Coordination)),
        ["/formation/modele.{format}"] = ("/formation/modele.csv", Only(Roles.Coordination)),
        ["/formation/personnes"] = ("/formation/personnes", Only(Roles.Coordination)),
        ["/formation/doublons"] = ("/formation/doublons", Only(Roles.Coordination)),
        ["/formation/chiffres"] = ("/formation/chiffres", Observatory),
    };

    /// <summary>A page of the fixture situation (another organisation's): Coordination sees it, a Professionnel gets 404.</summary>
    private static Expect InScopeOfCoordinationOnly(string who) =>
        who == Roles.Coordination ? Ok : who == Roles.Professionnel ? NotFound : Situations(who);

    private static Expect Commission(string who) =>
        who == Anonymous ? Login : who is Roles.Professionnel or Roles.Coordination or Roles.MembreCommission ? Ok : Forbidden;

    /// <summary>A commission record no matrix user is invited to: Coordination sees it, members and professionals get 404.</summary>
    private static Expect CommissionCoordinationOnly(string who) =>
        who is Roles.Professionnel or Roles.MembreCommission ? NotFound : Commission(who);

    private static Expect Observatory(string who) =>
        who == Anonymous ? Login : who is Roles.Coordination or Roles.Observatoire ? Ok : Forbidden;

    private static Expect Situations(string who) =>
        who == Anonymous ? Login : who is Roles.Professionnel or Roles.Coordination ? Ok : Forbidden;

    private static Expect SignedIn(string who) => who == Anonymous ? Login : Ok;

    private static Expect DirectoryEditors(string who) =>
        who == Anonymous ? Login : who is Roles.Administrateur or Roles.Coordination ? Ok : Forbidden;

    private static Func<string, Expect> Only(string role) =>
        who => who == Anonymous ? Login : who == role ? Ok : Forbidden;

    [Fact]
    public void Every_route_has_a_row_in_the_matrix()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .ToList();

        var missing = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        var stale = Matrix.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Routes sans ligne dans la matrice d'accès : " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "Lignes de la matrice sans route : " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_role_gets_the_expected_status_on_every_route()
    {
        var clients = new Dictionary<string, HttpClient> { [Anonymous] = factory.CreateBrowser() };
        TestUser? someone = null;
        foreach (var role in Roles.All)
        {
            someone = await factory.CreateUserAsync(role);
            clients[role] = await factory.LoginAsync(someone);
        }

        var org = await factory.CreateOrganisationAsync();
        var situation = await SituationFixtures.OpenAsync(factory, org, "Canari", "Matrice", new DateOnly(2011, 5, 6));
        var signalement = Guid.CreateVersion7();
        var directoryEntry = DirectoryEntry.Create(
            new DirectoryDetails("CPEF de la matrice", DirectoryKind.Cpef, null, null, null, null, null, null, "Lyon 7e", null, CommissionMembership.Aucun),
            [new ContactDetails("Contact de la matrice", null, null, null)], factory.Clock.GetUtcNow().UtcDateTime, someone!.Id);
        var entry = directoryEntry.Id;
        var commission = new CommissionFixture(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(),
            Guid.CreateVersion7(), Guid.CreateVersion7());
        var facilityId = Guid.Empty;
        var orientationId = Guid.Empty;
        var training = TrainingSession.Create(new DateOnly(2024, 3, 12), TrainingKind.Sensibilisation, "Éducateurs", "Coordination", "Métropole", 180,
            someone!.Id, factory.Clock.GetUtcNow().UtcDateTime);
        await factory.WithDbAsync(async db =>
        {
            // The commission: a published session (no one of the matrix is invited) with the fixture
            // situation on its agenda, a pending review request, draft minutes, an open action and a
            // proposed co-accompaniment.
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var cipher = factory.Services.GetRequiredService<FieldCipher>();
            db.CommissionSessions.Add(new CommissionSession
            {
                Id = commission.Session, Number = 1, Kind = SessionKind.Ordinaire, StartsAt = now.AddDays(7), CreatedAt = now,
                CreatedById = someone!.Id, AgendaPublishedAt = now,
            });
            db.ReviewRequests.Add(new ReviewRequest
            {
                Id = commission.Request, SituationId = situation, RequestedById = someone.Id, RequestedAt = now,
                ReasonEncrypted = cipher.Encrypt("Motif", ReviewRequest.ReasonPurpose), AskEncrypted = cipher.Encrypt("Attente", ReviewRequest.AskPurpose),
            });
            db.AgendaItems.Add(new AgendaItem { Id = commission.Item, SessionId = commission.Session, SituationId = situation, Position = 1, CreatedAt = now, UpdatedAt = now });
            db.SessionMinutes.Add(new SessionMinutes
            {
                Id = commission.Minutes, SessionId = commission.Session, ContentEncrypted = cipher.Encrypt("Compte rendu", SessionMinutes.ContentPurpose), CreatedAt = now, UpdatedAt = now, CreatedById = someone.Id, UpdatedById = someone.Id,
            });
            db.CommissionActions.Add(new CommissionAction
            {
                Id = commission.Action, AgendaItemId = commission.Item, SessionId = commission.Session, SituationId = situation,
                DescriptionEncrypted = cipher.Encrypt("Action", CommissionAction.DescriptionPurpose),
                OwnerOrganisationId = org, DueOn = new DateOnly(2030, 1, 1), CreatedAt = now, CreatedById = someone.Id,
            });
            db.Accompaniments.Add(new Accompaniment { Id = commission.Accompaniment, SituationId = situation, ProposedAt = now, ProposedById = someone.Id });
            db.TrainingSessions.Add(training);

            // Accueil: a facility and an orientation of the fixture situation to it.
            var facility = Facility.Create(new FacilityDetails("Foyer matrice", FacilityType.Mecs, null, null, 6, false, null), [], someone.Id, now);
            facilityId = facility.Id;
            db.Facilities.Add(facility);
            var orientation = Orientation.Create(situation, facility.Id, new OrientationDates(new DateOnly(2024, 1, 1), null, null, null),
                OrientationOutcome.EnAttente, cipher.Encrypt("Motif", Orientation.ReasonPurpose), null, someone.Id, now, new DateOnly(2024, 1, 2));
            orientationId = orientation.Id;
            db.Orientations.Add(orientation);

            db.DirectoryEntries.Add(directoryEntry);

            for (var number = 1; number <= 2; number++)
            {
                db.Evaluations.Add(new Evaluation { SituationId = situation, Number = number, ValidatedAt = factory.Clock.GetUtcNow().UtcDateTime, ValidatedById = someone!.Id });
            }

            db.Signalements.Add(new Web.Features.Signalements.Signalement
            {
                Id = signalement, SituationId = situation, Reference = "SIG-2000-999999", CreatedById = someone!.Id, UpdatedById = someone.Id,
                CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, UpdatedAt = factory.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });
        var campaign = await Enquetes.SurveyFixtures.CampaignAsync(factory, 2020, [await factory.CreateOrganisationAsync()]);
        var failures = new List<string>();
        foreach (var (route, (template, expected)) in Matrix)
        {
            var path = template.Replace("{org}", org.ToString(), StringComparison.Ordinal).Replace("{user}", someone!.Id, StringComparison.Ordinal)
                .Replace("{situation}", situation.ToString(), StringComparison.Ordinal).Replace("{signalement}", signalement.ToString(), StringComparison.Ordinal)
                .Replace("{session}", commission.Session.ToString(), StringComparison.Ordinal).Replace("{item}", commission.Item.ToString(), StringComparison.Ordinal)
                .Replace("{request}", commission.Request.ToString(), StringComparison.Ordinal).Replace("{minutes}", commission.Minutes.ToString(), StringComparison.Ordinal)
                .Replace("{action}", commission.Action.ToString(), StringComparison.Ordinal)
                .Replace("{accompaniment}", commission.Accompaniment.ToString(), StringComparison.Ordinal)
                .Replace("{campaign}", campaign.ToString(), StringComparison.Ordinal)
                .Replace("{facility}", facilityId.ToString(), StringComparison.Ordinal).Replace("{orientation}", orientationId.ToString(), StringComparison.Ordinal)
                .Replace("{training}", training.Id.ToString(), StringComparison.Ordinal)
                .Replace("{entry}", entry.ToString(), StringComparison.Ordinal);
            foreach (var who in Everyone)
            {
                var response = await clients[who].GetAsync(path);
                var want = expected(who);
                var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : null;
                if (response.StatusCode != want.Status || (want.Location is not null && location?.StartsWith(want.Location, StringComparison.Ordinal) != true))
                {
                    failures.Add($"{who} GET {path} → {(int)response.StatusCode} {location}, attendu {(int)want.Status} {want.Location}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Roles_without_the_right_cannot_post_to_protected_handlers()
    {
        var org = await factory.CreateOrganisationAsync();
        var target = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var posts = new[]
        {
            ("/administration/organisations/nouvelle", (string?)null, Roles.Administrateur),
            ($"/administration/organisations/{org}", "Deactivate", Roles.Administrateur),
            ($"/administration/utilisateurs/{target.Id}", "Deactivate", Roles.Administrateur),
            ($"/administration/utilisateurs/{target.Id}", "ResetMfa", Roles.Administrateur),
            ("/administration/utilisateurs/nouveau", null, Roles.Administrateur),
        };
        foreach (var role in Roles.All.Except([Roles.Administrateur]))
        {
            var client = await factory.LoginAsync(role);
            // A valid antiforgery token for this session, taken from a page the role may open.
            var token = await Pages.TokenAsync(client, "/compte/mot-de-passe");
            foreach (var (url, handler, _) in posts)
            {
                var response = await Pages.PostAsync(client, url, new() { ["Input.Name"] = "Intrusion" }, token, handler);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {url} {handler} → {(int)response.StatusCode}");
            }
        }

        var stillActive = await factory.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Id == target.Id).IsActive));
        Assert.True(stillActive);
    }

    private sealed record Expect(HttpStatusCode Status, string? Location);

    /// <summary>The ids of the commission's fixture records, for the {session}, {item}… placeholders.</summary>
    private sealed record CommissionFixture(Guid Session, Guid Item, Guid Request, Guid Minutes, Guid Action, Guid Accompaniment);
}
