using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Tests.Platform.Outbox;

/// <summary>A Vigie sending its outbox by SMTP to a loopback server, with a listener of kind "test" that records what it is told.</summary>
public class OutboxFactory : VigieFactory
{
    private readonly int _smtpPort;

    private readonly string? _pickupFolder;

    /// <param name="pickupFolder">Given: the pickup-folder transport writes there instead of SMTP.</param>
    private readonly int _timeoutSeconds;

    /// <param name="timeoutSeconds">The SMTP client's time-out: short by default, so a server that never answers costs little.</param>
    public OutboxFactory(int smtpPort, TestDatabase? sharedDatabase = null, bool background = false, string? pickupFolder = null, int timeoutSeconds = 2)
        : base(sharedDatabase)
    {
        _smtpPort = smtpPort;
        Background = background;
        _pickupFolder = pickupFolder;
        _timeoutSeconds = timeoutSeconds;
    }

    public bool Background { get; }

    public RecordingListener Listener { get; } = new();

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Vigie:Mail:Transport"] = _pickupFolder is null ? "Smtp" : "Pickup",
        ["Vigie:Mail:PickupFolder"] = _pickupFolder ?? "data/mail",
        ["Vigie:Mail:Host"] = "127.0.0.1",
        ["Vigie:Mail:Port"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigie:Mail:Security"] = "None",
        ["Vigie:Mail:From"] = "vigie@metropole.test",
        ["Vigie:Mail:TimeoutSeconds"] = _timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigie:Mail:Outbox:Background"] = Background ? "true" : "false",
        ["Vigie:Mail:Outbox:BaseDelaySeconds"] = "30",
        ["Vigie:Mail:Outbox:MaxDelaySeconds"] = "3600",
        ["Vigie:Mail:Outbox:LeaseSeconds"] = "600",
        ["Vigie:Mail:Outbox:GiveUpAfterHours"] = "72",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddScoped<IOutboxListener>(_ => Listener));
    }

    /// <summary>Puts a signalement-like message (parquet, CRIP in copy, a PDF) in the outbox, as a page would.</summary>
    public async Task<Enqueued> EnqueueAsync(string subject = "Signalement — mineur(e) victime ou en risque de prostitution", int attachmentBytes = 20_000)
    {
        var pdf = new byte[attachmentBytes];
        RandomNumberGenerator.Fill(pdf);
        "%PDF-1.7\n"u8.CopyTo(pdf);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Vigie", "vigie@metropole.test"));
        message.To.Add(new MailboxAddress("Parquet des mineurs", "parquet-mineurs@justice.test"));
        message.Cc.Add(new MailboxAddress("CRIP", "crip@metropole.test"));
        message.Subject = subject;
        var body = new BodyBuilder { TextBody = "Veuillez trouver ci-joint un signalement.\r\n.\r\nLigne après un point seul." };
        body.Attachments.Add("signalement.pdf", pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        var subjectId = Guid.NewGuid();
        var row = await WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VigieDbContext>();
            var added = MailOutbox.Add(db, sp.GetRequiredService<FieldCipher>(), message, RecordingListener.TestKind, subjectId, Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
            return added;
        });
        return new Enqueued(row.Id, row.MessageId, pdf);
    }

    public Task<OutboxMessage> RowAsync(Guid id) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));
}

public sealed record Enqueued(Guid Id, string MessageId, byte[] Attachment);

/// <summary>Records every call, with the state the message had when the listener was told.</summary>
public sealed class RecordingListener : IOutboxListener
{
    public const string TestKind = "test";

    public ConcurrentQueue<(string Event, Guid Id, OutboxStatus Status)> Calls { get; } = new();

    public string Kind => TestKind;

    public Task AcceptedAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken) => Record("accepted", message);

    public Task FailedAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken) => Record("failed", message);

    public Task UncertainAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken) => Record("uncertain", message);

    public IReadOnlyList<string> For(Guid id) => Calls.Where(c => c.Id == id).Select(c => c.Event).ToList();

    private Task Record(string name, OutboxMessage message)
    {
        Calls.Enqueue((name, message.Id, message.Status));
        return Task.CompletedTask;
    }
}
