using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Vigie.Web.Features.Enquetes;

public enum CampaignStatus
{
    Brouillon,
    Ouverte,
    Close,
}

public enum QuestionKind
{
    /// <summary>A count: a non-negative whole number.</summary>
    Nombre,
    OuiNon,

    /// <summary>A short text (no personal data: the form says so).</summary>
    Texte,
}

/// <summary>
/// The yearly survey of the ASE services (DOMAIN.md §5): one campaign per year, its questions, the
/// services asked. Drafted by Coordination (questions and services can change), then opened (the
/// services answer from the opening day to the closing day included), then closed. Questions are fixed
/// once the campaign is open so that every service answers the same ones.
/// </summary>
public sealed class SurveyCampaign
{
    public const int TitleMaxLength = 200;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    private SurveyCampaign()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public CampaignStatus Status { get; private set; }

    /// <summary>First day services may answer (Paris calendar day).</summary>
    public DateOnly OpensOn { get; private set; }

    /// <summary>Last day services may answer or change a submitted answer (Paris calendar day, included).</summary>
    public DateOnly ClosesOn { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string CreatedById { get; private set; } = string.Empty;

    public DateTime UpdatedAt { get; private set; }

    public DateTime? OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public List<SurveyQuestion> Questions { get; private set; } = [];

    public List<SurveyRecipient> Recipients { get; private set; } = [];

    public static SurveyCampaign Create(int year, string title, DateOnly opensOn, DateOnly closesOn,
        IEnumerable<QuestionDraft> questions, IEnumerable<Guid> services, DateTime now, string createdById)
    {
        var campaign = new SurveyCampaign
        {
            Id = Guid.CreateVersion7(),
            Status = CampaignStatus.Brouillon,
            CreatedAt = now,
            CreatedById = createdById,
        };
        campaign.Update(year, title, opensOn, closesOn, now);
        campaign.ReplaceQuestions(questions, now);
        campaign.SetServices(services, [], now);
        return campaign;
    }

    /// <summary>Year, title and dates. The year is fixed once the campaign is open (answers refer to it).</summary>
    public void Update(int year, string title, DateOnly opensOn, DateOnly closesOn, DateTime now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year));
        }

        if (closesOn < opensOn)
        {
            throw new ArgumentException("La clôture ne peut précéder l'ouverture.", nameof(closesOn));
        }

        if (Status == CampaignStatus.Close)
        {
            throw new InvalidOperationException("Une campagne close ne se modifie plus.");
        }

        if (Status != CampaignStatus.Brouillon && year != Year)
        {
            throw new InvalidOperationException("L'année d'une campagne ouverte ne change plus.");
        }

        Year = year;
        Title = title.Trim();
        OpensOn = opensOn;
        ClosesOn = closesOn;
        UpdatedAt = now;
    }

    /// <summary>The questions, in order; only while the campaign is a draft.</summary>
    public void ReplaceQuestions(IEnumerable<QuestionDraft> questions, DateTime now)
    {
        if (Status != CampaignStatus.Brouillon)
        {
            throw new InvalidOperationException("Les questions ne changent plus une fois la campagne ouverte.");
        }

        var list = questions.ToList();
        if (list.Select(q => q.Key).OfType<string>().GroupBy(k => k).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("Une question de référence figure deux fois.", nameof(questions));
        }

        Questions.Clear();
        for (var i = 0; i < list.Count; i++)
        {
            Questions.Add(SurveyQuestion.Create(Id, i + 1, list[i]));
        }

        UpdatedAt = now;
    }

    /// <summary>The services asked. A service that has already started answering cannot be removed.</summary>
    public void SetServices(IEnumerable<Guid> services, IReadOnlyCollection<Guid> answering, DateTime now)
    {
        if (Status == CampaignStatus.Close)
        {
            throw new InvalidOperationException("Une campagne close ne se modifie plus.");
        }

        var wanted = services.Distinct().ToHashSet();
        if (answering.Any(a => !wanted.Contains(a)))
        {
            throw new InvalidOperationException("Un service qui a commencé à répondre ne peut être retiré de la campagne.");
        }

        Recipients.RemoveAll(r => !wanted.Contains(r.OrganisationId));
        foreach (var id in wanted.Where(id => Recipients.All(r => r.OrganisationId != id)))
        {
            Recipients.Add(new SurveyRecipient { CampaignId = Id, OrganisationId = id, AddedAt = now });
        }

        UpdatedAt = now;
    }

    /// <summary>Opens the campaign to the services: it needs at least one question and one service.</summary>
    public void Open(DateTime now)
    {
        if (Status != CampaignStatus.Brouillon)
        {
            throw new InvalidOperationException("Seule une campagne en brouillon peut être ouverte.");
        }

        if (Questions.Count == 0 || Recipients.Count == 0)
        {
            throw new InvalidOperationException("Une campagne s'ouvre avec au moins une question et un service interrogé.");
        }

        Status = CampaignStatus.Ouverte;
        OpenedAt = now;
        UpdatedAt = now;
    }

    public void Close(DateTime now)
    {
        if (Status != CampaignStatus.Ouverte)
        {
            throw new InvalidOperationException("Seule une campagne ouverte peut être close.");
        }

        Status = CampaignStatus.Close;
        ClosedAt = now;
        UpdatedAt = now;
    }

    /// <summary>Whether a service may save or submit (or change a submitted) answer on <paramref name="today"/> (Paris day).</summary>
    public bool AcceptsAnswers(DateOnly today) => Status == CampaignStatus.Ouverte && today >= OpensOn && today <= ClosesOn;
}

/// <summary>A question before it is stored: its label, kind, and the key of a reference question (or null).</summary>
public sealed record QuestionDraft(string Label, QuestionKind Kind, string? Key = null);

/// <summary>One question of a campaign. <see cref="Key"/> marks the reference questions the observatory reads across years.</summary>
public sealed class SurveyQuestion
{
    public const int LabelMaxLength = 300;

    private SurveyQuestion()
    {
    }

    public Guid Id { get; private set; }

    public Guid CampaignId { get; private set; }

    public int Position { get; private set; }

    public string Label { get; private set; } = string.Empty;

    public QuestionKind Kind { get; private set; }

    public string? Key { get; private set; }

    internal static SurveyQuestion Create(Guid campaignId, int position, QuestionDraft draft)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(draft.Label);
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(draft));
        }

        if (draft.Key is not null && (!ReferenceQuestions.IsReference(draft.Key) || draft.Kind != QuestionKind.Nombre))
        {
            throw new ArgumentException("Question de référence inconnue, ou qui n'est pas un nombre.", nameof(draft));
        }

        return new SurveyQuestion
        {
            Id = Guid.CreateVersion7(),
            CampaignId = campaignId,
            Position = position,
            Label = draft.Label.Trim(),
            Kind = draft.Kind,
            Key = draft.Key,
        };
    }
}

/// <summary>A service (organisation) asked to answer a campaign, and the reminders it was sent.</summary>
public sealed class SurveyRecipient
{
    public Guid CampaignId { get; set; }

    public Guid OrganisationId { get; set; }

    public DateTime AddedAt { get; set; }

    /// <summary>The last manual reminder ("relancer") by Coordination.</summary>
    public DateTime? RemindedAt { get; set; }

    /// <summary>The automatic reminder before the closing day (sent at most once).</summary>
    public DateTime? AutoRemindedAt { get; set; }
}

/// <summary>The reference questions of the Lyon questionnaire, prefilled in every new campaign.</summary>
public static class ReferenceQuestions
{
    public const string SituationsIdentified = "situations_identifiees";
    public const string GirlsProven = "filles_averees";
    public const string BoysProven = "garcons_averees";

    public static readonly IReadOnlyList<QuestionDraft> Lyon =
    [
        new("Situations identifiées comme conduites prostitutionnelles", QuestionKind.Nombre, SituationsIdentified),
        new("Filles en situation de prostitution avérée au cours de l'année", QuestionKind.Nombre, GirlsProven),
        new("Garçons en situation de prostitution avérée au cours de l'année", QuestionKind.Nombre, BoysProven),
    ];

    public static bool IsReference(string key) => key is SituationsIdentified or GirlsProven or BoysProven;

    public static string KindLabel(QuestionKind kind) => kind switch
    {
        QuestionKind.Nombre => "Nombre",
        QuestionKind.OuiNon => "Oui / non",
        QuestionKind.Texte => "Texte court",
        _ => kind.ToString(),
    };

    public static string StatusLabel(CampaignStatus status) => status switch
    {
        CampaignStatus.Brouillon => "Brouillon",
        CampaignStatus.Ouverte => "Ouverte",
        CampaignStatus.Close => "Close",
        _ => status.ToString(),
    };
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(SurveyCampaign.TitleMaxLength);
        builder.Property(c => c.CreatedById).HasMaxLength(64);
        // One campaign per year: the trend reads one figure per year.
        builder.HasIndex(c => c.Year).IsUnique();
        builder.HasMany(c => c.Questions).WithOne().HasForeignKey(q => q.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Questions).UsePropertyAccessMode(PropertyAccessMode.Property);
        builder.Navigation(c => c.Recipients).UsePropertyAccessMode(PropertyAccessMode.Property);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.Property(q => q.Label).HasMaxLength(SurveyQuestion.LabelMaxLength);
        builder.Property(q => q.Key).HasMaxLength(40);
        builder.HasIndex(q => new { q.CampaignId, q.Position });
    }
}

internal sealed class SurveyRecipientConfiguration : IEntityTypeConfiguration<SurveyRecipient>
{
    public void Configure(EntityTypeBuilder<SurveyRecipient> builder)
    {
        builder.HasKey(r => new { r.CampaignId, r.OrganisationId });
        builder.HasOne<Administration.Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.OrganisationId);
    }
}
