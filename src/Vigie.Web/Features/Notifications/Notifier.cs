using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Platform.Email;

namespace Vigie.Web.Features.Notifications;

/// <summary>Tells users that an action awaits them: an in-app notice and an e-mail without personal data.</summary>
public interface INotifier
{
    /// <summary>
    /// One notification per user (kind from <see cref="NotificationKind"/>, link to a page of
    /// Vigie), and an e-mail to those who are active with a confirmed address. Call it after the
    /// action's own changes are saved: a failed e-mail never undoes them.
    /// </summary>
    Task NotifyAsync(IEnumerable<string> userIds, string kind, string link, CancellationToken cancellationToken = default);

    /// <summary>The same, to every active user holding one of <paramref name="roles"/>.</summary>
    Task NotifyRolesAsync(IEnumerable<string> roles, string kind, string link, CancellationToken cancellationToken = default);
}

public sealed partial class Notifier(
    VigieDbContext db,
    IMailTransport transport,
    IOptions<MailOptions> mail,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<Notifier> logger) : INotifier
{
    public const string Subject = "Vigie : une action vous attend";

    public async Task NotifyRolesAsync(IEnumerable<string> roles, string kind, string link, CancellationToken cancellationToken = default)
    {
        var names = roles.ToList();
        var userIds = await db.Users
            .Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && names.Contains(r.Name!))))
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        await NotifyAsync(userIds, kind, link, cancellationToken);
    }

    public async Task NotifyAsync(IEnumerable<string> userIds, string kind, string link, CancellationToken cancellationToken = default)
    {
        var message = NotificationKind.Message(kind);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("Le lien d'une notification est un chemin de Vigie (/…).", nameof(link));
        }

        var ids = userIds.Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.EmailConfirmed, u.IsActive })
            .ToListAsync(cancellationToken);
        if (recipients.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var notifications = recipients.ToDictionary(r => r.Id, r => new Notification
        {
            UserId = r.Id,
            Kind = kind,
            Message = message,
            Link = link,
            CreatedAt = now,
        });
        db.Notifications.AddRange(notifications.Values);
        await db.SaveChangesAsync(cancellationToken);

        var emailed = false;
        foreach (var recipient in recipients.Where(r => r.IsActive && r.EmailConfirmed && !string.IsNullOrWhiteSpace(r.Email)))
        {
            try
            {
                var receipt = await transport.SendAsync(
                    EmailServiceCollectionExtensions.NewMessage(mail.Value, recipient.Email!, Subject, Body(link)), cancellationToken);
                notifications[recipient.Id].EmailedAt = receipt.AcceptedAt;
                emailed = true;
            }
#pragma warning disable CA1031 // Any mail failure (relay down, bad address) must leave the user's action done.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogMailFailed(logger, ex, recipient.Id, kind);
            }
        }

        if (emailed)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>The e-mail text: the same for every kind, so nothing about the case can slip into it.</summary>
    public string Body(string link)
    {
        var publicUrl = options.Value.PublicUrl?.TrimEnd('/');
        var where = string.IsNullOrWhiteSpace(publicUrl)
            ? $"Connectez-vous à Vigie, puis ouvrez la page : {link}"
            : $"Pour la consulter : {publicUrl}{link}";
        return $"""
            Bonjour,

            Une action vous attend dans Vigie.

            {where}

            Ce message ne contient volontairement aucune information sur les personnes concernées :
            tout se consulte dans Vigie, après connexion.
            """;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification e-mail ({Kind}) to user {UserId} failed; the in-app notification stays")]
    private static partial void LogMailFailed(ILogger logger, Exception exception, string userId, string kind);
}

public static class NotificationsServiceCollectionExtensions
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationsOptions>()
            .Bind(builder.Configuration.GetSection(NotificationsOptions.Section))
            .Validate(o => o.IsValid(), "Vigie:PublicUrl doit être vide ou une adresse absolue (https://vigie.exemple.fr).")
            .ValidateOnStart();
        builder.Services.AddScoped<INotifier, Notifier>();
        builder.Services.AddScoped<UnreadNotifications>();
        return builder;
    }
}

/// <summary>The unread count shown in the user menu: one COUNT on the (UserId, ReadAt) index, once per request.</summary>
public sealed class UnreadNotifications(VigieDbContext db)
{
    private int? _count;

    public async Task<int> CountAsync(string? userId)
    {
        if (userId is null)
        {
            return 0;
        }

        return _count ??= await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null);
    }
}
