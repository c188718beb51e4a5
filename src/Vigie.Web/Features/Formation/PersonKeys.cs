using System.Text;
using Vigie.Web.Features.Observatoire.Import;

namespace Vigie.Web.Features.Formation;

/// <summary>
/// How a participant is recognised from one sheet to the next: the e-mail trimmed, in Unicode
/// normal form (NFKC) and lower case; the name without accents, case, hyphens, apostrophes or spaces
/// ("Jean-Pierre  DUPRÉ" and "jean pierre dupre" are the same name); the employer folded the same way.
/// </summary>
public static class PersonKeys
{
    public static string Email(string email) => email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>"dupre|jeanpierre": last name, then first names, each folded and without spaces.</summary>
    public static string Name(string firstName, string lastName) => Compact(lastName) + "|" + Compact(firstName);

    public static string Organisation(string employer) => ImportColumns.Fold(employer.Normalize(NormalizationForm.FormKC));

    private static string Compact(string value) => ImportColumns.Fold(value.Normalize(NormalizationForm.FormKC)).Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>A plausible address: one @, something before it, a dotted domain after it, no space.</summary>
    public static bool LooksLikeEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.')
            && !value.Any(char.IsWhiteSpace) && value.Length <= TrainedPerson.EmailMaxLength;
    }

    /// <summary>Levenshtein distance, stopping early beyond <paramref name="limit"/> (returns limit + 1 then).</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}
