using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

public sealed class MyDeadlinesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private async Task<Guid> StepAsync(Guid situation, LegalStepKind kind, string responsible, DateTime? dueAt, DateTime? completedAt = null)
    {
        var step = new LegalStep
        {
            SituationId = situation,
            Kind = kind,
            OccurredAt = Now.AddDays(-10),
            DueAt = dueAt,
            CompletedAt = completedAt,
            CompletedById = completedAt is null ? null : responsible,
            ResponsibleUserId = responsible,
            RecordedById = responsible,
            RecordedAt = Now.AddDays(-10),
        };
        await factory.WithDbAsync(async db =>
        {
            db.LegalSteps.Add(step);
            await db.SaveChangesAsync();
        });
        return step.Id;
    }

    [Fact]
    public async Task Lists_only_my_open_steps_within_scope_overdue_first()
    {
        var org = await factory.CreateOrganisationAsync();
        var me = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var colleague = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var inaya = await SituationFixtures.OpenAsync(factory, org, "Mercier", "Inaya", new DateOnly(2010, 1, 2));
        var zoe = await SituationFixtures.OpenAsync(factory, org, "Dupont", "Zoé", new DateOnly(2009, 5, 6));
        var elsewhere = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Hamel", "Yasmine", new DateOnly(2011, 7, 8));
        var closed = await SituationFixtures.OpenAsync(factory, org, "Caron", "Manon", new DateOnly(2010, 9, 9));
        await factory.WithDbAsync(async db =>
        {
            (await db.Situations.SingleAsync(s => s.Id == closed)).Close(ClosureReason.ContactPerdu, Now);
            await db.SaveChangesAsync();
        });

        await StepAsync(inaya, LegalStepKind.Opp, me.Id, Now.AddDays(5));
        await StepAsync(zoe, LegalStepKind.InformationPreoccupante, me.Id, Now.AddDays(-2));
        await StepAsync(inaya, LegalStepKind.RecueilProvisoire, me.Id, Now.AddDays(-1));
        await StepAsync(inaya, LegalStepKind.MiseAlAbri, me.Id, Now.AddDays(-3), completedAt: Now.AddDays(-4)); // done
        await StepAsync(zoe, LegalStepKind.AudienceJugeEnfants, colleague.Id, Now.AddDays(-5)); // someone else's
        await StepAsync(zoe, LegalStepKind.Signalement, me.Id, null); // no deadline
        await StepAsync(elsewhere, LegalStepKind.Opp, me.Id, Now.AddDays(-6)); // out of my scope
        await StepAsync(closed, LegalStepKind.Opp, me.Id, Now.AddDays(-7)); // closed file

        var client = await factory.LoginAsync(me);
        var page = await Pages.GetDocumentAsync(client, "/echeances");

        var rows = page.QuerySelectorAll("#deadlines tbody tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains("Zoé D.", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Fin de l'évaluation", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("En retard", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Inaya M.", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Recueil provisoire", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("En retard", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Inaya M.", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("À faire", rows[2].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("En retard", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/situations/{zoe}/etapes", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("3 échéance(s) en cours, dont 2 en retard", page.Text("#deadline-count"), StringComparison.Ordinal);
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("Mercier", text, StringComparison.Ordinal); // the initial only
        Assert.DoesNotContain("Yasmine", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Manon", text, StringComparison.Ordinal);

        var home = await Pages.GetDocumentAsync(client, "/");
        Assert.Contains("2 en retard", home.Text("#tile-echeances"), StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector(".main-nav a[href='/echeances']"));
        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == AuditRecordType.MyDeadlines && e.ActorId == me.Id && e.Action == AuditAction.Read));
        Assert.Equal(1, audited);

        // The colleague sees only theirs.
        var other = await Pages.GetDocumentAsync(await factory.LoginAsync(colleague), "/echeances");
        var theirs = other.QuerySelectorAll("#deadlines tbody tr").ToList();
        Assert.Single(theirs);
        Assert.Contains("Audience", theirs[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paged_by_fifty_in_due_order()
    {
        var org = await factory.CreateOrganisationAsync();
        var me = await factory.CreateUserAsync(Roles.Coordination, organisationId: org);
        var situation = await SituationFixtures.OpenAsync(factory, org, "Renaud", "Alix", new DateOnly(2010, 2, 2));
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 55; i++)
            {
                db.LegalSteps.Add(new LegalStep
                {
                    SituationId = situation,
                    Kind = i == 54 ? LegalStepKind.RevoyureCommission : LegalStepKind.Opp,
                    OccurredAt = Now.AddDays(-1),
                    DueAt = Now.AddDays(i + 1),
                    ResponsibleUserId = me.Id,
                    RecordedById = me.Id,
                    RecordedAt = Now,
                });
            }

            await db.SaveChangesAsync();
        });
        var client = await factory.LoginAsync(me);

        var first = await Pages.GetDocumentAsync(client, "/echeances");
        var second = await Pages.GetDocumentAsync(client, "/echeances?page=2");

        Assert.Equal(50, first.QuerySelectorAll("#deadlines tbody tr").Length);
        Assert.Contains("page 1 sur 2", first.Text("#deadline-count"), StringComparison.Ordinal);
        Assert.Equal("/echeances?page=2", first.QuerySelector(".pager a")!.GetAttribute("href"));
        var rest = second.QuerySelectorAll("#deadlines tbody tr").ToList();
        Assert.Equal(5, rest.Count);
        Assert.Contains("Nouvel examen en commission", rest[^1].TextContent, StringComparison.Ordinal); // the latest due comes last
    }

    [Fact]
    public async Task Roles_that_follow_no_situation_have_no_deadlines_page()
    {
        var dpo = await factory.LoginAsync(Roles.Dpo);

        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.GetAsync("/echeances")).StatusCode);
        var home = await Pages.GetDocumentAsync(dpo, "/");
        Assert.Null(home.QuerySelector("#tile-echeances"));
    }
}
