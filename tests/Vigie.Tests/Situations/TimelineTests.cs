using System.Collections.Concurrent;
using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Timeline;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

/// <summary>A Vigie with one more timeline source, as a later module (the commission) would register it.</summary>
public sealed class TimelineFactory : VigieFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddScoped<ITimelineSource, CommissionTestSource>());
    }
}

/// <summary>Stands for a later module's source: the entries the test puts here for a situation.</summary>
public sealed class CommissionTestSource : ITimelineSource
{
    public static readonly ConcurrentDictionary<Guid, TimelineEntry[]> Entries = new();

    public Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TimelineEntry>>(Entries.GetValueOrDefault(situationId, []));
}

public sealed class TimelineTests(TimelineFactory factory) : IClassFixture<TimelineFactory>
{
    [Fact]
    public async Task The_timeline_merges_every_source_in_order_with_the_actors_names()
    {
        var org = await factory.CreateOrganisationAsync();
        var partner = await factory.CreateOrganisationAsync("Club de prévention Rive Gauche");
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var coordination = await factory.CreateUserAsync(Roles.Coordination, organisationId: org);
        var id = await SituationFixtures.OpenAsync(factory, org, "Vidal", "Emma", new DateOnly(2010, 6, 1));
        var t0 = factory.Clock.GetUtcNow().UtcDateTime.AddDays(-20);
        var step = Guid.Empty;
        await factory.WithDbAsync(async db =>
        {
            db.SituationEvents.AddRange(
                SituationEvent.Of(id, t0, pro.Id, SituationEventKind.Opened),
                SituationEvent.Of(id, t0.AddHours(1), pro.Id, SituationEventKind.StatusChanged, nameof(SituationStatus.EnEvaluation)),
                SituationEvent.Of(id, t0.AddHours(2), coordination.Id, SituationEventKind.EvaluationValidated, "1"),
                SituationEvent.Of(id, t0.AddHours(3), pro.Id, SituationEventKind.LegalStepRecorded, nameof(LegalStepKind.Opp)),
                SituationEvent.Of(id, t0.AddHours(8), pro.Id, SituationEventKind.Assigned, partner.ToString()));
            db.Evaluations.Add(new Evaluation { SituationId = id, Number = 1, ValidatedAt = t0.AddHours(2), ValidatedById = coordination.Id, Level = QualificationLevel.EnRisque });
            var opp = new LegalStep
            {
                SituationId = id, Kind = LegalStepKind.Opp, OccurredAt = t0.AddHours(3), DueAt = t0.AddDays(8), Recipient = "Parquet de Lyon",
                ResponsibleUserId = pro.Id, RecordedById = pro.Id, RecordedAt = t0.AddHours(3), CompletedAt = t0.AddHours(4), CompletedById = coordination.Id,
            };
            var shelter = new LegalStep
            {
                SituationId = id, Kind = LegalStepKind.MiseAlAbri, OccurredAt = t0.AddHours(5), DueAt = t0.AddHours(77),
                ResponsibleUserId = pro.Id, RecordedById = pro.Id, RecordedAt = t0.AddHours(5),
            };
            db.LegalSteps.AddRange(opp, shelter);
            step = opp.Id;
            await db.SaveChangesAsync();
        });
        CommissionTestSource.Entries[id] =
            [new TimelineEntry(t0.AddMinutes(90), "Commission", "Situation présentée en commission") { ActorId = coordination.Id }];

        var client = await factory.LoginAsync(pro);
        var page = await Pages.GetDocumentAsync(client, $"/situations/{id}/chronologie");

        var rows = page.QuerySelectorAll("#timeline tbody tr").Select(r => r.QuerySelector(".timeline-title")!.TextContent.Trim()).ToList();
        Assert.Equal(
        [
            "Situation ouverte",
            "Changement de statut",
            "Situation présentée en commission",
            "Évaluation n° 1 validée",
            "Ordonnance de placement provisoire (OPP) du procureur",
            "Fait : Saisine du juge des enfants (8 jours)",
            "Mise à l'abri d'un mineur en fugue",
            "Situation partagée avec un professionnel",
            "Échéance : Accord des parents ou information du procureur (72 heures)",
        ], rows);
        var all = page.QuerySelectorAll("#timeline tbody tr").ToList();
        var proName = await NameAsync(pro);
        var coordinationName = await NameAsync(coordination);
        Assert.Contains("Nouveau statut : En évaluation", all[1].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Par {coordinationName}", all[2].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Validée par {coordinationName}", all[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Qualification : en risque", all[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Destinataire : Parquet de Lyon", all[4].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Enregistrée par {proName}", all[4].TextContent, StringComparison.Ordinal);
        Assert.Contains("Échéance respectée", all[5].TextContent, StringComparison.Ordinal);
        Assert.Contains("Organisation : Club de prévention Rive Gauche", all[7].TextContent, StringComparison.Ordinal);
        Assert.Contains("En retard", all[8].TextContent, StringComparison.Ordinal);
        Assert.Contains($"Responsable {proName}", all[8].TextContent, StringComparison.Ordinal);
        Assert.Equal("Chronologie — Emma Vidal", page.Text("h1"));
        Assert.Contains("Établie le", page.Text("#timeline-meta"), StringComparison.Ordinal);

        var reads = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == AuditRecordType.SituationTimeline && e.RecordId == id.ToString() && e.ActorId == pro.Id && e.Action == AuditAction.Read));
        Assert.Equal(1, reads);

        var filtered = await Pages.GetDocumentAsync(client, $"/situations/{id}/chronologie?rubrique={Uri.EscapeDataString(LegalStepTimelineSource.Category)}");
        var categories = filtered.QuerySelectorAll("#timeline tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).Distinct().ToList();
        Assert.Equal([LegalStepTimelineSource.Category], categories);
        Assert.Equal(4, filtered.QuerySelectorAll("#timeline tbody tr").Length);
        Assert.True(filtered.QuerySelector($"input[name=rubrique][value='{LegalStepTimelineSource.Category}']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_timeline_of_a_situation_out_of_scope_is_a_404_and_calls_no_source()
    {
        var id = await SituationFixtures.OpenAsync(factory, await factory.CreateOrganisationAsync(), "Perrin", "Lou", new DateOnly(2011, 3, 3));
        CommissionTestSource.Entries[id] = [new TimelineEntry(DateTime.UtcNow, "Commission", "Ne doit pas fuiter")];
        var outsider = await factory.LoginAsync(Roles.Professionnel);

        var response = await outsider.GetAsync($"/situations/{id}/chronologie");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Ne doit pas fuiter", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var page = await Pages.GetDocumentAsync(coordination, $"/situations/{id}/chronologie");
        Assert.Contains("Ne doit pas fuiter", page.Text("#timeline"), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_situation_event_kind_has_a_french_title()
    {
        var kinds = typeof(SituationEventKind).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.False(string.IsNullOrEmpty(SituationEventLabels.Title(kind)), $"pas de libellé pour « {kind} »"));
        Assert.Equal("Motif : Majorité", SituationEventLabels.Detail(SituationEventKind.Closed, nameof(ClosureReason.Majorite)));
        Assert.Equal("Retour au statut : Signalée", SituationEventLabels.Detail(SituationEventKind.Reopened, nameof(SituationStatus.Signalee)));
        Assert.Null(SituationEventLabels.Detail(SituationEventKind.StatusChanged, "inconnu"));
    }

    private Task<string> NameAsync(TestUser user) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).SingleAsync());
}
