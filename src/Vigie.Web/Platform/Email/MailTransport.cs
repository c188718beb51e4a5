using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Vigie.Web.Platform.Email;

/// <summary>What the transport knows once a message has left: when, how, and the server's own answer (proof of acceptance).</summary>
public sealed record MailReceipt(DateTime AcceptedAt, MailTransportKind Transport, string ServerResponse);

/// <summary>The one way Vigie sends mail. Two implementations: a pickup folder and SMTP.</summary>
public interface IMailTransport
{
    Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}

public sealed class PickupFolderTransport(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock) : IMailTransport
{
    public async Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        var now = clock.GetUtcNow().UtcDateTime;
        var file = Path.Combine(folder, $"{now:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, cancellationToken);
        return new MailReceipt(now, MailTransportKind.Pickup, "écrit dans " + Path.GetFileName(file));
    }
}

public sealed class SmtpMailTransport(IOptions<MailOptions> options, TimeProvider clock) : IMailTransport
{
    public async Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        using var client = await ConnectAsync(options.Value, cancellationToken);

        // The relay's answer to the end of DATA ("250 2.0.0 Ok: queued as …") is the proof it took the message.
        var response = await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return new MailReceipt(clock.GetUtcNow().UtcDateTime, MailTransportKind.Smtp, response);
    }

    /// <summary>A client connected (and authenticated, when a user is set) to the configured relay.</summary>
    public static async Task<SmtpClient> ConnectAsync(MailOptions settings, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = settings.TimeoutSeconds * 1000 };
        try
        {
            var security = settings.Security switch
            {
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Vigie:Mail:Host manquant."), settings.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.User))
            {
                await client.AuthenticateAsync(settings.User, settings.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

public static class EmailServiceCollectionExtensions
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailOptions>()
            .Bind(builder.Configuration.GetSection(MailOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.Transport != MailTransportKind.Smtp || !string.IsNullOrWhiteSpace(o.Host),
                "Vigie:Mail:Host est obligatoire avec le transport Smtp.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PickupFolderTransport>();
        builder.Services.AddSingleton<SmtpMailTransport>();
        builder.Services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpMailTransport>()
                : sp.GetRequiredService<PickupFolderTransport>());
        return builder;
    }

    /// <summary>A plain-text message from the configured sender.</summary>
    public static MimeMessage NewMessage(MailOptions options, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        return message;
    }
}
