using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Notifications;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Situations;

public sealed class EmergencyAccessTests(MailFolderFactory factory) : IClassFixture<MailFolderFactory>
{
    private const string Url = "/situations/acces-urgence";
    private const string Justification = "Fugue cette nuit, repérée à la gare avec un adulte inconnu : mise à l'abri en cours";

    private static Dictionary<string, string> Form(string last, string first, string birth, string justification) => new()
    {
        ["Input.LastName"] = last,
        ["Input.FirstName"] = first,
        ["Input.BirthDate"] = birth,
        ["Input.Justification"] = justification,
    };

    /// <summary>Logs in, meets the step-up on the way to the page, types a fresh code.</summary>
    private async Task<HttpClient> ConfirmedAsync(TestUser user)
    {
        var client = await factory.LoginAsync(user);
        var first = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var confirmation = first.Headers.Location!.OriginalString;
        Assert.Equal("/compte/confirmation?retour=%2Fsituations%2Facces-urgence", confirmation);
        var confirmed = await Pages.ParseAsync(await Pages.PostFormAsync(client, confirmation, new() { ["Code"] = factory.NextCode(user) }));
        Assert.Equal(Url, confirmed.QuerySelector("a#continue")!.GetAttribute("href"));
        return client;
    }

    private Task<int> AccessCountAsync(string userId) =>
        factory.WithDbAsync(db => db.EmergencyAccesses.CountAsync(e => e.UserId == userId));

    [Fact]
    public async Task Emergency_access_opens_the_situation_for_24_hours_and_warns_coordination_and_the_dpo()
    {
        const string canary = "Canarigence";
        var other = await factory.CreateOrganisationAsync();
        var id = await SituationFixtures.OpenAsync(factory, other, canary, "Éloïse", new DateOnly(2009, 11, 30));
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var dpo = await factory.CreateUserAsync(Roles.Dpo);
        var gone = await factory.CreateUserAsync(Roles.Coordination);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == gone.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        var pro = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await ConfirmedAsync(pro);
        await Pages.GetDocumentAsync(client, $"/situations/{id}", HttpStatusCode.NotFound);

        // Typed as people type: other case, no accents.
        var response = await Pages.PostFormAsync(client, Url, Form(canary.ToUpperInvariant(), "eloise", "2009-11-30", Justification));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/situations/{id}", response.Headers.Location!.OriginalString);
        var page = await Pages.GetDocumentAsync(client, $"/situations/{id}");
        Assert.Contains("Accès d'urgence jusqu'au", page.Text("#reach"), StringComparison.Ordinal);
        Assert.Contains("(justifié)", page.Text("#reach"), StringComparison.Ordinal);
        Assert.NotNull((await Pages.GetDocumentAsync(client, "/situations")).QuerySelector($"a[href='/situations/{id}']"));

        var access = await factory.WithDbAsync(db => db.EmergencyAccesses.AsNoTracking().SingleAsync(e => e.UserId == pro.Id));
        Assert.Equal(id, access.SituationId);
        Assert.Equal(EmergencyAccess.Duration, access.ExpiresAt - access.GrantedAt);
        Assert.DoesNotContain("Fugue", access.JustificationEncrypted, StringComparison.Ordinal);
        Assert.Equal(Justification, factory.Services.GetRequiredService<FieldCipher>().Decrypt(access.JustificationEncrypted, EmergencyAccess.JustificationPurpose));
        Assert.True(await factory.WithDbAsync(db => db.SituationEvents.AnyAsync(e => e.SituationId == id && e.Kind == SituationEventKind.EmergencyAccess && e.ActorId == pro.Id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditAction.EmergencyAccess && e.ActorId == pro.Id && e.RecordId == id.ToString() && e.Outcome == AuditOutcome.Success)));

        // Coordination and the DPO: an in-app notice and an e-mail each, without the child's name or the justification.
        foreach (var warned in new[] { coordination, dpo })
        {
            var notification = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == warned.Id));
            Assert.Equal(NotificationKind.EmergencyAccess, notification.Kind);
            Assert.Equal($"/situations/{id}", notification.Link);
            var mail = Assert.Single(factory.MailsTo(warned.Email));
            Assert.Contains("Une action vous attend dans Vigie.", mail.TextBody, StringComparison.Ordinal);
            foreach (var secret in new[] { canary, "Éloïse", "Eloise", "Fugue", "2009" })
            {
                Assert.DoesNotContain(secret, mail.TextBody + mail.Subject, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.All(factory.Mails(), raw => Assert.DoesNotContain(canary, raw, StringComparison.OrdinalIgnoreCase));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == gone.Id || n.UserId == pro.Id)));
        Assert.Empty(factory.MailsTo(gone.Email));

        // 24 hours and a minute later the situation is gone again (a new session: the old one has idled out).
        factory.Clock.Advance(EmergencyAccess.Duration + TimeSpan.FromMinutes(1));
        var later = await factory.LoginAsync(pro);
        await Pages.GetDocumentAsync(later, $"/situations/{id}", HttpStatusCode.NotFound);
        Assert.Null((await Pages.GetDocumentAsync(later, "/situations")).QuerySelector($"a[href='/situations/{id}']"));
    }

    [Fact]
    public async Task Emergency_access_needs_a_justification_and_keeps_what_was_typed()
    {
        var other = await factory.CreateOrganisationAsync();
        await SituationFixtures.OpenAsync(factory, other, "Canarijustif", "Inès", new DateOnly(2011, 1, 2));
        var pro = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await ConfirmedAsync(pro);

        var missing = await Pages.ParseAsync(await Pages.PostFormAsync(client, Url, Form("Canarijustif", "Inès", "2011-01-02", "")));
        Assert.Contains("Justifiez l'accès d'urgence", missing.Text("#Input_Justification-error"), StringComparison.Ordinal);

        var tooShort = await Pages.ParseAsync(await Pages.PostFormAsync(client, Url, Form("Canarijustif", "Inès", "2011-01-02", "urgent !")));
        Assert.Contains("20 caractères au moins", tooShort.Text("#Input_Justification-error"), StringComparison.Ordinal);
        Assert.Equal("true", tooShort.QuerySelector("#Input_Justification")!.GetAttribute("aria-invalid"));
        Assert.Equal("Canarijustif", tooShort.QuerySelector("#Input_LastName")!.GetAttribute("value"));
        Assert.Equal("Inès", tooShort.QuerySelector("#Input_FirstName")!.GetAttribute("value"));
        Assert.Equal("2011-01-02", tooShort.QuerySelector("#Input_BirthDate")!.GetAttribute("value"));
        Assert.Equal("urgent !", tooShort.QuerySelector("#Input_Justification")!.TextContent);

        var future = await Pages.ParseAsync(await Pages.PostFormAsync(client, Url, Form("Canarijustif", "Inès", "2099-01-02", Justification)));
        Assert.Contains("dans le futur", future.Text("#Input_BirthDate-error"), StringComparison.Ordinal);

        var empty = await Pages.ParseAsync(await Pages.PostFormAsync(client, Url, Form("", "", "", Justification)));
        Assert.Contains("Indiquez le nom du mineur.", empty.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Contains("Indiquez la date de naissance.", empty.Text("#form-errors"), StringComparison.Ordinal);

        Assert.Equal(0, await AccessCountAsync(pro.Id));
    }

    [Fact]
    public async Task A_step_up_that_expires_while_typing_is_asked_again_in_the_form_without_losing_anything()
    {
        var other = await factory.CreateOrganisationAsync();
        var id = await SituationFixtures.OpenAsync(factory, other, "Canarilent", "Maya", new DateOnly(2010, 7, 8));
        var pro = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await ConfirmedAsync(pro);
        var token = await Pages.TokenAsync(client, Url);
        factory.Clock.Advance(TimeSpan.FromMinutes(6));

        var asked = await Pages.ParseAsync(await Pages.PostAsync(client, Url, Form("Canarilent", "Maya", "2010-07-08", Justification), token));
        Assert.Contains("confirmation a expiré", asked.Text("#Input_Code-error"), StringComparison.Ordinal);
        Assert.Equal(Justification, asked.QuerySelector("#Input_Justification")!.TextContent);
        Assert.Equal(0, await AccessCountAsync(pro.Id));

        var wrong = await Pages.ParseAsync(await Pages.PostAsync(client, Url,
            new(Form("Canarilent", "Maya", "2010-07-08", Justification)) { ["Input.Code"] = "000000" }, token));
        Assert.Contains("Code incorrect", wrong.Text("#Input_Code-error"), StringComparison.Ordinal);

        var granted = await Pages.PostAsync(client, Url,
            new(Form("Canarilent", "Maya", "2010-07-08", Justification)) { ["Input.Code"] = factory.NextCode(pro) }, token);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal($"/situations/{id}", granted.Headers.Location!.OriginalString);
        Assert.Equal(1, await AccessCountAsync(pro.Id));
    }

    [Fact]
    public async Task No_match_says_nothing_about_what_exists_and_is_audited()
    {
        var pro = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await ConfirmedAsync(pro);

        var page = await Pages.ParseAsync(await Pages.PostFormAsync(client, Url, Form("Inconnue", "Personne", "2012-12-12", Justification)));

        Assert.Contains("Aucun dossier ne peut être ouvert avec ces informations.", page.Text("#no-match"), StringComparison.Ordinal);
        Assert.Equal(0, await AccessCountAsync(pro.Id));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e =>
            e.Action == AuditAction.EmergencyAccess && e.ActorId == pro.Id && e.RecordType == AuditRecordType.EmergencyAccess && e.Outcome == AuditOutcome.Failure)));
    }

    [Fact]
    public async Task A_situation_already_in_scope_just_opens_and_several_matches_are_all_granted_and_listed()
    {
        var mine = await factory.CreateOrganisationAsync();
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: mine);
        var own = await SituationFixtures.OpenAsync(factory, mine, "Canarisienne", "Lou", new DateOnly(2012, 4, 5));
        var client = await ConfirmedAsync(pro);
        var coordination = await factory.CreateUserAsync(Roles.Coordination);

        var direct = await Pages.PostFormAsync(client, Url, Form("Canarisienne", "Lou", "2012-04-05", Justification));
        Assert.Equal($"/situations/{own}", direct.Headers.Location!.OriginalString);
        Assert.Equal(0, await AccessCountAsync(pro.Id));
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == coordination.Id)));

        var first = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Canarijumelle", "Zoé", new DateOnly(2011, 6, 7));
        var second = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Canarijumelle", "Zoé", new DateOnly(2011, 6, 7));
        var listed = await Pages.ParseAsync(await Pages.PostFormAsync(client, Url, Form("Canarijumelle", "Zoé", "2011-06-07", Justification)));

        Assert.NotNull(listed.QuerySelector($"#matches ~ .table-wrap a[href='/situations/{first}']"));
        Assert.NotNull(listed.QuerySelector($"#matches ~ .table-wrap a[href='/situations/{second}']"));
        var granted = await factory.WithDbAsync(db => db.EmergencyAccesses.Where(e => e.UserId == pro.Id).Select(e => e.SituationId).ToListAsync());
        Assert.Equal(new[] { first, second }.Order(), granted.Order());
        Assert.Equal(2, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == coordination.Id)));
        await Pages.GetDocumentAsync(client, $"/situations/{second}");
    }

    [Fact]
    public async Task The_page_is_linked_from_the_list_and_from_the_duplicate_warning()
    {
        var pro = await factory.CreateUserAsync(Roles.Professionnel);
        var client = await factory.LoginAsync(pro);
        Assert.NotNull((await Pages.GetDocumentAsync(client, "/situations")).QuerySelector($"a[href='{Url}']"));

        await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Canaridoublon", "Nina", new DateOnly(2010, 5, 5));
        var warning = await Pages.ParseAsync(await Pages.PostFormAsync(client, "/situations/nouvelle", new()
        {
            ["Input.LastName"] = "Canaridoublon", ["Input.FirstName"] = "Nina", ["Input.BirthDate"] = "2010-05-05", ["Input.Sex"] = "Fille",
        }));
        Assert.Equal(Url, warning.QuerySelector("#duplicate-warning a#emergency-link")!.GetAttribute("href"));

        var coordination = await factory.LoginAsync(Roles.Coordination);
        Assert.Null((await Pages.GetDocumentAsync(coordination, "/situations")).QuerySelector($"a[href='{Url}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordination.GetAsync(Url)).StatusCode);
    }
}
