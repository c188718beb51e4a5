using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Lexique;

/// <summary>A term as the glossary shows it.</summary>
public sealed record TermView(Guid Id, string Key, string Title, string Definition, string? Synonyms, bool IsActive, DateTime UpdatedAt, string? UpdatedById, IReadOnlyList<SourceView> Sources)
{
    public string Anchor => LexiqueTerm.AnchorOf(Key);
}

public sealed record SourceView(string Text, string? Url);

/// <summary>The lexique's reads (as projections) and the checks a term form needs against the other terms.</summary>
public static class TermQueries
{
    /// <summary>
    /// Active terms (or retired ones) in alphabetical order, accents aside; with a query, those whose
    /// title, synonyms or definition contain every word of it, accents and case aside, the terms whose
    /// title contains the query first.
    /// </summary>
    public static Task<List<TermView>> ListAsync(VigieDbContext db, string? query, bool retired = false, CancellationToken cancellationToken = default)
    {
        var terms = db.LexiqueTerms.AsNoTracking().Where(t => t.IsActive != retired);
        var words = SearchText.Words(query);
        foreach (var word in words)
        {
            terms = terms.Where(t => t.SearchKey.Contains(word));
        }

        var folded = SearchText.Fold(query);
        var ordered = words.Count == 0
            ? terms.OrderBy(t => t.TitleKey)
            : terms.OrderBy(t => t.TitleKey.Contains(folded) ? 0 : 1).ThenBy(t => t.TitleKey);
        return Project(ordered).ToListAsync(cancellationToken);
    }

    public static Task<TermView?> FindAsync(VigieDbContext db, string key, CancellationToken cancellationToken = default) =>
        Project(db.LexiqueTerms.AsNoTracking().Where(t => t.Key == key)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The labels of the trame that link to the term <paramref name="key"/>.</summary>
    public static IReadOnlyList<string> TrameLabels(string key) =>
        [.. TrameSchema.Sections.SelectMany(s => s.Fields.Where(f => f.Terms.Contains(key)).Select(f => $"{s.FullTitle} — {f.Label}"))];

    /// <summary>Adds the form's errors about the key (on creation) and the title, which other terms may already use.</summary>
    public static async Task CheckUniqueAsync(VigieDbContext db, ModelStateDictionary modelState, string? key, string title, Guid? except)
    {
        if (key is not null)
        {
            if (LexiqueTerm.ReservedKeys.Contains(key))
            {
                modelState.AddModelError("Input.Key", $"La clé « {key} » est réservée aux pages du lexique : choisissez-en une autre.");
            }
            else if (!LexiqueTerm.IsValidKey(key))
            {
                modelState.AddModelError("Input.Key", "La clé ne contient que des lettres minuscules sans accent, des chiffres et des tirets simples (ex. mise-a-l-abri).");
            }
            else if (await db.LexiqueTerms.AnyAsync(t => t.Key == key))
            {
                modelState.AddModelError("Input.Key", $"La clé « {key} » est déjà celle d'un terme (peut-être retiré) : choisissez-en une autre.");
            }
        }

        var titleKey = SearchText.Fold(title);
        if (titleKey.Length == 0)
        {
            modelState.AddModelError("Input.Title", "Le terme doit contenir au moins une lettre ou un chiffre.");
            return;
        }

        var other = await db.LexiqueTerms.AsNoTracking().Where(t => t.TitleKey == titleKey && t.Id != except)
            .Select(t => new { t.Title, t.IsActive }).FirstOrDefaultAsync();
        if (other is not null)
        {
            modelState.AddModelError("Input.Title", other.IsActive
                ? $"Le lexique contient déjà le terme « {other.Title} » (aux accents et majuscules près)."
                : $"Un terme retiré s'appelle déjà « {other.Title} » (aux accents et majuscules près) : rétablissez-le plutôt.");
        }
    }

    private static IQueryable<TermView> Project(IQueryable<LexiqueTerm> terms) =>
        terms.Select(t => new TermView(t.Id, t.Key, t.Title, t.Definition, t.Synonyms, t.IsActive, t.UpdatedAt, t.UpdatedById,
            t.Sources.OrderBy(s => s.Position).Select(s => new SourceView(s.Text, s.Url)).ToList()));
}
