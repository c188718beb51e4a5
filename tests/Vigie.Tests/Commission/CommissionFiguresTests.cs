using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Commission.Figures;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Commission;

public sealed class CommissionFiguresTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>
    /// 2025, by hand. Sessions: S1 ordinary held 10/02, S2 ordinary held 16/06, S3 exceptional held 01/09,
    /// S4 ordinary cancelled 03/11, S5 ordinary held 31/12/2024 23:30 UTC = 01/01/2025 00:30 Paris (in),
    /// S6 ordinary held 31/12/2025 23:30 UTC = 2026 in Paris (out), S7 planned 15/12 (neither).
    /// Items: S1 A, B; S2 A (re-presented), C; S3 A (re-presented); S4 C (cancelled: not presented); S5 D; S6 B.
    /// → 4 situations presented (A, B, C, D), 1 presented twice or more (A), 2 items marked as re-presented.
    /// Decisions: S1/A orientation, S1/B signalement conseillé, S2/A co-accompaniment, S2/C orientation,
    /// S3/A protection renforcée, S6/B clôture (out) → orientation 2, signalement 1, co-acc. 1, protection 1.
    /// Actions due in 2025: a1 01/03 done 22:30 UTC (23:30 Paris, on time), a2 01/07 done 22:30 UTC (00:30 the
    /// next day in Paris: late), a3 01/07 done 21:30 UTC (on time), a4 not done, a5 open; a6 due 2026 and a7
    /// due 2024 are out → 5 due, 2 on time (40 %).
    /// Co-accompaniments proposed in 2025: S2's (accepted), one refused, one ended, one pending; one of 2024 out
    /// → 4 proposed, 2 accepted, 1 refused.
    /// </summary>
    private async Task SeedAsync()
    {
        var org = await factory.CreateOrganisationAsync();
        var a = await SituationFixtures.OpenAsync(factory, org, "Alpha", "Ana", new DateOnly(2010, 1, 1));
        var b = await SituationFixtures.OpenAsync(factory, org, "Bravo", "Bea", new DateOnly(2010, 1, 1));
        var c = await SituationFixtures.OpenAsync(factory, org, "Charlie", "Cleo", new DateOnly(2010, 1, 1));
        var d = await SituationFixtures.OpenAsync(factory, org, "Delta", "Dina", new DateOnly(2010, 1, 1));
        var s1 = await ActionFixtures.SessionAsync(factory, Utc(2025, 2, 10, 13));
        var s2 = await ActionFixtures.SessionAsync(factory, Utc(2025, 6, 16, 12));
        var s3 = await ActionFixtures.SessionAsync(factory, Utc(2025, 9, 1, 8), kind: SessionKind.Exceptionnelle);
        var s4 = await ActionFixtures.SessionAsync(factory, Utc(2025, 11, 3, 13), SessionStatus.Annulee);
        var s5 = await ActionFixtures.SessionAsync(factory, Utc(2024, 12, 31, 23, 30));
        var s6 = await ActionFixtures.SessionAsync(factory, Utc(2025, 12, 31, 23, 30));
        await ActionFixtures.SessionAsync(factory, Utc(2025, 12, 15, 13), SessionStatus.Planifiee);

        var s1a = await ActionFixtures.ItemAsync(factory, s1, a);
        var s1b = await ActionFixtures.ItemAsync(factory, s1, b);
        var s2a = await ActionFixtures.ItemAsync(factory, s2, a, representation: true);
        var s2c = await ActionFixtures.ItemAsync(factory, s2, c);
        var s3a = await ActionFixtures.ItemAsync(factory, s3, a, representation: true);
        await ActionFixtures.ItemAsync(factory, s4, c);
        await ActionFixtures.ItemAsync(factory, s5, d);
        var s6b = await ActionFixtures.ItemAsync(factory, s6, b);

        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        await factory.WithDbAsync(async db =>
        {
            async Task DecideAsync(Guid item, DecisionKind kind, DateTime at) =>
                CommissionDecisions.Add(db, cipher, await db.AgendaItems.SingleAsync(i => i.Id == item), kind, null, null, "fixture", at);
            await DecideAsync(s1a, DecisionKind.Orientation, Utc(2025, 2, 10, 14));
            await DecideAsync(s1b, DecisionKind.SignalementConseille, Utc(2025, 2, 10, 14));
            await DecideAsync(s2a, DecisionKind.CoAccompagnementPropose, Utc(2025, 6, 16, 13));
            await DecideAsync(s2c, DecisionKind.Orientation, Utc(2025, 6, 16, 13));
            await DecideAsync(s3a, DecisionKind.ProtectionRenforcee, Utc(2025, 9, 1, 9));
            await DecideAsync(s6b, DecisionKind.Cloture, Utc(2026, 1, 1, 0));
            await db.SaveChangesAsync();
            await db.Accompaniments.Where(x => x.SituationId == a).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, AccompanimentStatus.Acceptee));
            db.Accompaniments.AddRange(
                NewAccompaniment(b, Utc(2025, 4, 1, 10), AccompanimentStatus.Refusee),
                NewAccompaniment(c, Utc(2025, 10, 10, 10), AccompanimentStatus.Terminee),
                NewAccompaniment(d, Utc(2025, 11, 20, 10), AccompanimentStatus.Proposee),
                NewAccompaniment(d, Utc(2024, 12, 1, 10), AccompanimentStatus.Acceptee));
            await db.SaveChangesAsync();
        });

        await ActionFixtures.ActionAsync(factory, s1, s1a, a, org, null, new DateOnly(2025, 3, 1), status: ActionStatus.Faite, closedAt: Utc(2025, 3, 1, 22, 30));
        await ActionFixtures.ActionAsync(factory, s2, s2a, a, org, null, new DateOnly(2025, 7, 1), status: ActionStatus.Faite, closedAt: Utc(2025, 7, 1, 22, 30));
        await ActionFixtures.ActionAsync(factory, s2, s2c, c, org, null, new DateOnly(2025, 7, 1), status: ActionStatus.Faite, closedAt: Utc(2025, 7, 1, 21, 30));
        await ActionFixtures.ActionAsync(factory, s2, s2c, c, org, null, new DateOnly(2025, 8, 1), status: ActionStatus.NonFaite, closedAt: Utc(2025, 7, 30, 10));
        await ActionFixtures.ActionAsync(factory, s3, s3a, a, org, null, new DateOnly(2025, 10, 1));
        await ActionFixtures.ActionAsync(factory, s3, s3a, a, org, null, new DateOnly(2026, 1, 5), status: ActionStatus.Faite, closedAt: Utc(2025, 12, 1, 10));
        await ActionFixtures.ActionAsync(factory, s1, s1b, b, org, null, new DateOnly(2024, 12, 31), status: ActionStatus.Faite, closedAt: Utc(2024, 12, 1, 10));
    }

    private static Accompaniment NewAccompaniment(Guid situation, DateTime proposedAt, AccompanimentStatus status) => new()
    {
        SituationId = situation, ProposedAt = proposedAt, ProposedById = "fixture", Status = status,
        ConsentOn = status == AccompanimentStatus.Proposee ? null : DateOnly.FromDateTime(proposedAt).AddDays(3),
    };

    [Fact]
    public async Task The_figures_of_a_hand_built_year_and_of_a_period()
    {
        await SeedAsync();

        var year = await factory.WithScopeAsync(sp => CommissionFigures.ComputeAsync(sp.GetRequiredService<VigieDbContext>(), new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        Assert.Equal(3, year.OrdinarySessionsHeld); // S1, S2, S5
        Assert.Equal(1, year.ExceptionalSessionsHeld);
        Assert.Equal(1, year.SessionsCancelled);
        Assert.Equal(4, year.SituationsPresented);
        Assert.Equal(1, year.SituationsPresentedTwiceOrMore);
        Assert.Equal(2, year.ItemsMarkedRepresentation);
        Assert.Equal(2, year.Decisions[DecisionKind.Orientation]);
        Assert.Equal(1, year.Decisions[DecisionKind.SignalementConseille]);
        Assert.Equal(1, year.Decisions[DecisionKind.CoAccompagnementPropose]);
        Assert.Equal(1, year.Decisions[DecisionKind.ProtectionRenforcee]);
        Assert.Equal(0, year.Decisions[DecisionKind.Cloture]);
        Assert.Equal(5, year.ActionsDue);
        Assert.Equal(2, year.ActionsDoneOnTime);
        Assert.Equal(40, year.OnTimePercent);
        Assert.Equal(4, year.AccompanimentsProposed);
        Assert.Equal(2, year.AccompanimentsAccepted);
        Assert.Equal(1, year.AccompanimentsRefused);

        // June and July only: S2 (A re-presented, C), the two actions due on 01/07 (one on time), S2's proposal.
        var summer = await factory.WithScopeAsync(sp => CommissionFigures.ComputeAsync(sp.GetRequiredService<VigieDbContext>(), new DateOnly(2025, 6, 1), new DateOnly(2025, 7, 31)));
        Assert.Equal(1, summer.OrdinarySessionsHeld);
        Assert.Equal(0, summer.ExceptionalSessionsHeld);
        Assert.Equal(2, summer.SituationsPresented);
        Assert.Equal(0, summer.SituationsPresentedTwiceOrMore);
        Assert.Equal(1, summer.ItemsMarkedRepresentation);
        Assert.Equal(2, summer.ActionsDue);
        Assert.Equal(1, summer.ActionsDoneOnTime);
        Assert.Equal(1, summer.AccompanimentsProposed);

        // The page: a year, a period, a bad period; audited.
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(coordination);
        var page = await Pages.GetDocumentAsync(client, "/commission/chiffres?annee=2025");
        Assert.Contains("Du 01/01/2025 au 31/12/2025", page.Text("#period"), StringComparison.Ordinal);
        Assert.Matches(@"Séances ordinaires tenues\s*3", page.Text("#sessions"));
        Assert.Matches(@"Faites dans les délais\s*2 \(40 %\)", page.Text("#actions"));
        Assert.Matches(@"Orientation\s*2", page.Text("#decisions"));
        Assert.Matches(@"Refusés par le jeune\s*1", page.Text("#accompaniments"));
        page = await Pages.GetDocumentAsync(client, "/commission/chiffres?du=2025-06-01&au=2025-07-31");
        Assert.Contains("Du 01/06/2025 au 31/07/2025", page.Text("#period"), StringComparison.Ordinal);
        Assert.Matches(@"Situations présentées \(distinctes\)\s*2", page.Text("#situations"));
        page = await Pages.GetDocumentAsync(client, "/commission/chiffres?du=2025-07-31&au=2025-06-01");
        Assert.Contains("précède la date de début", page.Text("#au-error"), StringComparison.Ordinal);
        Assert.Equal("2025-07-31", page.QuerySelector("#du")!.GetAttribute("value"));
        page = await Pages.GetDocumentAsync(client, "/commission/chiffres?du=hier&au=2025-06-01");
        Assert.Contains("« hier » n'est pas valide", page.Text("#du-error"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == AuditRecordType.CommissionFigures
            && e.ActorId == coordination.Id && e.RecordId == "2025-01-01/2025-12-31")));
    }

    [Fact]
    public void A_year_is_cut_into_three_runs_at_the_clock_changes()
    {
        var runs = CommissionFigures.OffsetRanges(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).ToList();
        Assert.Equal(3, runs.Count);
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 29), TimeSpan.FromHours(1)), runs[0]);
        Assert.Equal((new DateOnly(2025, 3, 30), new DateOnly(2025, 10, 25), TimeSpan.FromHours(2)), runs[1]);
        Assert.Equal((new DateOnly(2025, 10, 26), new DateOnly(2025, 12, 31), TimeSpan.FromHours(1)), runs[2]);
    }
}
