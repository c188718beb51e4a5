using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Features.Enquetes;

/// <summary>A service's answers as typed (one string per question, in the campaign's order) and their checks in French.</summary>
public sealed class AnswerForm
{
    public List<string?> Values { get; set; } = [];

    public static AnswerForm Of(IReadOnlyList<SurveyQuestion> questions, IEnumerable<SurveyAnswer> answers)
    {
        var byQuestion = answers.ToDictionary(a => a.QuestionId);
        return new AnswerForm
        {
            Values = questions.Select(q => byQuestion.TryGetValue(q.Id, out var a) ? Display(q.Kind, a) : null).ToList(),
        };
    }

    /// <summary>
    /// The typed values when they are valid (an empty answer is allowed in a draft, not when submitting);
    /// otherwise null with the errors in <paramref name="state"/>, under <c>Input.Values[i]</c>.
    /// </summary>
    public Dictionary<Guid, AnswerValue>? Validate(ModelStateDictionary state, IReadOnlyList<SurveyQuestion> questions, bool submitting)
    {
        var values = new Dictionary<Guid, AnswerValue>();
        for (var i = 0; i < questions.Count; i++)
        {
            var question = questions[i];
            var key = $"Input.Values[{i}]";
            var typed = i < Values.Count ? Values[i]?.Trim() : null;
            if (string.IsNullOrEmpty(typed))
            {
                values[question.Id] = AnswerValue.Empty;
                if (submitting)
                {
                    state.AddModelError(key, $"Répondez à la question « {question.Label} » avant d'envoyer (vous pouvez aussi enregistrer le brouillon).");
                }

                continue;
            }

            switch (question.Kind)
            {
                case QuestionKind.Nombre:
                    // "1 200" is read as 1200; a sign, a decimal or letters are refused.
                    var digits = typed.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal);
                    if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        values[question.Id] = new AnswerValue(number, null, null);
                    }
                    else
                    {
                        state.AddModelError(key, $"« {question.Label} » : indiquez un nombre entier positif ou nul (par exemple 0 ou 12).");
                    }

                    break;
                case QuestionKind.OuiNon:
                    if (typed is "oui" or "non")
                    {
                        values[question.Id] = new AnswerValue(null, typed == "oui", null);
                    }
                    else
                    {
                        state.AddModelError(key, $"« {question.Label} » : répondez oui ou non.");
                    }

                    break;
                default:
                    if (typed.Length > SurveyAnswer.TextMaxLength)
                    {
                        state.AddModelError(key, $"« {question.Label} » : {SurveyAnswer.TextMaxLength} caractères au plus.");
                    }
                    else
                    {
                        values[question.Id] = new AnswerValue(null, null, typed);
                    }

                    break;
            }
        }

        CheckProvenWithinIdentified(state, questions, values);
        return state.IsValid ? values : null;
    }

    /// <summary>Girls plus boys in proven prostitution cannot exceed the situations identified (when the three are answered).</summary>
    private static void CheckProvenWithinIdentified(ModelStateDictionary state, IReadOnlyList<SurveyQuestion> questions, Dictionary<Guid, AnswerValue> values)
    {
        int? Of(string key) => questions.FirstOrDefault(q => q.Key == key) is { } q && values.TryGetValue(q.Id, out var v) ? v.Number : null;
        var identified = Of(ReferenceQuestions.SituationsIdentified);
        var girls = Of(ReferenceQuestions.GirlsProven);
        var boys = Of(ReferenceQuestions.BoysProven);
        if (identified is null || (girls is null && boys is null))
        {
            return;
        }

        var proven = (girls ?? 0) + (boys ?? 0);
        if (proven > identified)
        {
            var index = questions.ToList().FindIndex(q => q.Key == (girls is null ? ReferenceQuestions.BoysProven : ReferenceQuestions.GirlsProven));
            state.AddModelError($"Input.Values[{index}]",
                $"Les filles et garçons en situation de prostitution avérée ({girls ?? 0} + {boys ?? 0} = {proven}) ne peuvent dépasser "
                + $"les situations identifiées comme conduites prostitutionnelles ({identified}).");
        }
    }

    private static string? Display(QuestionKind kind, SurveyAnswer answer) => kind switch
    {
        QuestionKind.Nombre => answer.Number?.ToString(CultureInfo.InvariantCulture),
        QuestionKind.OuiNon => answer.YesNo is null ? null : answer.YesNo.Value ? "oui" : "non",
        _ => answer.Text,
    };
}
