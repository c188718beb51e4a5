using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Enquetes;

/// <summary>The aggregated result of one campaign: per question, from the submitted answers only.</summary>
public sealed record CampaignResult(int Asked, int Answered, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// A question's aggregate: for a count, the sum; for yes/no, how many of each; for a text, the
/// answers with their service. <see cref="Answers"/> is how many submitted answers it has.
/// </summary>
public sealed record QuestionResult(Guid QuestionId, int Position, string Label, QuestionKind Kind, int Answers, int Sum, int Yes, int No,
    IReadOnlyList<(string Service, string Text)> Texts);

/// <summary>One year of the trend: the campaign of that year, services asked and answered, and the sums of the reference questions.</summary>
public sealed record TrendYear(int Year, Guid CampaignId, CampaignStatus Status, int Asked, int Answered, int Situations, int Girls, int Boys);

public static class SurveyResults
{
    public static async Task<CampaignResult> ForCampaignAsync(VigieDbContext db, Guid campaignId, CancellationToken cancellationToken = default)
    {
        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.CampaignId == campaignId).OrderBy(q => q.Position)
            .Select(q => new { q.Id, q.Position, q.Label, q.Kind }).ToListAsync(cancellationToken);
        var asked = await db.SurveyRecipients.CountAsync(r => r.CampaignId == campaignId, cancellationToken);
        var submitted = db.SurveyResponses.Where(r => r.CampaignId == campaignId && r.Status == ResponseStatus.Envoyee);
        var answered = await submitted.CountAsync(cancellationToken);
        var answers = db.SurveyAnswers.Where(a => submitted.Any(r => r.Id == a.ResponseId));
        var figures = await answers.GroupBy(a => a.QuestionId)
            .Select(g => new
            {
                QuestionId = g.Key,
                Answers = g.Count(a => a.Number != null || a.YesNo != null || a.Text != null),
                Sum = g.Sum(a => a.Number ?? 0),
                Yes = g.Count(a => a.YesNo == true),
                No = g.Count(a => a.YesNo == false),
            })
            .ToDictionaryAsync(f => f.QuestionId, cancellationToken);
        var texts = await (from a in answers
                           join r in db.SurveyResponses on a.ResponseId equals r.Id
                           join o in db.Organisations on r.OrganisationId equals o.Id
                           where a.Text != null
                           orderby o.Name
                           select new { a.QuestionId, o.Name, a.Text })
            .ToListAsync(cancellationToken);

        return new CampaignResult(asked, answered, questions.Select(q =>
        {
            var f = figures.GetValueOrDefault(q.Id);
            return new QuestionResult(q.Id, q.Position, q.Label, q.Kind, f?.Answers ?? 0, f?.Sum ?? 0, f?.Yes ?? 0, f?.No ?? 0,
                texts.Where(t => t.QuestionId == q.Id).Select(t => (t.Name, t.Text!)).ToList());
        }).ToList());
    }

    /// <summary>
    /// Every opened campaign from <paramref name="fromYear"/> to <paramref name="toYear"/>, oldest first, with the
    /// sums of the reference questions over the submitted answers. With a territory, only the services of that
    /// territory count (asked and answered), and a campaign that asked none of them is left out.
    /// </summary>
    public static async Task<IReadOnlyList<TrendYear>> TrendAsync(VigieDbContext db, int fromYear, int toYear, string? territory = null,
        CancellationToken cancellationToken = default)
    {
        var services = territory is null ? db.Organisations : db.Organisations.Where(o => o.Territory == territory);
        var campaigns = await db.SurveyCampaigns.AsNoTracking()
            .Where(c => c.Status != CampaignStatus.Brouillon && c.Year >= fromYear && c.Year <= toYear)
            .OrderBy(c => c.Year)
            .Select(c => new { c.Id, c.Year, c.Status, Asked = c.Recipients.Count(r => services.Any(o => o.Id == r.OrganisationId)) })
            .ToListAsync(cancellationToken);
        if (territory is not null)
        {
            campaigns.RemoveAll(c => c.Asked == 0); // no service of the territory was asked: nothing to say there
        }

        if (campaigns.Count == 0)
        {
            return [];
        }

        var ids = campaigns.Select(c => c.Id).ToList();
        var submitted = db.SurveyResponses.Where(r => ids.Contains(r.CampaignId) && r.Status == ResponseStatus.Envoyee
            && services.Any(o => o.Id == r.OrganisationId));
        var answered = await submitted.GroupBy(r => r.CampaignId).Select(g => new { CampaignId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CampaignId, g => g.Count, cancellationToken);
        var sums = await (from a in db.SurveyAnswers
                          join r in submitted on a.ResponseId equals r.Id
                          join q in db.SurveyQuestions on a.QuestionId equals q.Id
                          where q.Key != null
                          group a by new { r.CampaignId, q.Key } into g
                          select new { g.Key.CampaignId, g.Key.Key, Sum = g.Sum(a => a.Number ?? 0) })
            .ToListAsync(cancellationToken);
        int Sum(Guid campaign, string key) => sums.Where(s => s.CampaignId == campaign && s.Key == key).Sum(s => s.Sum);
        return campaigns.Select(c => new TrendYear(c.Year, c.Id, c.Status, c.Asked, answered.GetValueOrDefault(c.Id),
            Sum(c.Id, ReferenceQuestions.SituationsIdentified), Sum(c.Id, ReferenceQuestions.GirlsProven), Sum(c.Id, ReferenceQuestions.BoysProven))).ToList();
    }
}
