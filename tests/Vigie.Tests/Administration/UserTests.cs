using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Administration;

public sealed class UserTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private async Task<(HttpClient Admin, Guid Organisation)> AdminAsync()
    {
        var org = await factory.CreateOrganisationAsync();
        return (await factory.LoginAsync(Roles.Administrateur), org);
    }

    [Fact]
    public async Task New_user_gets_a_one_time_password_then_enrols_mfa_and_must_choose_a_password()
    {
        var (admin, org) = await AdminAsync();

        var response = await Pages.PostFormAsync(admin, "/administration/utilisateurs/nouveau", new()
        {
            ["Input.DisplayName"] = "Chloé Bernard",
            ["Input.Email"] = "chloe.bernard@mecs.test",
            ["Input.JobTitle"] = "Éducatrice spécialisée",
            ["Input.OrganisationId"] = org.ToString(),
            ["Input.Roles"] = Roles.Professionnel,
        });
        var page = await Pages.ParseAsync(response);
        var temporary = page.Text("#temporary-password");
        Assert.Matches("^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$", temporary);

        var client = factory.CreateBrowser();
        var login = await Pages.PostFormAsync(client, "/compte/connexion", new() { ["Email"] = "chloe.bernard@mecs.test", ["Password"] = temporary });
        Assert.Equal("/compte/double-authentification", login.Headers.Location!.OriginalString);
        var key = (await Pages.GetDocumentAsync(client, "/compte/double-authentification")).Text("#totp-key").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Pages.PostFormAsync(client, "/compte/double-authentification", new() { ["Code"] = factory.NextCode(key) });

        // Every page leads to the password change until it is done.
        var gated = await client.GetAsync("/compte/activite");
        Assert.Equal("/compte/mot-de-passe", gated.Headers.Location!.OriginalString);
        var changed = await Pages.PostFormAsync(client, "/compte/mot-de-passe", new()
        {
            ["Input.Current"] = temporary,
            ["Input.New"] = "la marée monte sur le quai",
            ["Input.Confirm"] = "la marée monte sur le quai",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/compte/activite")).StatusCode);
    }

    [Fact]
    public async Task Duplicate_email_and_missing_role_are_refused_and_the_form_is_kept()
    {
        var (admin, org) = await AdminAsync();
        var existing = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);

        var response = await Pages.PostFormAsync(admin, "/administration/utilisateurs/nouveau", new()
        {
            ["Input.DisplayName"] = "Homonyme",
            ["Input.Email"] = existing.Email,
            ["Input.OrganisationId"] = org.ToString(),
        });
        var page = await Pages.ParseAsync(response);
        Assert.Contains("Cochez au moins un rôle.", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Homonyme", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));

        var again = await Pages.ParseAsync(await Pages.PostFormAsync(admin, "/administration/utilisateurs/nouveau", new()
        {
            ["Input.DisplayName"] = "Homonyme",
            ["Input.Email"] = existing.Email,
            ["Input.OrganisationId"] = org.ToString(),
            ["Input.Roles"] = Roles.Coordination,
        }));
        Assert.Contains("Un compte utilise déjà cette adresse e-mail.", again.Text("#form-errors"), StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("#role-Coordination[checked]"));
    }

    [Fact]
    public async Task Role_change_ends_the_users_sessions_and_is_audited()
    {
        var (admin, org) = await AdminAsync();
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var session = await factory.LoginAsync(user);

        var response = await Pages.PostFormAsync(admin, $"/administration/utilisateurs/{user.Id}", new()
        {
            ["Input.DisplayName"] = "Testeur promu",
            ["Input.Email"] = user.Email,
            ["Input.OrganisationId"] = org.ToString(),
            ["Input.Roles"] = Roles.Coordination,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        var roles = await factory.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Coordination], roles);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id && e.Action == AuditAction.AccountRolesChanged)));
    }

    [Fact]
    public async Task Deactivated_user_is_logged_out_and_cannot_log_in_but_is_kept()
    {
        var (admin, org) = await AdminAsync();
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var session = await factory.LoginAsync(user);

        await Pages.PostFormAsync(admin, $"/administration/utilisateurs/{user.Id}", [], handler: "Deactivate");

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
        var retry = await Pages.PostFormAsync(factory.CreateBrowser(), "/compte/connexion", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Contains(LoginModel.GenericError, await retry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.False(stored.IsActive);
        Assert.NotNull(stored.DeactivatedAt);

        await Pages.PostFormAsync(admin, $"/administration/utilisateurs/{user.Id}", [], handler: "Reactivate");
        Assert.Equal(HttpStatusCode.OK, (await (await factory.LoginAsync(user)).GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Mfa_reset_makes_the_user_enrol_again()
    {
        var (admin, org) = await AdminAsync();
        var user = await factory.CreateUserAsync(Roles.EquipeMobile, organisationId: org);

        await Pages.PostFormAsync(admin, $"/administration/utilisateurs/{user.Id}", [], handler: "ResetMfa");

        var login = await Pages.PostFormAsync(factory.CreateBrowser(), "/compte/connexion", new() { ["Email"] = user.Email, ["Password"] = user.Password });
        Assert.Equal("/compte/double-authentification", login.Headers.Location!.OriginalString);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == user.Id && e.Action == AuditAction.MfaReset)));
    }

    [Fact]
    public async Task Administrator_cannot_lock_themselves_out()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrateur);
        var client = await factory.LoginAsync(admin);
        var org = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.OrganisationId).SingleAsync());

        var deactivate = await Pages.ParseAsync(await Pages.PostFormAsync(client, $"/administration/utilisateurs/{admin.Id}", [], handler: "Deactivate"));
        var demote = await Pages.ParseAsync(await Pages.PostFormAsync(client, $"/administration/utilisateurs/{admin.Id}", new()
        {
            ["Input.DisplayName"] = "Moi",
            ["Input.Email"] = admin.Email,
            ["Input.OrganisationId"] = org.ToString(),
            ["Input.Roles"] = Roles.Dpo,
        }));

        Assert.Contains("Vous ne pouvez pas désactiver votre propre compte.", deactivate.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Contains("Vous ne pouvez pas retirer votre propre rôle Administrateur.", demote.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/administration/utilisateurs")).StatusCode);
    }

    [Fact]
    public async Task User_list_filters_by_role_and_organisation()
    {
        var (admin, org) = await AdminAsync();
        var dpo = await factory.CreateUserAsync(Roles.Dpo, organisationId: org);
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);

        var byRole = await Pages.GetDocumentAsync(admin, $"/administration/utilisateurs?role={Roles.Dpo}&organisation={org}");

        var emails = byRole.QuerySelectorAll("tbody td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal([dpo.Email], emails);
        var all = await Pages.GetDocumentAsync(admin, $"/administration/utilisateurs?organisation={org}");
        var everyone = all.QuerySelectorAll("tbody td:nth-child(2)").Select(td => td.TextContent.Trim()).Order().ToList();
        Assert.Equal(new[] { dpo.Email, pro.Email }.Order(), everyone);
    }
}
