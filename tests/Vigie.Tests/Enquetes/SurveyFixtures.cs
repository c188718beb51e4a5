using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Enquetes;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Enquetes;

/// <summary>Campaigns and answers written straight to the database, through the entities' own methods.</summary>
public static class SurveyFixtures
{
    public static DateOnly ParisToday(VigieFactory factory) => DateOnly.FromDateTime(ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime));

    public static async Task<Guid> OrganisationAsync(VigieFactory factory, string name, OrganisationKind kind = OrganisationKind.Ase, string? territory = null)
    {
        var organisation = Organisation.Create(name, kind, territory, null, null, factory.Clock.GetUtcNow().UtcDateTime);
        await factory.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        });
        return organisation.Id;
    }

    /// <summary>A campaign with the Lyon questions (plus <paramref name="extra"/>), asking <paramref name="services"/>, open unless told otherwise.</summary>
    public static async Task<Guid> CampaignAsync(VigieFactory factory, int year, IReadOnlyList<Guid> services, int closesInDays = 30,
        bool open = true, int opensInDays = -1, IEnumerable<QuestionDraft>? extra = null)
    {
        var today = ParisToday(factory);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var campaign = SurveyCampaign.Create(year, $"Enquête {year}", today.AddDays(opensInDays), today.AddDays(closesInDays),
            [.. ReferenceQuestions.Lyon, .. extra ?? []], services, now, "fixture");
        if (open)
        {
            campaign.Open(now);
        }

        await factory.WithDbAsync(async db =>
        {
            db.SurveyCampaigns.Add(campaign);
            await db.SaveChangesAsync();
        });
        return campaign.Id;
    }

    /// <summary>A service's answer to the three reference questions (other questions: "non", 0, a dash), submitted unless told otherwise.</summary>
    public static Task AnswerAsync(VigieFactory factory, Guid campaignId, Guid service, int situations, int girls, int boys, bool submit = true) =>
        factory.WithDbAsync(async db =>
        {
            var campaign = await db.SurveyCampaigns.Include(c => c.Questions).Include(c => c.Recipients).AsSplitQuery().SingleAsync(c => c.Id == campaignId);
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var today = ParisToday(factory);
            // The reference questions get the figures; any other question "non", 0 or a dash.
            var values = campaign.Questions.ToDictionary(q => q.Id, q => q.Kind switch
            {
                QuestionKind.OuiNon => new AnswerValue(null, false, null),
                QuestionKind.Texte => new AnswerValue(null, null, "—"),
                _ => new AnswerValue(q.Key switch
                {
                    ReferenceQuestions.SituationsIdentified => situations,
                    ReferenceQuestions.GirlsProven => girls,
                    ReferenceQuestions.BoysProven => boys,
                    _ => 0,
                }, null, null),
            });
            var response = SurveyResponse.Start(campaign, service, now, "fixture");
            if (submit)
            {
                response.Submit(campaign, values, today, now, "fixture");
            }
            else
            {
                response.Save(campaign, values, today, now, "fixture");
            }

            db.SurveyResponses.Add(response);
            await db.SaveChangesAsync();
        });
}
