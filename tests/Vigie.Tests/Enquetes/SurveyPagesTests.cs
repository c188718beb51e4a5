using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Enquetes;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Enquetes;

/// <summary>
/// The survey pages over HTTP, one client per role. Campaign years are unique in Vigie: each test uses
/// its own years, so the tests of the class share one database.
/// </summary>
public sealed class SurveyPagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Answers(params string[] values) =>
        values.Select((v, i) => (Key: $"Input.Values[{i}]", v)).ToDictionary(p => p.Key, p => p.v);

    [Fact]
    public async Task A_new_campaign_is_prefilled_with_the_Lyon_questions_and_the_ASE_services()
    {
        var ase = await SurveyFixtures.OrganisationAsync(factory, "ASE Préremplie " + Guid.NewGuid().ToString("N")[..6]);
        var school = await SurveyFixtures.OrganisationAsync(factory, "Collège Préremplie " + Guid.NewGuid().ToString("N")[..6], OrganisationKind.EducationNationale);
        var coordination = await factory.LoginAsync(Roles.Coordination);

        var page = await Pages.GetDocumentAsync(coordination, "/enquetes/nouvelle");

        var labels = page.QuerySelectorAll("input[name$='.Label']").Select(i => i.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        Assert.Equal(
        [
            "Situations identifiées comme conduites prostitutionnelles",
            "Filles en situation de prostitution avérée au cours de l'année",
            "Garçons en situation de prostitution avérée au cours de l'année",
        ], labels);
        Assert.True(page.QuerySelector($"#Service_{ase}")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector($"#Service_{school}")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task A_campaign_is_checked_in_French_keeps_what_was_typed_and_is_unique_per_year()
    {
        var ase = await SurveyFixtures.OrganisationAsync(factory, "ASE Formulaire");
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var today = SurveyFixtures.ParisToday(factory);
        var fields = new Dictionary<string, string>
        {
            ["Input.Year"] = "deux mille", ["Input.Title"] = "Titre gardé", ["Input.OpensOn"] = Iso(today), ["Input.ClosesOn"] = Iso(today.AddDays(-3)),
            ["Input.Questions[0].Label"] = ReferenceQuestions.Lyon[0].Label, ["Input.Questions[0].Kind"] = "Nombre", ["Input.Questions[0].Key"] = ReferenceQuestions.SituationsIdentified,
            ["Input.Questions[1].Label"] = "Un partenariat avec la PJJ existe-t-il ?", ["Input.Questions[1].Kind"] = "OuiNon",
            ["Input.Services"] = ase.ToString(),
        };

        var response = await Pages.PostFormAsync(coordination, "/enquetes/nouvelle", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("Indiquez l'année", page.Text("#Input_Year-error"), StringComparison.Ordinal);
        Assert.Contains("ne peut précéder", page.Text("#Input_ClosesOn-error"), StringComparison.Ordinal);
        Assert.Equal("Titre gardé", page.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("deux mille", page.QuerySelector("#Input_Year")!.GetAttribute("value"));
        Assert.Equal("Un partenariat avec la PJJ existe-t-il ?", page.QuerySelector("#Input_Questions_1__Label")!.GetAttribute("value"));
        Assert.True(page.QuerySelector($"#Service_{ase}")!.HasAttribute("checked"));

        fields["Input.Year"] = "2011";
        fields["Input.ClosesOn"] = Iso(today.AddDays(20));
        response = await Pages.PostFormAsync(coordination, "/enquetes/nouvelle", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var campaign = await factory.WithDbAsync(db => db.SurveyCampaigns.Include(c => c.Questions).Include(c => c.Recipients).AsSplitQuery().SingleAsync(c => c.Year == 2011));
        Assert.Equal($"/enquetes/{campaign.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(CampaignStatus.Brouillon, campaign.Status);
        Assert.Equal([ReferenceQuestions.SituationsIdentified, null], campaign.Questions.OrderBy(q => q.Position).Select(q => q.Key));
        Assert.Equal([QuestionKind.Nombre, QuestionKind.OuiNon], campaign.Questions.OrderBy(q => q.Position).Select(q => q.Kind));
        Assert.Equal([ase], campaign.Recipients.Select(r => r.OrganisationId));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create
            && e.RecordType == AuditRecordType.SurveyCampaign && e.RecordId == campaign.Id.ToString())));

        response = await Pages.PostFormAsync(coordination, "/enquetes/nouvelle", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("existe déjà pour 2011", (await Pages.ParseAsync(response)).Text("#Input_Year-error"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_tells_the_services_users_and_only_they_open_the_answer_page()
    {
        var asked = await SurveyFixtures.OrganisationAsync(factory, "ASE Ouverture");
        var other = await SurveyFixtures.OrganisationAsync(factory, "ASE Non interrogée");
        var service = await factory.CreateUserAsync(Roles.Professionnel, organisationId: asked);
        var outsider = await factory.CreateUserAsync(Roles.Professionnel, organisationId: other);
        var campaign = await SurveyFixtures.CampaignAsync(factory, 2012, [asked], open: false);
        var serviceClient = await factory.LoginAsync(service);
        var outsiderClient = await factory.LoginAsync(outsider);
        var coordination = await factory.LoginAsync(Roles.Coordination);

        // A draft is not shown to its services.
        Assert.Equal(HttpStatusCode.NotFound, (await serviceClient.GetAsync($"/enquetes/{campaign}/reponse")).StatusCode);
        Assert.Null((await Pages.GetDocumentAsync(serviceClient, "/")).QuerySelector("nav a[href='/enquetes']"));

        var opened = await Pages.PostFormAsync(coordination, $"/enquetes/{campaign}", [], "Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        Assert.Equal(CampaignStatus.Ouverte, await factory.WithDbAsync(db => db.SurveyCampaigns.Where(c => c.Id == campaign).Select(c => c.Status).SingleAsync()));
        var notices = await factory.WithDbAsync(db => db.Notifications.Where(n => n.Link == $"/enquetes/{campaign}/reponse").Select(n => new { n.UserId, n.Kind }).ToListAsync());
        Assert.Contains(notices, n => n.UserId == service.Id && n.Kind == NotificationKind.SurveyOpened);
        Assert.DoesNotContain(notices, n => n.UserId == outsider.Id);

        var home = await Pages.GetDocumentAsync(serviceClient, "/");
        Assert.NotNull(home.QuerySelector("nav a[href='/enquetes']"));
        var list = await Pages.GetDocumentAsync(serviceClient, "/enquetes");
        Assert.NotNull(list.QuerySelector($"#enquetes-service a[href='/enquetes/{campaign}/reponse']"));
        var answer = await Pages.GetDocumentAsync(serviceClient, $"/enquetes/{campaign}/reponse");
        Assert.Equal("ASE Ouverture", answer.Text("#service"));

        // Anyone else: 404, the outsider's navigation has no survey link; Coordination manages it from its own page.
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderClient.GetAsync($"/enquetes/{campaign}/reponse")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordination.GetAsync($"/enquetes/{campaign}/reponse")).StatusCode);
        Assert.Null((await Pages.GetDocumentAsync(outsiderClient, "/")).QuerySelector("nav a[href='/enquetes']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderClient.GetAsync($"/enquetes/{campaign}")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SurveyOpened && e.RecordId == campaign.ToString())));
    }

    [Fact]
    public async Task A_service_saves_a_draft_then_submits_and_only_submitted_answers_count_in_the_result()
    {
        var first = await SurveyFixtures.OrganisationAsync(factory, "ASE Brouillon");
        var second = await SurveyFixtures.OrganisationAsync(factory, "ASE Envoi");
        var campaign = await SurveyFixtures.CampaignAsync(factory, 2013, [first, second], extra: [new QuestionDraft("Un référent est-il désigné ?", QuestionKind.OuiNon)]);
        var service = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: first));
        var url = $"/enquetes/{campaign}/reponse";

        var draft = await Pages.PostFormAsync(service, url, Answers("12", "", "", ""), "Save");
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var stored = await factory.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.CampaignId == campaign));
        Assert.Equal(ResponseStatus.Brouillon, stored.Status);
        Assert.Contains(stored.Answers, a => a.Number == 12);

        // Submitting needs every answer.
        var incomplete = await Pages.PostFormAsync(service, url, Answers("12", "3", "", "oui"), "Submit");
        Assert.Equal(HttpStatusCode.OK, incomplete.StatusCode);
        var page = await Pages.ParseAsync(incomplete);
        Assert.Contains("Répondez à la question « Garçons", page.Text("#Input_Values_2_-error"), StringComparison.Ordinal);
        Assert.Equal("3", page.QuerySelector("#Input_Values_1_")!.GetAttribute("value"));

        var coordination = await factory.LoginAsync(Roles.Coordination);
        var details = await Pages.GetDocumentAsync(coordination, $"/enquetes/{campaign}");
        Assert.Equal("0 sur 2", details.Text("#repondu")); // a draft does not count

        var sent = await Pages.PostFormAsync(service, url, Answers("12", "3", "1", "oui"), "Submit");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await SurveyFixtures.AnswerAsync(factory, campaign, second, situations: 7, girls: 2, boys: 0);

        details = await Pages.GetDocumentAsync(coordination, $"/enquetes/{campaign}");
        Assert.Equal("2 sur 2", details.Text("#repondu"));
        var sums = details.QuerySelectorAll("#resultats-table tbody tr").Select(r => r.QuerySelector("td:nth-of-type(2)")!.TextContent.Trim()).ToList();
        Assert.Equal(["19", "5", "1", "oui : 1, non : 1"], sums);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SurveySubmitted && e.RecordType == AuditRecordType.SurveyResponse)));
    }

    [Theory]
    [InlineData(2041, "5", "4", "3", "Input_Values_1_", "(4 + 3 = 7) ne peuvent dépasser les situations identifiées comme conduites prostitutionnelles (5)")]
    [InlineData(2042, "-1", "0", "0", "Input_Values_0_", "indiquez un nombre entier positif ou nul")]
    [InlineData(2043, "2,5", "0", "0", "Input_Values_0_", "indiquez un nombre entier positif ou nul")]
    [InlineData(2044, "dix", "0", "0", "Input_Values_0_", "indiquez un nombre entier positif ou nul")]
    public async Task Wrong_counts_are_refused_in_French_and_the_form_keeps_what_was_typed(int year, string situations, string girls, string boys, string field, string message)
    {
        var org = await SurveyFixtures.OrganisationAsync(factory, "ASE Contrôles " + situations);
        var campaign = await SurveyFixtures.CampaignAsync(factory, year, [org]);
        var service = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: org));

        var response = await Pages.PostFormAsync(service, $"/enquetes/{campaign}/reponse", Answers(situations, girls, boys), "Submit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        Assert.Equal([situations, girls, boys], Enumerable.Range(0, 3).Select(i => page.QuerySelector($"#Input_Values_{i}_")!.GetAttribute("value")));
        Assert.False(await factory.WithDbAsync(db => db.SurveyResponses.AnyAsync(r => r.CampaignId == campaign)));
    }

    [Fact]
    public async Task A_submitted_answer_can_be_changed_until_the_closing_day_then_no_more()
    {
        var org = await SurveyFixtures.OrganisationAsync(factory, "ASE Modification");
        var campaign = await SurveyFixtures.CampaignAsync(factory, 2014, [org], closesInDays: 2);
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var service = await factory.LoginAsync(user);
        var url = $"/enquetes/{campaign}/reponse";
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(service, url, Answers("10", "2", "1"), "Submit")).StatusCode);
        var submitted = await factory.WithDbAsync(db => db.SurveyResponses.SingleAsync(r => r.CampaignId == campaign));

        factory.Clock.Advance(TimeSpan.FromDays(2)); // the closing day itself (a new login: the idle session has ended)
        service = await factory.LoginAsync(user);
        var changed = await Pages.PostFormAsync(service, url, Answers("11", "2", "1"), "Save");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await factory.WithDbAsync(db => db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.CampaignId == campaign));
        Assert.Equal(ResponseStatus.Envoyee, after.Status);
        Assert.Equal(submitted.SubmittedAt, after.SubmittedAt);
        Assert.True(after.UpdatedAt > submitted.UpdatedAt);
        Assert.Contains(after.Answers, a => a.Number == 11);
        var page = await Pages.GetDocumentAsync(service, url);
        Assert.Contains("modifiée le", page.Text("#etat-reponse"), StringComparison.Ordinal);

        // A submitted answer cannot be emptied.
        var emptied = await Pages.PostFormAsync(service, url, Answers("11", "", "1"), "Save");
        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(1)); // the day after
        service = await factory.LoginAsync(user);
        page = await Pages.GetDocumentAsync(service, url);
        Assert.Null(page.QuerySelector("form button[formaction*='Save']"));
        Assert.Contains("close", page.Text("#etat-reponse"), StringComparison.Ordinal);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? await Pages.TokenAsync(service, "/compte/mot-de-passe");
        var late = await Pages.PostAsync(service, url, Answers("50", "2", "1"), token, "Save");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("close depuis", (await Pages.ParseAsync(late)).Text("#form-errors"), StringComparison.Ordinal);
        Assert.DoesNotContain(await factory.WithDbAsync(db => db.SurveyAnswers.Select(a => a.Number).ToListAsync()), n => n == 50);
    }

    [Fact]
    public async Task The_trend_shows_each_year_beside_the_observatory_new_situations()
    {
        var org = await SurveyFixtures.OrganisationAsync(factory, "ASE Tendance");
        var y1 = await SurveyFixtures.CampaignAsync(factory, 2015, [org]);
        var y2 = await SurveyFixtures.CampaignAsync(factory, 2016, [org]);
        await SurveyFixtures.AnswerAsync(factory, y1, org, situations: 17, girls: 5, boys: 1);
        await SurveyFixtures.AnswerAsync(factory, y2, org, situations: 96, girls: 30, boys: 8);
        await Observatoire.ObservatoryFixtures.AddAsync(factory, org, "Tendance",
            [new Observatoire.Minor("TendanceUn", new DateOnly(2001, 5, 1), new DateOnly(2016, 3, 1)), new Observatoire.Minor("TendanceDeux", new DateOnly(2001, 6, 1), new DateOnly(2016, 4, 1))]);
        var coordination = await factory.LoginAsync(Roles.Coordination);

        var page = await Pages.GetDocumentAsync(coordination, "/enquetes/tendance");

        var rows = page.QuerySelectorAll("#tendance-table tbody tr").Select(r => r.Children.Select(c => string.Join(' ', c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList())
            .Where(r => r[0].StartsWith("2015", StringComparison.Ordinal) || r[0].StartsWith("2016", StringComparison.Ordinal)).ToList();
        Assert.Equal(["2015 (en cours)", "1 sur 1", "17", "5", "1", "0"], rows[0]);
        Assert.Equal(["2016 (en cours)", "1 sur 1", "96", "30", "8", "2"], rows[1]);
        // The sentence compares the first and the last campaign (other tests of the class add years around these two).
        Assert.Matches(@"^De \d{4} à \d{4}, les situations identifiées par les services sont passées de [\d\s]+ à [\d\s]+\.$", page.Text("#tendance-phrase"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.LoginAsync(Roles.Observatoire)).GetAsync("/enquetes/tendance")).StatusCode);
    }

    [Fact]
    public async Task An_open_campaign_keeps_its_questions_and_answering_services_and_once_closed_takes_no_more_answers()
    {
        var answering = await SurveyFixtures.OrganisationAsync(factory, "ASE Déjà en cours");
        var added = await SurveyFixtures.OrganisationAsync(factory, "ASE Ajoutée");
        var campaign = await SurveyFixtures.CampaignAsync(factory, 2017, [answering]);
        await SurveyFixtures.AnswerAsync(factory, campaign, answering, 3, 1, 0, submit: false);
        var addedUser = await factory.CreateUserAsync(Roles.Professionnel, organisationId: added);
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var today = SurveyFixtures.ParisToday(factory);
        var url = $"/enquetes/{campaign}/modifier";

        var edit = await Pages.GetDocumentAsync(coordination, url);
        Assert.Null(edit.QuerySelector("input[name$='.Label']")); // questions shown, not editable
        Assert.True(edit.QuerySelector("#Input_Year")!.HasAttribute("readonly")); // and the year

        var fields = new Dictionary<string, string>
        {
            ["Input.Year"] = "2017", ["Input.Title"] = "Enquête 2017 (prolongée)", ["Input.OpensOn"] = Iso(today.AddDays(-1)), ["Input.ClosesOn"] = Iso(today.AddDays(60)),
            ["Input.Questions[0].Label"] = "Question glissée", ["Input.Questions[0].Kind"] = "Texte",
            ["Input.Services"] = added.ToString(),
        };
        var refused = await Pages.PostFormAsync(coordination, url, fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Pages.ParseAsync(refused);
        Assert.Contains("ne peut être retiré", page.Text("#Input_Services-error"), StringComparison.Ordinal);
        Assert.True(page.QuerySelector($"#Service_{answering}")!.HasAttribute("checked"));

        fields["Input.Services"] = $"{answering}";
        var all = new List<KeyValuePair<string, string>>(fields) { new("Input.Services", added.ToString()) };
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        all.Add(new("__RequestVerificationToken", token));
        var saved = await coordination.PostAsync(url, new FormUrlEncodedContent(all));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await factory.WithDbAsync(db => db.SurveyCampaigns.Include(c => c.Questions).Include(c => c.Recipients).AsSplitQuery().SingleAsync(c => c.Id == campaign));
        Assert.Equal("Enquête 2017 (prolongée)", stored.Title);
        Assert.Equal(3, stored.Questions.Count);
        Assert.DoesNotContain(stored.Questions, q => q.Label == "Question glissée");
        Assert.Equal(2, stored.Recipients.Count);
        Assert.True(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == addedUser.Id && n.Kind == NotificationKind.SurveyOpened)));

        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(coordination, $"/enquetes/{campaign}", [], "Close")).StatusCode);
        var service = await factory.LoginAsync(addedUser);
        var answer = await Pages.GetDocumentAsync(service, $"/enquetes/{campaign}/reponse");
        Assert.Contains("close", answer.Text("#etat-reponse"), StringComparison.Ordinal);
        Assert.Null(answer.QuerySelector("form.form"));
        Assert.Equal(HttpStatusCode.Redirect, (await coordination.GetAsync(url)).StatusCode); // a closed campaign is not edited
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SurveyClosed && e.RecordId == campaign.ToString())));
    }
}
