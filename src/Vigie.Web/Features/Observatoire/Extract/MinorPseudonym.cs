using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Observatoire.Extract;

/// <summary>Settings of the pseudonymised extract (<c>Vigie:Observatoire</c>).</summary>
public sealed class PseudonymisedExtractOptions
{
    public const string Section = "Vigie:Observatoire";

    /// <summary>
    /// The HMAC secret of the minor's key, base64, at least 32 bytes. Empty: the secret is read from
    /// (or created in) the key folder, <see cref="MinorPseudonym.FileName"/>. Never stored in the database.
    /// </summary>
    public string? PseudonymKey { get; set; }
}

internal sealed class PseudonymisedExtractOptionsValidator : IValidateOptions<PseudonymisedExtractOptions>
{
    public ValidateOptionsResult Validate(string? name, PseudonymisedExtractOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PseudonymKey))
        {
            return ValidateOptionsResult.Success;
        }

        // The message never repeats the value: it is a secret.
        return MinorPseudonym.TryDecodeSecret(options.PseudonymKey, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{PseudonymisedExtractOptions.Section}:PseudonymKey must be base64 of at least {MinorPseudonym.MinSecretBytes} bytes.");
    }
}

/// <summary>
/// The irreversible key of a minor in the pseudonymised extract (OLINPE style, décret 2016-1966):
/// HMAC-SHA256, with a secret held outside the database, of the normalised first name, the month and
/// year of birth and the mother's normalised family name. The same minor gets the same key in every
/// extract made with the same secret, whichever organisation follows them; without the secret a key
/// cannot be tested against guessed identities. See docs/observatoire-extrait.md.
/// </summary>
public sealed class MinorPseudonym(byte[] secret)
{
    public const string FileName = "observatoire-pseudonyme.key";
    public const int MinSecretBytes = 32;

    public static MinorPseudonym Load(IOptions<PseudonymisedExtractOptions> options, KeyFolder folder)
    {
        var configured = options.Value.PseudonymKey;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return TryDecodeSecret(configured, out var secret)
                ? new MinorPseudonym(secret)
                : throw new InvalidOperationException($"{PseudonymisedExtractOptions.Section}:PseudonymKey is not valid base64 of at least {MinSecretBytes} bytes.");
        }

        return new MinorPseudonym(folder.ReadOrCreateSecret(FileName, MinSecretBytes));
    }

    public static bool TryDecodeSecret(string value, out byte[] secret)
    {
        var buffer = new byte[value.Length];
        if (Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written >= MinSecretBytes)
        {
            secret = buffer[..written];
            return true;
        }

        secret = [];
        return false;
    }

    /// <summary>64 lower-case hex digits. <paramref name="motherFamilyName"/> is empty when no mother is recorded.</summary>
    public string Compute(string firstName, int birthMonth, int birthYear, string motherFamilyName) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(Canonical(firstName, birthMonth, birthYear, motherFamilyName))));

    /// <summary>What the HMAC is computed over: <c>PRENOM|MM/YYYY|NOMDELAMERE</c>, e.g. <c>ZOELOU|04/2010|DUPONTDURAND</c>.</summary>
    public static string Canonical(string firstName, int birthMonth, int birthYear, string motherFamilyName) =>
        string.Join('|', Normalise(firstName), $"{birthMonth.ToString("00", CultureInfo.InvariantCulture)}/{birthYear.ToString("0000", CultureInfo.InvariantCulture)}",
            Normalise(motherFamilyName));

    /// <summary>
    /// Upper case, accents removed, letters only (spaces, hyphens, apostrophes, dots and digits vary in how
    /// people type a name): "Zoé-Lou" → "ZOELOU", "N'Diaye" → "NDIAYE". The ligatures Œ, Æ and ß, which carry
    /// no accent to remove, become OE, AE and SS.
    /// </summary>
    public static string Normalise(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            switch (c)
            {
                case 'œ' or 'Œ':
                    builder.Append("OE");
                    break;
                case 'æ' or 'Æ':
                    builder.Append("AE");
                    break;
                case 'ß':
                    builder.Append("SS");
                    break;
                default:
                    // Combining accents are not letters (UnicodeCategory.NonSpacingMark): they drop out here.
                    if (char.IsLetter(c))
                    {
                        builder.Append(char.ToUpperInvariant(c));
                    }

                    break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The family name in the trame's "Prénom et nom" of a parent: everything after the first word
    /// ("Marie Dupont-Durand" → "Dupont-Durand", "Anne Marie Le Goff" → "Marie Le Goff"). A single word
    /// gives an empty family name: it cannot be told from a first name, and the key is marked incomplete.
    /// </summary>
    public static string FamilyNameOf(string? firstAndLastName)
    {
        var words = (firstAndLastName ?? string.Empty).Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 2 ? words[1] : string.Empty;
    }
}
