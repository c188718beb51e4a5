using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Web.Platform.Crypto;

/// <summary>
/// A keyed fingerprint of a minor's identity (normalised names + birth date) for the duplicate
/// warning: equal identities give equal fingerprints, and without the key (in the key folder,
/// <c>blind-index.key</c>) a fingerprint cannot be tested against guessed names.
/// Changing the key means recomputing every stored fingerprint.
/// </summary>
public sealed class BlindIndex(byte[] key)
{
    public const string FileName = "blind-index.key";

    public static BlindIndex Load(KeyFolder folder) => new(folder.ReadOrCreateSecret(FileName, 32));

    public string Compute(string lastName, string firstName, DateOnly birthDate)
    {
        var canonical = string.Join('|', Normalise(lastName), Normalise(firstName), birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// A keyed fingerprint of the family name alone, for searching a minor by name among the
    /// situations the user may see (a different domain prefix keeps it unrelated to <see cref="Compute"/>).
    /// </summary>
    public string ComputeName(string lastName) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("nom|" + Normalise(lastName))));

    /// <summary>Lower case, no accents, letters only (spaces, hyphens and apostrophes vary in how people type a name): "Éloïse-Marie" → "eloisemarie".</summary>
    public static string Normalise(string value)
    {
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
