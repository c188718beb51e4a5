using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Protection;

public sealed class AuditLogPageTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Dpo_filters_the_log_by_user_action_record_and_period()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrateur);
        var adminClient = await factory.LoginAsync(admin);
        await Pages.PostFormAsync(adminClient, "/administration/organisations/nouvelle", new() { ["Input.Name"] = "CPEF Nord", ["Input.Kind"] = "Cpef" });
        var orgId = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Name == "CPEF Nord").Select(o => o.Id).SingleAsync());
        var dpo = await factory.LoginAsync(Roles.Dpo);

        var byUserAndAction = await Pages.GetDocumentAsync(dpo,
            $"/protection/journal?utilisateur={Uri.EscapeDataString(admin.Email)}&action={AuditAction.OrganisationCreated}");
        var row = Assert.Single(byUserAndAction.QuerySelectorAll("tbody tr"));
        Assert.Contains("Organisation créée", row.TextContent, StringComparison.Ordinal);
        // The record is shown by its current name, its id kept in the title.
        Assert.Contains("Organisation « CPEF Nord »", System.Text.RegularExpressions.Regex.Replace(row.TextContent, @"\s+", " "), StringComparison.Ordinal);
        Assert.Equal(orgId.ToString(), row.QuerySelector("span[title]")!.GetAttribute("title"));

        var byRecord = await Pages.GetDocumentAsync(dpo, $"/protection/journal?objet=organisation&identifiant={orgId}");
        Assert.Single(byRecord.QuerySelectorAll("tbody tr"));

        var today = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var past = await Pages.GetDocumentAsync(dpo, $"/protection/journal?au={today.AddDays(-2):yyyy-MM-dd}");
        Assert.Empty(past.QuerySelectorAll("tbody tr"));
        var logins = await Pages.GetDocumentAsync(dpo, $"/protection/journal?action={AuditAction.LoginSucceeded}&du={today.AddDays(-1):yyyy-MM-dd}&au={today.AddDays(1):yyyy-MM-dd}");
        Assert.NotEmpty(logins.QuerySelectorAll("tbody tr"));

        var inverted = await Pages.GetDocumentAsync(dpo, $"/protection/journal?du={today:yyyy-MM-dd}&au={today.AddDays(-3):yyyy-MM-dd}");
        Assert.Contains("La date de fin doit suivre la date de début.", inverted.Text("#form-errors"), StringComparison.Ordinal);
        var garbage = await dpo.GetAsync("/protection/journal?du=hier&page=abc");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);

        // Reading the log is itself logged.
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == "JournalAudit" && e.Action == AuditAction.Read)));
    }

    [Fact]
    public async Task Users_see_their_own_activity_only()
    {
        var me = await factory.CreateUserAsync(Roles.Observatoire);
        var other = await factory.CreateUserAsync(Roles.Observatoire);
        await factory.LoginAsync(other);
        var client = await factory.LoginAsync(me);

        var page = await Pages.GetDocumentAsync(client, "/compte/activite");

        var users = page.QuerySelectorAll("tbody td:nth-child(3)").Select(td => td.TextContent.Trim()).Distinct().ToList();
        var myName = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == me.Id).Select(u => u.DisplayName).SingleAsync());
        Assert.Equal([myName], users);
    }

    [Fact]
    public async Task Export_asks_for_a_fresh_code_then_gives_a_csv_with_neutralised_formulas()
    {
        var dpoUser = await factory.CreateUserAsync(Roles.Dpo);
        var dpo = await factory.LoginAsync(dpoUser);
        // A record id an attacker could choose, that a spreadsheet would run as a formula.
        await factory.Services.GetRequiredService<AuditChainWriter>().AppendAsync(
            new AuditRecord(AuditAction.Read, AuditOutcome.Success, dpoUser.Id, "Situation", "=HYPERLINK(\"http://x\")", "127.0.0.1"));

        var first = await dpo.GetAsync("/protection/journal/export?objet=Situation");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.StartsWith("/compte/confirmation", first.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var wrong = await Pages.PostFormAsync(dpo, first.Headers.Location.OriginalString, new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var confirmed = await Pages.PostFormAsync(dpo, first.Headers.Location.OriginalString, new() { ["Code"] = factory.NextCode(dpoUser) });
        Assert.Equal("/protection/journal/export?objet=Situation", confirmed.Headers.Location!.OriginalString);

        var csv = await dpo.GetAsync("/protection/journal/export?objet=Situation");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", text, StringComparison.Ordinal);

        // The confirmation lasts five minutes, then it is asked again.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Redirect, (await dpo.GetAsync("/protection/journal/export")).StatusCode);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.ActorId == dpoUser.Id).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.StepUpFailed, audit);
        Assert.Contains(AuditAction.StepUpSucceeded, audit);
        Assert.Contains(AuditAction.Export, audit);
    }
}
