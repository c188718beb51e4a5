using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

public sealed class LegalStepsPageTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>What a datetime-local input sends for this instant, Paris time.</summary>
    private static string Typed(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Paris).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Form(string kind, string at, string responsible, string recipient = "", string reference = "") => new()
    {
        ["Input.Kind"] = kind,
        ["Input.OccurredAt"] = at,
        ["Input.Recipient"] = recipient,
        ["Input.Reference"] = reference,
        ["Input.ResponsibleUserId"] = responsible,
    };

    private async Task<(TestUser Pro, HttpClient Client, Guid Situation, Guid Org)> SetUpAsync(string last = "Roux", string first = "Lina")
    {
        var org = await factory.CreateOrganisationAsync();
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var client = await factory.LoginAsync(pro);
        var situation = await SituationFixtures.OpenAsync(factory, org, last, first, new DateOnly(2010, 3, 4));
        return (pro, client, situation, org);
    }

    private Task<string> DisplayNameAsync(TestUser user) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync());

    /// <summary>The situation still has just that one step, not done.</summary>
    private async Task AssertOnlyStepStillOpenAsync(Guid situation, Guid step)
    {
        var (count, completedAt) = await factory.WithDbAsync(async db => (
            await db.LegalSteps.CountAsync(s => s.SituationId == situation),
            (await db.LegalSteps.AsNoTracking().SingleAsync(s => s.Id == step)).CompletedAt));
        Assert.Equal(1, count);
        Assert.Null(completedAt);
    }

    private static IHtmlTableRowElement Row(IHtmlDocument page, Guid stepId) =>
        (IHtmlTableRowElement)page.QuerySelector($"#etape-{stepId}")!;

    [Fact]
    public async Task A_professional_records_an_opp_sees_its_due_date_then_marks_it_done()
    {
        var (pro, client, id, _) = await SetUpAsync();
        var url = $"/situations/{id}/etapes";

        var empty = await Pages.GetDocumentAsync(client, url);
        Assert.Equal("Lina Roux", empty.Text("h1"));
        Assert.Equal("page", empty.QuerySelector(".situation-nav a[href$='/etapes']")!.GetAttribute("aria-current"));
        Assert.Equal(pro.Id, empty.QuerySelector("#Input_ResponsibleUserId option[selected]")!.GetAttribute("value"));

        var occurred = Now.AddHours(-1);
        var response = await Pages.PostFormAsync(client, url, Form("Opp", Typed(occurred), pro.Id, "Parquet des mineurs de Lyon", "PARQ-2025-0042"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var step = await factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(s => s.SituationId == id));
        Assert.Equal(LegalStepKind.Opp, step.Kind);
        Assert.Equal(pro.Id, step.ResponsibleUserId);
        Assert.DoesNotContain("PARQ", step.ExternalReferenceEncrypted!, StringComparison.Ordinal);
        // The situation carries its earliest open due date, for the list's overdue filter.
        Assert.Equal(step.DueAt, await factory.WithDbAsync(db => db.Situations.Where(s => s.Id == id).Select(s => s.NextDueAt).SingleAsync()));
        var localDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(occurred, Paris));
        var expectedDue = localDay.AddDays(8).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) + " à 23:59";

        var page = await Pages.GetDocumentAsync(client, url);
        var row = Row(page, step.Id);
        Assert.Contains("Ordonnance de placement provisoire", row.Cells[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Parquet des mineurs de Lyon", row.Cells[2].TextContent.Trim());
        Assert.Equal("PARQ-2025-0042", row.Cells[3].TextContent.Trim());
        Assert.Contains(expectedDue, row.Cells[4].TextContent, StringComparison.Ordinal);
        Assert.Contains("Saisine du juge des enfants (8 jours)", row.Cells[4].TextContent, StringComparison.Ordinal);
        Assert.Equal(await DisplayNameAsync(pro), row.Cells[5].TextContent.Trim());
        Assert.Contains("À faire", row.Cells[6].TextContent, StringComparison.Ordinal);

        var done = await Pages.PostFormAsync(client, url, new() { ["stepId"] = step.Id.ToString() }, handler: "Complete");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        page = await Pages.GetDocumentAsync(client, url);
        Assert.Matches($@"Faite\s+le \d{{2}}/\d{{2}}/\d{{4}} à \d{{2}}:\d{{2}}, par {await DisplayNameAsync(pro)}", Row(page, step.Id).Cells[6].TextContent);
        Assert.Null(Row(page, step.Id).QuerySelector("form"));
        Assert.Null(await factory.WithDbAsync(db => db.Situations.Where(s => s.Id == id).Select(s => s.NextDueAt).SingleAsync()));

        var (completedBy, events, audits) = await factory.WithDbAsync(async db => (
            (await db.LegalSteps.SingleAsync(s => s.Id == step.Id)).CompletedById,
            await db.SituationEvents.Where(e => e.SituationId == id).OrderBy(e => e.Id).Select(e => e.Kind + ":" + e.Detail).ToListAsync(),
            await db.AuditEntries.Where(e => e.RecordType == AuditRecordType.LegalStep && e.RecordId == step.Id.ToString()).Select(e => e.Action).ToListAsync()));
        Assert.Equal(pro.Id, completedBy);
        Assert.Equal(["etape:Opp", "etape-faite:Opp"], events);
        Assert.Equal(2, audits.Count);
        Assert.Contains(AuditAction.Create, audits);
        Assert.Contains(AuditAction.Update, audits);
        var reads = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == AuditRecordType.SituationSteps && e.RecordId == id.ToString() && e.ActorId == pro.Id));
        Assert.True(reads >= 3, $"lectures auditées : {reads}");
    }

    [Fact]
    public async Task Bad_input_is_refused_in_french_beside_each_field_and_what_was_typed_is_kept()
    {
        var (pro, client, id, _) = await SetUpAsync("Garnier", "Sofia");
        var url = $"/situations/{id}/etapes";

        var response = await Pages.PostFormAsync(client, url, Form("", "31/02/2025 10:00", pro.Id, "<b>Juge</b> des enfants", "REF <script>"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Equal("Choisissez le type d'étape.", page.Text("#Input_Kind-error"));
        Assert.Contains("« 31/02/2025 10:00 » n'est pas valide", page.Text("#Input_OccurredAt-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_Kind")!.GetAttribute("aria-invalid"));
        Assert.Equal("true", page.QuerySelector("#Input_OccurredAt")!.GetAttribute("aria-invalid"));
        Assert.Equal("31/02/2025 10:00", page.QuerySelector("#Input_OccurredAt")!.GetAttribute("value"));
        Assert.Equal("<b>Juge</b> des enfants", page.QuerySelector("#Input_Recipient")!.GetAttribute("value"));
        Assert.Equal("REF <script>", page.QuerySelector("#Input_Reference")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main b, main script"));

        var future = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, Form("Opp", Typed(Now.AddDays(2)), pro.Id)));
        Assert.Contains("ne peut pas être dans le futur", future.Text("#Input_OccurredAt-error"), StringComparison.Ordinal);
        Assert.Equal("Opp", future.QuerySelector("#Input_Kind option[selected]")!.GetAttribute("value"));
        Assert.Equal(Typed(Now.AddDays(2))[..10], future.QuerySelector("#Input_OccurredAt")!.GetAttribute("value")![..10]);

        var pastRevoyure = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, Form("RevoyureCommission", Typed(Now.AddDays(-1)), pro.Id)));
        Assert.Equal("La date de revoyure doit être dans le futur.", pastRevoyure.Text("#Input_OccurredAt-error"));

        var missingDate = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, Form("RevoyureCommission", "", pro.Id)));
        Assert.Equal("Indiquez la date de revoyure fixée par la commission.", missingDate.Text("#Input_OccurredAt-error"));

        var unknownKind = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, Form("42", Typed(Now.AddHours(-2)), pro.Id)));
        Assert.Contains("Ce type d'étape n'existe pas", unknownKind.Text("#Input_Kind-error"), StringComparison.Ordinal);

        var tooLong = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, Form("Signalement", Typed(Now.AddHours(-2)), pro.Id, new string('x', 201))));
        Assert.Equal("Le destinataire fait 200 caractères au plus.", tooLong.Text("#Input_Recipient-error"));

        // Someone of another organisation, who cannot see the situation, cannot be made responsible.
        var stranger = await factory.CreateUserAsync(Roles.Professionnel);
        var wrongPerson = await Pages.ParseAsync(await Pages.PostFormAsync(client, url, Form("Opp", Typed(Now.AddHours(-2)), stranger.Id)));
        Assert.Equal("Choisissez la personne responsable dans la liste.", wrongPerson.Text("#Input_ResponsibleUserId-error"));
        Assert.Null(wrongPerson.QuerySelector($"#Input_ResponsibleUserId option[value='{stranger.Id}']"));

        var stored = await factory.WithDbAsync(db => db.LegalSteps.CountAsync(s => s.SituationId == id));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task A_revoyure_is_due_on_the_date_typed_and_a_colleague_can_be_made_responsible()
    {
        var (pro, client, id, org) = await SetUpAsync("Morel", "Jade");
        var colleague = await factory.CreateUserAsync(Roles.Coordination, organisationId: org);
        var inactive = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var dpo = await factory.CreateUserAsync(Roles.Dpo, organisationId: org);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == inactive.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        var url = $"/situations/{id}/etapes";

        var form = await Pages.GetDocumentAsync(client, url);
        var choices = form.QuerySelectorAll("#Input_ResponsibleUserId option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(pro.Id, choices);
        Assert.Contains(colleague.Id, choices);
        Assert.DoesNotContain(inactive.Id, choices);
        Assert.DoesNotContain(dpo.Id, choices);

        var typed = Typed(Now.AddDays(40));
        var response = await Pages.PostFormAsync(client, url, Form("RevoyureCommission", typed, colleague.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var step = await factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(s => s.SituationId == id));
        Assert.Equal(colleague.Id, step.ResponsibleUserId);
        Assert.Equal(typed, Typed(DateTime.SpecifyKind(step.DueAt!.Value, DateTimeKind.Utc)));
        Assert.True(step.OccurredAt <= Now);

        // The colleague is told, in words that say nothing of the minor; the author is not.
        var notices = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == colleague.Id || n.UserId == pro.Id).ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal(colleague.Id, notice.UserId);
        Assert.Equal("/echeances", notice.Link);
        Assert.DoesNotContain("Morel", notice.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jade", notice.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_step_past_its_due_date_shows_as_overdue_in_words()
    {
        var (pro, client, id, _) = await SetUpAsync("Petit", "Nora");
        var url = $"/situations/{id}/etapes";
        await Pages.PostFormAsync(client, url, Form("MiseAlAbri", Typed(Now.AddHours(-1)), pro.Id));
        var step = await factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(s => s.SituationId == id));
        Assert.Contains("À faire", Row(await Pages.GetDocumentAsync(client, url), step.Id).Cells[6].TextContent, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromHours(72));
        client = await factory.LoginAsync(pro); // the session ended while the clock moved on

        var row = Row(await Pages.GetDocumentAsync(client, url), step.Id);
        Assert.Contains("En retard", row.Cells[6].TextContent, StringComparison.Ordinal);
        Assert.Contains("step--overdue", row.ClassName, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector("form button"));
    }

    [Fact]
    public async Task A_situation_out_of_scope_is_a_404_for_reading_recording_and_completing()
    {
        var (pro, client, id, _) = await SetUpAsync("Faure", "Léa");
        var url = $"/situations/{id}/etapes";
        await Pages.PostFormAsync(client, url, Form("Opp", Typed(Now.AddHours(-1)), pro.Id));
        var step = await factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(s => s.SituationId == id));
        var outsider = await factory.LoginAsync(Roles.Professionnel);
        var token = await Pages.TokenAsync(outsider, "/situations/nouvelle");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        var record = await Pages.PostAsync(outsider, url, Form("Signalement", Typed(Now.AddHours(-1)), pro.Id), token);
        var complete = await Pages.PostAsync(outsider, url, new() { ["stepId"] = step.Id.ToString() }, token, "Complete");

        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, complete.StatusCode);
        await AssertOnlyStepStillOpenAsync(id, step.Id);

        // A step of another situation cannot be completed through this one.
        var (_, otherClient, otherId, _) = await SetUpAsync("Blanc", "Anaïs");
        var through = await Pages.PostFormAsync(otherClient, $"/situations/{otherId}/etapes", new() { ["stepId"] = step.Id.ToString() }, handler: "Complete");
        Assert.Equal(HttpStatusCode.NotFound, through.StatusCode);
    }

    [Fact]
    public async Task A_closed_situation_shows_its_steps_read_only()
    {
        var (pro, client, id, _) = await SetUpAsync("Lambert", "Chloé");
        var url = $"/situations/{id}/etapes";
        await Pages.PostFormAsync(client, url, Form("Opp", Typed(Now.AddHours(-1)), pro.Id));
        var token = await Pages.TokenAsync(client, url);
        var step = await factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(s => s.SituationId == id));
        await factory.WithDbAsync(async db =>
        {
            (await db.Situations.SingleAsync(s => s.Id == id)).Close(ClosureReason.Majorite, Now);
            await db.SaveChangesAsync();
        });

        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Contains("lecture seule", page.Text("#closed-notice"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.NotNull(page.QuerySelector($"#etape-{step.Id}"));

        var record = await Pages.ParseAsync(await Pages.PostAsync(client, url, Form("Signalement", Typed(Now.AddHours(-1)), pro.Id), token));
        var complete = await Pages.ParseAsync(await Pages.PostAsync(client, url, new() { ["stepId"] = step.Id.ToString() }, token, "Complete"));

        Assert.Contains("La situation est clôturée", record.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Contains("La situation est clôturée", complete.Text("#form-errors"), StringComparison.Ordinal);
        await AssertOnlyStepStillOpenAsync(id, step.Id);
    }
}
