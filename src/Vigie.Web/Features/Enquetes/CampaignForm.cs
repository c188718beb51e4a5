using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Features.Enquetes;

/// <summary>The fields of a campaign (new or edited), as typed, and their checks in French.</summary>
public sealed class CampaignForm
{
    /// <summary>Blank question rows offered under the existing ones (no script needed to add a question).</summary>
    public const int BlankQuestions = 3;

    public string? Year { get; set; }

    public string? Title { get; set; }

    public string? OpensOn { get; set; }

    public string? ClosesOn { get; set; }

    public List<QuestionInput> Questions { get; set; } = [];

    public List<Guid> Services { get; set; } = [];

    public static CampaignForm New(int year, DateOnly today, IEnumerable<Guid> aseServices) => new()
    {
        Year = year.ToString(CultureInfo.InvariantCulture),
        Title = $"Enquête annuelle auprès des services de l'ASE — {year}",
        OpensOn = Iso(today),
        ClosesOn = Iso(today.AddMonths(1)),
        Questions = ReferenceQuestions.Lyon.Select(q => new QuestionInput { Label = q.Label, Kind = q.Kind, Key = q.Key }).ToList(),
        Services = aseServices.ToList(),
    };

    public static CampaignForm Of(SurveyCampaign campaign) => new()
    {
        Year = campaign.Year.ToString(CultureInfo.InvariantCulture),
        Title = campaign.Title,
        OpensOn = Iso(campaign.OpensOn),
        ClosesOn = Iso(campaign.ClosesOn),
        Questions = campaign.Questions.OrderBy(q => q.Position).Select(q => new QuestionInput { Label = q.Label, Kind = q.Kind, Key = q.Key }).ToList(),
        Services = campaign.Recipients.Select(r => r.OrganisationId).ToList(),
    };

    /// <summary>The rows the form shows: the questions, then blank rows to add some.</summary>
    public IReadOnlyList<QuestionInput> Rows() =>
        [.. Questions, .. Enumerable.Range(0, BlankQuestions).Select(_ => new QuestionInput())];

    /// <summary>The parsed values when every field is valid; otherwise null and the errors are in <paramref name="state"/>.</summary>
    public Parsed? Validate(ModelStateDictionary state, bool questionsEditable)
    {
        var yearOk = int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= SurveyCampaign.MinYear and <= SurveyCampaign.MaxYear;
        if (!yearOk)
        {
            state.AddModelError("Input.Year", $"Indiquez l'année de l'enquête (de {SurveyCampaign.MinYear} à {SurveyCampaign.MaxYear}).");
        }

        Title = Title?.Trim();
        if (string.IsNullOrEmpty(Title))
        {
            state.AddModelError("Input.Title", "Indiquez le titre de la campagne.");
        }
        else if (Title.Length > SurveyCampaign.TitleMaxLength)
        {
            state.AddModelError("Input.Title", $"Le titre fait {SurveyCampaign.TitleMaxLength} caractères au plus.");
        }

        var opens = Date(state, "Input.OpensOn", OpensOn, "d'ouverture");
        var closes = Date(state, "Input.ClosesOn", ClosesOn, "de clôture");
        if (opens is { } o && closes is { } c && c < o)
        {
            state.AddModelError("Input.ClosesOn", "La date de clôture ne peut précéder la date d'ouverture.");
        }

        var questions = new List<QuestionDraft>();
        if (questionsEditable)
        {
            for (var i = 0; i < Questions.Count; i++)
            {
                var q = Questions[i];
                var label = q.Label?.Trim();
                if (string.IsNullOrEmpty(label))
                {
                    continue; // a blank row: no question
                }

                var key = q.Key is not null && ReferenceQuestions.IsReference(q.Key) ? q.Key : null;
                var kind = key is null ? q.Kind : QuestionKind.Nombre; // a reference question stays a count
                if (label.Length > SurveyQuestion.LabelMaxLength)
                {
                    state.AddModelError($"Input.Questions[{i}].Label", $"Une question fait {SurveyQuestion.LabelMaxLength} caractères au plus (question {i + 1}).");
                }

                if (!Enum.IsDefined(kind) || (state.TryGetValue($"Input.Questions[{i}].Kind", out var entry) && entry.Errors.Count > 0))
                {
                    state.Remove($"Input.Questions[{i}].Kind");
                    state.AddModelError($"Input.Questions[{i}].Kind", $"Choisissez le type de réponse de la question {i + 1}.");
                }

                questions.Add(new QuestionDraft(label, kind, key is not null && questions.All(d => d.Key != key) ? key : null));
            }

            if (questions.Count == 0)
            {
                state.AddModelError("Input.Questions[0].Label", "Posez au moins une question.");
            }
        }

        Services = Services.Distinct().ToList();
        return state.IsValid && yearOk && opens is not null && closes is not null
            ? new Parsed(year, Title!, opens.Value, closes.Value, questions, Services)
            : null;
    }

    private static DateOnly? Date(ModelStateDictionary state, string key, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            state.AddModelError(key, $"Indiquez la date {what}.");
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            state.AddModelError(key, $"La date {what} n'est pas valide (jj/mm/aaaa).");
            return null;
        }

        return date;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed record Parsed(int Year, string Title, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<QuestionDraft> Questions, IReadOnlyList<Guid> Services);
}

public sealed class QuestionInput
{
    public string? Label { get; set; }

    public QuestionKind Kind { get; set; } = QuestionKind.Nombre;

    /// <summary>The reference key of a prefilled question (kept hidden in the form).</summary>
    public string? Key { get; set; }
}
