using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Lexique;

/// <summary>What the term form sends; checked here and against the other terms by the pages.</summary>
public sealed class TermInput
{
    [StringLength(LexiqueTerm.KeyMaxLength, ErrorMessage = "La clé fait 60 caractères au plus.")]
    public string? Key { get; set; }

    [Required(ErrorMessage = "Indiquez le terme.")]
    [StringLength(LexiqueTerm.TitleMaxLength, ErrorMessage = "Le terme fait 120 caractères au plus.")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Indiquez la définition.")]
    [StringLength(LexiqueTerm.DefinitionMaxLength, ErrorMessage = "La définition fait 4 000 caractères au plus.")]
    public string? Definition { get; set; }

    [StringLength(LexiqueTerm.SynonymsMaxLength, ErrorMessage = "Les synonymes font 500 caractères au plus.")]
    public string? Synonyms { get; set; }

    public List<SourceInput> Sources { get; set; } = [];

    /// <summary>The sources as the form shows them: those typed, then two empty rows (five rows at most).</summary>
    public IReadOnlyList<SourceInput> SourceRows
    {
        get
        {
            var typed = Sources.Take(LexiqueTerm.MaxSources).ToList();
            var blanks = Math.Min(2, LexiqueTerm.MaxSources - typed.Count);
            return [.. typed, .. Enumerable.Range(0, blanks).Select(_ => new SourceInput())];
        }
    }

    /// <summary>Checks the sources (a title for each address, addresses in http or https) and returns them tidied.</summary>
    public List<(string Text, string? Url)> CheckSources(ModelStateDictionary modelState)
    {
        var result = new List<(string, string?)>();
        for (var i = 0; i < Sources.Count; i++)
        {
            var source = Sources[i];
            var prefix = $"Input.Sources[{i}]";
            if (i >= LexiqueTerm.MaxSources)
            {
                if (!string.IsNullOrWhiteSpace(source.Text) || !string.IsNullOrWhiteSpace(source.Url))
                {
                    modelState.AddModelError(prefix + ".Text", $"Un terme a {LexiqueTerm.MaxSources} sources au plus.");
                }

                continue;
            }

            var url = ContactFormats.Url(source.Url);
            if (!string.IsNullOrWhiteSpace(source.Url) && url is null)
            {
                modelState.AddModelError(prefix + ".Url", $"Source {i + 1} : " + char.ToLowerInvariant(ContactFormats.UrlMessage[0]) + ContactFormats.UrlMessage[1..]);
            }

            if (string.IsNullOrWhiteSpace(source.Text))
            {
                if (!string.IsNullOrWhiteSpace(source.Url))
                {
                    modelState.AddModelError(prefix + ".Text", $"Source {i + 1} : indiquez le texte ou la référence (ex. Code pénal, art. 225-5).");
                }

                continue;
            }

            if (source.Text.Trim().Length > LexiqueSource.TextMaxLength)
            {
                modelState.AddModelError(prefix + ".Text", $"Source {i + 1} : la référence fait 300 caractères au plus.");
                continue;
            }

            result.Add((source.Text.Trim(), url));
        }

        return result;
    }

    public static TermInput From(LexiqueTerm term) => new()
    {
        Key = term.Key,
        Title = term.Title,
        Definition = term.Definition,
        Synonyms = term.Synonyms,
        Sources = [.. term.Sources.OrderBy(s => s.Position).Select(s => new SourceInput { Text = s.Text, Url = s.Url })],
    };
}

public sealed class SourceInput
{
    public string? Text { get; set; }

    public string? Url { get; set; }
}
