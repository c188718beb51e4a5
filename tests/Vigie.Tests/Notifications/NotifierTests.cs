using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Email;

namespace Vigie.Tests.Notifications;

public sealed class NotifierTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    /// <summary>A transport that records what it is given, or fails like a relay that is down.</summary>
    private sealed class RecordingTransport(bool fail) : IMailTransport
    {
        public List<MimeMessage> Sent { get; } = [];

        public Task<MailReceipt> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            if (fail)
            {
                throw new IOException("Relais injoignable");
            }

            Sent.Add(message);
            return Task.FromResult(new MailReceipt(DateTime.UtcNow, MailTransportKind.Pickup, "ok"));
        }
    }

    private Notifier Create(VigieDbContext db, IMailTransport transport, string? publicUrl = null) =>
        new(db, transport, Options.Create(new MailOptions()), Options.Create(new NotificationsOptions { PublicUrl = publicUrl }),
            factory.Clock, NullLogger<Notifier>.Instance);

    [Fact]
    public async Task A_failed_mail_keeps_the_notification_and_leaves_it_marked_not_emailed()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        await factory.WithScopeAsync(async sp =>
        {
            await Create(sp.GetRequiredService<VigieDbContext>(), new RecordingTransport(fail: true))
                .NotifyAsync([user.Id], NotificationKind.SituationShared, "/situations");
            return true;
        });

        var stored = await factory.WithDbAsync(db => db.Notifications.AsNoTracking().SingleAsync(n => n.UserId == user.Id));
        Assert.Null(stored.EmailedAt);
        Assert.Null(stored.ReadAt);
        Assert.Equal("Une situation a été partagée avec vous.", stored.Message);
    }

    [Fact]
    public async Task Only_active_accounts_with_a_confirmed_address_get_the_mail_and_without_a_public_url_it_says_to_log_in()
    {
        var active = await factory.CreateUserAsync(Roles.Coordination);
        var unconfirmed = await factory.CreateUserAsync(Roles.Coordination);
        var inactive = await factory.CreateUserAsync(Roles.Coordination);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == unconfirmed.Id)).EmailConfirmed = false;
            (await db.Users.SingleAsync(u => u.Id == inactive.Id)).IsActive = false;
            await db.SaveChangesAsync();
        });
        var transport = new RecordingTransport(fail: false);

        await factory.WithScopeAsync(async sp =>
        {
            await Create(sp.GetRequiredService<VigieDbContext>(), transport)
                .NotifyAsync([active.Id, unconfirmed.Id, inactive.Id], NotificationKind.EmergencyAccess, "/situations/0190");
            return true;
        });

        var mail = Assert.Single(transport.Sent);
        Assert.Equal(active.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Vigie : une action vous attend", mail.Subject);
        Assert.Contains("Connectez-vous à Vigie, puis ouvrez la page : /situations/0190", mail.TextBody, StringComparison.Ordinal);
        var emailed = await factory.WithDbAsync(db => db.Notifications.Where(n => n.EmailedAt != null).Select(n => n.UserId).ToListAsync());
        Assert.Contains(active.Id, emailed);
        Assert.DoesNotContain(unconfirmed.Id, emailed);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.EmergencyAccess)));
    }

    [Fact]
    public async Task A_link_outside_vigie_or_an_unknown_kind_is_refused()
    {
        var user = await factory.CreateUserAsync(Roles.Professionnel);
        await factory.WithScopeAsync(async sp =>
        {
            var notifier = Create(sp.GetRequiredService<VigieDbContext>(), new RecordingTransport(fail: false));
            await Assert.ThrowsAsync<ArgumentException>(() => notifier.NotifyAsync([user.Id], NotificationKind.SituationShared, "https://ailleurs.test/"));
            await Assert.ThrowsAsync<ArgumentException>(() => notifier.NotifyAsync([user.Id], NotificationKind.SituationShared, "//ailleurs.test/"));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => notifier.NotifyAsync([user.Id], "texte libre", "/situations"));
            return true;
        });
        Assert.False(await factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == user.Id)));
    }
}
