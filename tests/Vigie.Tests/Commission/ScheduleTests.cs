using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Commission;

/// <summary>The generated calendar: every interval after the last ordinary session, at the set time, never two on one day.</summary>
public sealed class ScheduleTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task The_next_ordinary_sessions_follow_the_last_one_and_skip_a_taken_day()
    {
        var options = factory.Services.GetRequiredService<IOptions<CommissionOptions>>().Value;
        var coordination = await factory.LoginAsync(Roles.Coordination);

        // No ordinary session yet and no date: say so.
        var page = await Pages.GetDocumentAsync(coordination, "/commission/seances/calendrier?nombre=2");
        Assert.Contains("première séance", page.Text("#premiere-error"), StringComparison.Ordinal);
        page = await Pages.GetDocumentAsync(coordination, "/commission/seances/calendrier?nombre=13");
        Assert.Contains("entre 1 et 12", page.Text("#nombre-error"), StringComparison.Ordinal);

        var last = await CommissionFixtures.SessionAsync(factory, inDays: 5);
        var lastDay = DateOnly.FromDateTime(ParisTime.ToLocal(await factory.WithDbAsync(db => db.CommissionSessions.Where(s => s.Id == last).Select(s => s.StartsAt).SingleAsync())));
        // An exceptional session already on the second generated day.
        var taken = lastDay.AddDays(2 * options.ScheduleIntervalDays);
        await factory.WithDbAsync(async db =>
        {
            db.CommissionSessions.Add(new CommissionSession
            {
                Number = 99, Kind = SessionKind.Exceptionnelle, StartsAt = ParisTime.ToUtc(taken.ToDateTime(new TimeOnly(9, 0))), Place = "Salle B",
                CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, CreatedById = "fixture",
            });
            await db.SaveChangesAsync();
        });

        page = await Pages.GetDocumentAsync(coordination, "/commission/seances/calendrier?nombre=3");
        var dates = page.QuerySelectorAll("#dates-proposees li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, dates.Count);
        Assert.Contains("décalée", dates[1], StringComparison.Ordinal);

        var response = await Pages.PostFormAsync(coordination, "/commission/seances/calendrier?nombre=3", new());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await factory.WithDbAsync(db => db.CommissionSessions.Where(s => s.Number > 99).OrderBy(s => s.Number).ToListAsync());
        Assert.Equal(3, created.Count);
        Assert.All(created, s => Assert.Equal(SessionKind.Ordinaire, s.Kind));
        Assert.All(created, s => Assert.Equal(options.StartTime, TimeOnly.FromDateTime(ParisTime.ToLocal(s.StartsAt))));
        var days = created.Select(s => DateOnly.FromDateTime(ParisTime.ToLocal(s.StartsAt))).ToList();
        Assert.Equal(lastDay.AddDays(options.ScheduleIntervalDays), days[0]);
        Assert.Equal(taken.AddDays(1), days[1]);
        Assert.Equal(lastDay.AddDays(3 * options.ScheduleIntervalDays), days[2]);
    }
}
