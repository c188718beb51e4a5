using System.Net.Mail;
using System.Text;

namespace Vigie.Web.Platform.Web;

/// <summary>
/// Checks and tidies the contact details people type (phone numbers in French formats, e-mail
/// addresses, web addresses), with the French message a form shows when one is wrong.
/// </summary>
public static class ContactFormats
{
    public const string PhoneMessage =
        "Le téléphone doit être un numéro français : 10 chiffres commençant par 0 (ex. 04 72 00 00 00), +33 suivi de 9 chiffres (ex. +33 4 72 00 00 00) ou un numéro court (ex. 119, 3919).";

    public const string EmailMessage = "L'adresse e-mail n'est pas valide (ex. prenom.nom@organisation.fr).";

    public const string UrlMessage = "L'adresse web n'est pas valide : elle commence par https:// ou http:// (ex. https://www.exemple.fr).";

    /// <summary>
    /// A French phone number written the usual way ("04 72 00 00 00", "+33 4 72 00 00 00"), or a
    /// short number (15, 119, 3919) as typed; null when it is not one. Spaces, dots, dashes and
    /// "(0)" after +33 are accepted on input.
    /// </summary>
    public static string? Phone(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim().Replace("(0)", string.Empty, StringComparison.Ordinal);
        var international = text.StartsWith('+') || text.StartsWith("0033", StringComparison.Ordinal);
        var digits = new StringBuilder();
        foreach (var c in text.TrimStart('+'))
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '\u00A0'))
            {
                return null;
            }
        }

        var number = digits.ToString();
        if (international)
        {
            number = number.StartsWith("0033", StringComparison.Ordinal) ? number[4..] : number.StartsWith("33", StringComparison.Ordinal) ? number[2..] : string.Empty;
            return number.Length == 9 && number[0] != '0' ? "+33 " + number[0] + " " + Pairs(number[1..]) : null;
        }

        if (number.Length == 10 && number[0] == '0' && number[1] != '0')
        {
            return Pairs(number);
        }

        return number.Length is >= 2 and <= 4 && number.Length == text.Length ? number : null;
    }

    /// <summary>A plausible e-mail address (one @, a dotted domain, no spaces), trimmed; null when it is not one.</summary>
    public static string? Email(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim();
        if (text.Length > 254 || text.Any(char.IsWhiteSpace) || text.Count(c => c == '@') != 1)
        {
            return null;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var domain = text[(at + 1)..];
        if (at == 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        return MailAddress.TryCreate(text, out var address) && address.Address == text ? text : null;
    }

    /// <summary>
    /// An http or https address with a dotted host, "https://" added when the scheme was left out
    /// ("www.exemple.fr"); null otherwise. Any other scheme (javascript:, data:, file:) is refused,
    /// so an address shown as a link can only lead to a web page.
    /// </summary>
    public static string? Url(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var text = typed.Trim();
        if (!text.Contains("://", StringComparison.Ordinal) && !text.Contains(':', StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (text.Length > 500 || text.Any(char.IsWhiteSpace)
            || !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !uri.Host.Contains('.', StringComparison.Ordinal) || uri.Host.StartsWith('.') || uri.Host.EndsWith('.')
            || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return null;
        }

        return text;
    }

    private static string Pairs(string digits)
    {
        var result = new StringBuilder();
        for (var i = 0; i < digits.Length; i += 2)
        {
            if (result.Length > 0)
            {
                result.Append(' ');
            }

            result.Append(digits, i, Math.Min(2, digits.Length - i));
        }

        return result.ToString();
    }
}
