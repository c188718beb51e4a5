using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Platform.Email;
using SmtpPeer = SmtpServer.SmtpServer;

namespace Vigie.Tests.Platform;

/// <summary>Both transports against real peers: a folder, and an SMTP server on loopback.</summary>
public sealed class MailTransportTests : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly int _port;
    private readonly Task _server;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigie-mail-" + Guid.NewGuid().ToString("N"));

    public MailTransportTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.tests.invalid")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, _port)).IsSecure(false))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new RefuseUnknownMailboxes());
        _server = new SmtpPeer(options, services).StartAsync(_stop.Token);
    }

    private OptionsWrapper<MailOptions> Settings(MailTransportKind kind) => new(new MailOptions
    {
        Transport = kind,
        Host = "127.0.0.1",
        Port = _port,
        Security = SmtpSecurity.None,
        From = "vigie@metropole.test",
        PickupFolder = _folder,
    });

    [Fact]
    public async Task Smtp_transport_delivers_and_returns_the_servers_acceptance()
    {
        var settings = Settings(MailTransportKind.Smtp);
        var transport = new SmtpMailTransport(settings, TimeProvider.System);

        var receipt = await transport.SendAsync(EmailServiceCollectionExtensions.NewMessage(settings.Value,
            "parquet-mineurs@justice.test", "Une action vous attend dans Vigie", "Connectez-vous à Vigie pour la consulter."));

        Assert.Equal(MailTransportKind.Smtp, receipt.Transport);
        Assert.False(string.IsNullOrWhiteSpace(receipt.ServerResponse));
        var message = Assert.Single(_received);
        Assert.Equal("Une action vous attend dans Vigie", message.Subject);
        Assert.Equal("parquet-mineurs@justice.test", message.To.Mailboxes.Single().Address);
        Assert.Equal("vigie@metropole.test", message.From.Mailboxes.Single().Address);
        Assert.Contains("Connectez-vous à Vigie", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_by_the_server_is_an_error_not_a_receipt()
    {
        var settings = Settings(MailTransportKind.Smtp);
        var transport = new SmtpMailTransport(settings, TimeProvider.System);

        await Assert.ThrowsAnyAsync<MailKit.CommandException>(() => transport.SendAsync(
            EmailServiceCollectionExtensions.NewMessage(settings.Value, "inconnu@justice.test", "x", "y")));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Pickup_transport_writes_a_message_that_reads_back()
    {
        var settings = Settings(MailTransportKind.Pickup);
        var transport = new PickupFolderTransport(settings, new TestHostEnvironment(), TimeProvider.System);

        var receipt = await transport.SendAsync(EmailServiceCollectionExtensions.NewMessage(settings.Value, "crip@metropole.test", "Sujet", "Corps"));

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        Assert.Contains(Path.GetFileName(file), receipt.ServerResponse, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Sujet", message.Subject);
        Assert.Equal("crip@metropole.test", message.To.Mailboxes.Single().Address);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _server;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class RefuseUnknownMailboxes : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(to.User != "inconnu");
    }
}
