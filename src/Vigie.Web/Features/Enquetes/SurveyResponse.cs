using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Enquetes;

public enum ResponseStatus
{
    Brouillon,
    Envoyee,
}

/// <summary>
/// One service's answer to a campaign: saved as a draft as often as needed, then submitted. After
/// submission the service may still change it until the campaign's closing day; every change is dated.
/// Only submitted answers count in the results.
/// </summary>
public sealed class SurveyResponse
{
    private SurveyResponse()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ResponseStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public string UpdatedById { get; private set; } = string.Empty;

    /// <summary>The first submission.</summary>
    public DateTime? SubmittedAt { get; private set; }

    public string? SubmittedById { get; private set; }

    public List<SurveyAnswer> Answers { get; private set; } = [];

    public static SurveyResponse Start(SurveyCampaign campaign, Guid organisationId, DateTime now, string userId)
    {
        if (campaign.Recipients.All(r => r.OrganisationId != organisationId))
        {
            throw new InvalidOperationException("Ce service n'est pas interrogé par la campagne.");
        }

        return new SurveyResponse
        {
            Id = Guid.CreateVersion7(),
            CampaignId = campaign.Id,
            OrganisationId = organisationId,
            Status = ResponseStatus.Brouillon,
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedById = userId,
        };
    }

    /// <summary>Keeps the values (question → value) as a draft, or as the submitted answer once it was submitted.</summary>
    public void Save(SurveyCampaign campaign, IReadOnlyDictionary<Guid, AnswerValue> values, DateOnly today, DateTime now, string userId)
    {
        Guard(campaign, today);
        Apply(campaign, values);
        UpdatedAt = now;
        UpdatedById = userId;
    }

    /// <summary>Submits: every question answered. The first submission is remembered; later changes are dated by <see cref="UpdatedAt"/>.</summary>
    public void Submit(SurveyCampaign campaign, IReadOnlyDictionary<Guid, AnswerValue> values, DateOnly today, DateTime now, string userId)
    {
        Guard(campaign, today);
        if (campaign.Questions.Any(q => !values.TryGetValue(q.Id, out var v) || v.IsEmpty))
        {
            throw new InvalidOperationException("Toutes les questions doivent avoir une réponse pour envoyer.");
        }

        Apply(campaign, values);
        Status = ResponseStatus.Envoyee;
        SubmittedAt ??= now;
        SubmittedById ??= userId;
        UpdatedAt = now;
        UpdatedById = userId;
    }

    private void Guard(SurveyCampaign campaign, DateOnly today)
    {
        if (campaign.Id != CampaignId)
        {
            throw new ArgumentException("Campagne différente.", nameof(campaign));
        }

        if (!campaign.AcceptsAnswers(today))
        {
            throw new InvalidOperationException("La campagne n'accepte pas de réponse à cette date.");
        }
    }

    private void Apply(SurveyCampaign campaign, IReadOnlyDictionary<Guid, AnswerValue> values)
    {
        foreach (var question in campaign.Questions)
        {
            var value = values.GetValueOrDefault(question.Id) ?? AnswerValue.Empty;
            if ((value.Number is not null && question.Kind != QuestionKind.Nombre) || (value.YesNo is not null && question.Kind != QuestionKind.OuiNon)
                || (value.Text is not null && question.Kind != QuestionKind.Texte) || value.Number < 0)
            {
                throw new ArgumentException("Réponse d'un type différent de la question, ou nombre négatif.", nameof(values));
            }

            var answer = Answers.FirstOrDefault(a => a.QuestionId == question.Id);
            if (answer is null)
            {
                answer = new SurveyAnswer { ResponseId = Id, QuestionId = question.Id };
                Answers.Add(answer);
            }

            answer.Number = value.Number;
            answer.YesNo = value.YesNo;
            answer.Text = value.Text;
        }
    }
}

/// <summary>A typed answer: at most one of the three is set (none: not answered yet).</summary>
public sealed record AnswerValue(int? Number, bool? YesNo, string? Text)
{
    public static readonly AnswerValue Empty = new(null, null, null);

    public bool IsEmpty => Number is null && YesNo is null && string.IsNullOrWhiteSpace(Text);
}

public sealed class SurveyAnswer
{
    public const int TextMaxLength = 500;

    public Guid ResponseId { get; set; }

    public Guid QuestionId { get; set; }

    public int? Number { get; set; }

    public bool? YesNo { get; set; }

    public string? Text { get; set; }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.HasIndex(r => new { r.CampaignId, r.OrganisationId }).IsUnique();
        builder.HasOne<SurveyCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Administration.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.UpdatedById).HasMaxLength(64);
        builder.Property(r => r.SubmittedById).HasMaxLength(64);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Property);
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.HasKey(a => new { a.ResponseId, a.QuestionId });
        builder.Property(a => a.Text).HasMaxLength(SurveyAnswer.TextMaxLength);
        // Questions are fixed once answers exist (the campaign is open): no cascade from a question.
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
