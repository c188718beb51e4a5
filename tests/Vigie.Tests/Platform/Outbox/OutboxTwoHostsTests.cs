using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Tests.Platform.Outbox;

/// <summary>Two Vigie instances on one database (SQLite here, PostgreSQL in CI) never both send a message.</summary>
public sealed class OutboxTwoHostsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hosts_sending_at_once_deliver_each_message_exactly_once()
    {
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        using var first = new OutboxFactory(smtp.Port);
        var sent = new List<Enqueued>();
        for (var i = 0; i < 30; i++)
        {
            sent.Add(await first.EnqueueAsync($"Message {i}", attachmentBytes: 2_000));
        }

        using var second = new OutboxFactory(smtp.Port, first.Database);
        // Created later, its clock is a little ahead of the first one's: every message is due for both.
        Assert.NotEqual(first.Dispatcher.InstanceName, second.Dispatcher.InstanceName);

        var counts = await Task.WhenAll(SendUntilNonePendingAsync(first), SendUntilNonePendingAsync(second));

        var ids = smtp.Received.Select(m => m.MessageId).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(sent.Select(s => s.MessageId).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(30, counts.Sum());
        var rows = await first.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync(Token));
        Assert.All(rows, r => Assert.Equal(OutboxStatus.Accepted, r.Status));
        Assert.All(rows, r => Assert.Equal(1, r.Attempts));
        Assert.Equal(30, first.Listener.Calls.Count + second.Listener.Calls.Count);
    }

    [Fact]
    public async Task An_acceptance_arriving_after_another_host_swept_the_hand_over_is_still_recorded()
    {
        await using var smtp = new LoopbackSmtpServer { Behaviour = PeerBehaviour.KeepAndAnswerLater };
        smtp.Start();
        using var first = new OutboxFactory(smtp.Port, timeoutSeconds: 30);
        var sent = await first.EnqueueAsync();
        var sending = first.Dispatcher.RunOnceAsync(Token);
        var watch = Stopwatch.StartNew();
        while (smtp.Received.Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20, Token);
        }

        Assert.Single(smtp.Received);
        using var second = new OutboxFactory(smtp.Port, first.Database);
        second.Clock.Advance(TimeSpan.FromMinutes(11)); // the first host's lease (10 min) looks expired
        Assert.Equal(1, await second.Dispatcher.RunOnceAsync(Token));
        Assert.Equal(OutboxStatus.Uncertain, (await first.RowAsync(sent.Id)).Status);

        smtp.Answer();
        await sending;

        var row = await first.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Accepted, row.Status);
        Assert.StartsWith("250 ", row.ServerResponse, StringComparison.Ordinal);
        Assert.Equal(["uncertain"], second.Listener.For(sent.Id));
        Assert.Equal(["accepted"], first.Listener.For(sent.Id));
        Assert.Single(smtp.Received);
    }

    /// <summary>Bounded: at most 100 passes and 60 seconds.</summary>
    private static async Task<int> SendUntilNonePendingAsync(OutboxFactory host)
    {
        var processed = 0;
        var watch = Stopwatch.StartNew();
        for (var pass = 0; pass < 100 && watch.Elapsed < TimeSpan.FromSeconds(60); pass++)
        {
            processed += await host.Dispatcher.RunOnceAsync(Token);
            var pending = await host.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.HandingOver, Token));
            if (pending == 0)
            {
                break;
            }
        }

        return processed;
    }
}

/// <summary>The background service sends by itself once woken.</summary>
public sealed class OutboxBackgroundTests
{
    [Fact]
    public async Task The_background_sender_delivers_as_soon_as_it_is_woken()
    {
        await using var smtp = new LoopbackSmtpServer();
        smtp.Start();
        using var factory = new OutboxFactory(smtp.Port, background: true);
        var sent = await factory.EnqueueAsync();
        factory.Services.GetRequiredService<OutboxSignal>().Wake();

        var watch = Stopwatch.StartNew();
        while (smtp.Received.Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(sent.MessageId, Assert.Single(smtp.Received).MessageId);
        OutboxMessage? row = null;
        for (var i = 0; i < 100 && row?.Status != OutboxStatus.Accepted; i++)
        {
            row = await factory.RowAsync(sent.Id);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(OutboxStatus.Accepted, row!.Status);
    }

    [Fact]
    public async Task Stopping_the_host_during_a_hand_over_never_records_an_acceptance()
    {
        await using var smtp = new LoopbackSmtpServer { Behaviour = PeerBehaviour.KeepAndHang };
        smtp.Start();
        using var owner = new OutboxFactory(smtp.Port);
        var sender = new OutboxFactory(smtp.Port, owner.Database, background: true);
        var sent = await owner.EnqueueAsync();
        sender.Services.GetRequiredService<OutboxSignal>().Wake();

        var watch = Stopwatch.StartNew();
        while (smtp.Received.Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.Single(smtp.Received); // the whole message is at the server, which has not answered
        await sender.DisposeAsync(); // shutdown while waiting for the answer

        var row = await owner.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Uncertain, row.Status);
        Assert.Null(row.AcceptedAt);
        Assert.Equal(["uncertain"], sender.Listener.For(sent.Id));
    }
}

/// <summary>The development transport: a whole .eml appears in the folder, or nothing.</summary>
public sealed class OutboxPickupTests
{
    [Fact]
    public async Task The_pickup_transport_writes_one_whole_file_and_counts_as_accepted()
    {
        var folder = Path.Combine(Path.GetTempPath(), "vigie-outbox-pickup-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var factory = new OutboxFactory(smtpPort: 1, pickupFolder: folder);
            var sent = await factory.EnqueueAsync();

            Assert.Equal(1, await factory.Dispatcher.RunOnceAsync(TestContext.Current.CancellationToken));

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.EndsWith(".eml", file, StringComparison.Ordinal);
            var message = await MimeKit.MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
            Assert.Equal(sent.MessageId, message.MessageId);
            var row = await factory.RowAsync(sent.Id);
            Assert.Equal(OutboxStatus.Accepted, row.Status);
            Assert.Equal("déposé dans le dossier de dépôt (développement)", row.ServerResponse);
            Assert.Equal(["accepted"], factory.Listener.For(sent.Id));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
