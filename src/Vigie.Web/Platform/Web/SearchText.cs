using System.Globalization;
using System.Text;

namespace Vigie.Web.Platform.Web;

/// <summary>
/// Text folded for searching and for uniqueness checks that both databases can run the same way:
/// lower case, accents removed, ligatures spelled out, every run of punctuation or spaces one space.
/// "Proxénétisme", "PROXENETISME" and "proxénétisme !" all fold to "proxenetisme". A module stores
/// the folded text in a column of its own and compares with plain equality or containment, which
/// SQLite and PostgreSQL translate alike (no collation, no extension).
/// </summary>
public static class SearchText
{
    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && result.Length > 0)
                {
                    result.Append(' ');
                }

                pendingSpace = false;
                var lower = char.ToLowerInvariant(c);
                result.Append(lower switch
                {
                    'œ' => "oe",
                    'æ' => "ae",
                    'ß' => "ss",
                    _ => lower.ToString(),
                });
            }
            else
            {
                pendingSpace = true;
            }
        }

        return result.ToString();
    }

    /// <summary>The folded words of a query, each of which a match must contain (at most 8, duplicates dropped).</summary>
    public static IReadOnlyList<string> Words(string? query) =>
        [.. Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().Take(8)];
}
