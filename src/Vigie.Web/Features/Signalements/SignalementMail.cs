using MimeKit;
using Vigie.Web.Platform.Email;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// The e-mail that carries a signalement: a fixed subject and body naming only the reference and
/// the authors' organisations (never the minor), and the PDF attached.
/// </summary>
public static class SignalementMail
{
    public static string Subject(SignalementKind kind, string reference) => kind == SignalementKind.Signalement
        ? $"Signalement {reference} — mineur(e) victime ou en risque de prostitution"
        : $"Information préoccupante {reference} — mineur(e) en risque de prostitution";

    public static string AttachmentName(Signalement signalement) => $"{(signalement.Kind == SignalementKind.Signalement ? "signalement" : "information-preoccupante")}-{signalement.Reference}.pdf";

    public static string Body(SignalementKind kind, string reference, IEnumerable<string> organisations, string attachment)
    {
        var what = kind == SignalementKind.Signalement ? $"le signalement {reference}" : $"l'information préoccupante {reference}";
        var from = string.Join(", ", organisations.Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.Ordinal));
        return $"""
            Madame, Monsieur,

            Veuillez trouver ci-joint {what}, rédigé(e) par : {from}.

            Le document joint ({attachment}) contient toutes les informations utiles ; ce message n'en contient volontairement aucune.

            Message envoyé par Vigie. Pour toute question, répondez à ce message en rappelant la référence {reference}.
            """;
    }

    /// <summary>From the sender of the settings; To the main recipients; Cc the copies; the PDF attached.</summary>
    public static MimeMessage Build(MailOptions mail, Signalement signalement, IReadOnlyList<SignalementRecipient> recipients, byte[] pdf)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(mail.FromName, mail.From));
        foreach (var recipient in recipients)
        {
            (recipient.Copy ? message.Cc : message.To).Add(new MailboxAddress(recipient.Name, recipient.Email));
        }

        message.Subject = Subject(signalement.Kind, signalement.Reference);
        var attachment = AttachmentName(signalement);
        var body = new BodyBuilder { TextBody = Body(signalement.Kind, signalement.Reference, signalement.Authors.Select(a => a.Organisation), attachment) };
        body.Attachments.Add(attachment, pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }
}
