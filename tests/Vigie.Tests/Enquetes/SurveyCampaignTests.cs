using Vigie.Web.Features.Enquetes;

namespace Vigie.Tests.Enquetes;

/// <summary>The campaign's and the answer's invariants, without a database.</summary>
public sealed class SurveyCampaignTests
{
    private static readonly DateTime Now = new(2026, 1, 15, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static SurveyCampaign Campaign(IEnumerable<Guid>? services = null) =>
        SurveyCampaign.Create(2025, "Enquête 2025", Today, Today.AddDays(30), ReferenceQuestions.Lyon, services ?? [Guid.NewGuid()], Now, "coordination");

    [Fact]
    public void A_campaign_opens_only_with_a_question_and_a_service_and_then_its_questions_and_year_are_fixed()
    {
        var empty = Campaign(services: []);
        Assert.Throws<InvalidOperationException>(() => empty.Open(Now));

        var campaign = Campaign();
        campaign.Open(Now);

        Assert.Equal(CampaignStatus.Ouverte, campaign.Status);
        Assert.Throws<InvalidOperationException>(() => campaign.ReplaceQuestions([new QuestionDraft("Autre", QuestionKind.Texte)], Now));
        Assert.Throws<InvalidOperationException>(() => campaign.Update(2024, "Enquête", Today, Today.AddDays(30), Now));
        campaign.Update(2025, "Enquête annuelle 2025", Today, Today.AddDays(40), Now); // title and dates still change
        Assert.Equal(Today.AddDays(40), campaign.ClosesOn);
    }

    [Fact]
    public void Answers_are_accepted_from_the_opening_day_to_the_closing_day_included_and_never_once_closed()
    {
        var campaign = Campaign();
        Assert.False(campaign.AcceptsAnswers(Today)); // a draft
        campaign.Open(Now);

        Assert.False(campaign.AcceptsAnswers(Today.AddDays(-1)));
        Assert.True(campaign.AcceptsAnswers(Today));
        Assert.True(campaign.AcceptsAnswers(Today.AddDays(30)));
        Assert.False(campaign.AcceptsAnswers(Today.AddDays(31)));

        campaign.Close(Now);
        Assert.False(campaign.AcceptsAnswers(Today));
        Assert.Throws<InvalidOperationException>(() => campaign.SetServices([], [], Now));
    }

    [Fact]
    public void A_service_that_started_answering_cannot_be_removed_and_a_reference_question_is_a_count()
    {
        var service = Guid.NewGuid();
        var campaign = Campaign([service]);
        Assert.Throws<InvalidOperationException>(() => campaign.SetServices([], [service], Now));
        Assert.Throws<ArgumentException>(() => campaign.ReplaceQuestions([new QuestionDraft("Situations", QuestionKind.Texte, ReferenceQuestions.SituationsIdentified)], Now));
    }

    [Fact]
    public void A_submission_keeps_its_first_date_and_needs_every_answer()
    {
        var service = Guid.NewGuid();
        var campaign = Campaign([service]);
        campaign.Open(Now);
        var response = SurveyResponse.Start(campaign, service, Now, "professionnel");
        var questions = campaign.Questions.OrderBy(q => q.Position).ToList();
        var partial = new Dictionary<Guid, AnswerValue> { [questions[0].Id] = new(12, null, null) };
        var complete = questions.ToDictionary(q => q.Id, q => new AnswerValue(q.Key == ReferenceQuestions.SituationsIdentified ? 12 : 3, null, null));

        response.Save(campaign, partial, Today, Now, "professionnel");
        Assert.Equal(ResponseStatus.Brouillon, response.Status);
        Assert.Throws<InvalidOperationException>(() => response.Submit(campaign, partial, Today, Now, "professionnel"));

        response.Submit(campaign, complete, Today, Now, "professionnel");
        response.Submit(campaign, complete, Today.AddDays(2), Now.AddDays(2), "collegue");

        Assert.Equal(Now, response.SubmittedAt);
        Assert.Equal(Now.AddDays(2), response.UpdatedAt);
        Assert.Equal("collegue", response.UpdatedById);
        Assert.Throws<InvalidOperationException>(() => response.Submit(campaign, complete, Today.AddDays(31), Now.AddDays(31), "professionnel"));
        Assert.Throws<InvalidOperationException>(() => SurveyResponse.Start(campaign, Guid.NewGuid(), Now, "intrus"));
    }
}
