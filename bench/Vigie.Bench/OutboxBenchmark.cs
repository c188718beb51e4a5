using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email;
using Vigie.Web.Platform.Email.Outbox;
using SmtpPeer = SmtpServer.SmtpServer;

namespace Vigie.Bench;

/// <summary>
/// Outbox throughput: N messages with a ~100 KB attachment queued in a new SQLite database, then sent
/// by <see cref="OutboxDispatcher.RunOnceAsync"/> passes (the background service's loop without its
/// waits) to a real SMTP server in this process on loopback, until all are accepted.
/// </summary>
public static class OutboxBenchmark
{
    private const int AttachmentBytes = 100 * 1024;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var messages = 1000;
        if (args.Length == 2 && args[0] == "--messages" && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100_000)
        {
            messages = n;
        }
        else if (args.Length != 0)
        {
            await Console.Error.WriteLineAsync("Usage: Vigie.Bench outbox [--messages 1..100000]");
            return 64;
        }

        var folder = Path.Combine(Path.GetTempPath(), "vigie-bench-outbox-" + Guid.NewGuid().ToString("N"));
        var port = FreeLoopbackPort();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var store = new CountingStore();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var server = new SmtpPeer(
            new SmtpServerOptionsBuilder().ServerName("smtp.bench.invalid")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).IsSecure(false)).Build(),
            services).StartAsync(stop.Token);
        try
        {
            var target = new BenchTarget(folder, DatabaseProvider.Sqlite, null);
            await using var host = BenchHost.Build(target, configure: builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Vigie:Mail:Transport"] = "Smtp",
                    ["Vigie:Mail:Host"] = "127.0.0.1",
                    ["Vigie:Mail:Port"] = port.ToString(CultureInfo.InvariantCulture),
                    ["Vigie:Mail:Security"] = "None",
                    ["Vigie:Mail:From"] = "vigie@metropole.test",
                    ["Vigie:Mail:Outbox:Background"] = "false",
                });
                builder.Services.AddSingleton(TimeProvider.System);
                builder.AddEmail();
                builder.AddOutbox();
            });
            await host.Services.PrepareDatabaseAsync();

            var enqueueWatch = Stopwatch.StartNew();
            await EnqueueAsync(host.Services, messages);
            enqueueWatch.Stop();
            output.WriteLine($"enqueued {messages} messages ({AttachmentBytes / 1024} KB attachment) in {enqueueWatch.Elapsed.TotalSeconds:0.0} s");

            var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
            var sendWatch = Stopwatch.StartNew();
            var passes = 0;
            for (var accepted = 0; accepted < messages && passes < (messages * 2) + 100 && !stop.IsCancellationRequested; passes++)
            {
                await dispatcher.RunOnceAsync(stop.Token);
                accepted = await CountAcceptedAsync(host.Services);
            }

            sendWatch.Stop();
            var rows = await ReadOutcomesAsync(host.Services);
            var accepted2 = rows.Count(r => r.Status == OutboxStatus.Accepted);
            if (accepted2 != messages || store.Count != messages)
            {
                await Console.Error.WriteLineAsync($"Only {accepted2} accepted, {store.Count} received, of {messages}.");
                return 1;
            }

            var delays = rows.Select(r => (r.AcceptedAt!.Value - r.CreatedAt).TotalMilliseconds).Order().ToList();
            var handOvers = rows.Select(r => (r.AcceptedAt!.Value - r.HandingOverAt!.Value).TotalMilliseconds).Order().ToList();
            output.WriteLine($"sent {messages} messages in {sendWatch.Elapsed.TotalSeconds:0.0} s over {passes} passes: "
                + $"{messages / sendWatch.Elapsed.TotalSeconds:0.0} messages/s");
            output.WriteLine($"enqueue -> accepted: p50 {Percentile(delays, 0.50):0} ms, p95 {Percentile(delays, 0.95):0} ms (whole backlog queued first)");
            output.WriteLine($"hand-over -> accepted (one message on the wire): p50 {Percentile(handOvers, 0.50):0.0} ms, p95 {Percentile(handOvers, 0.95):0.0} ms");
            return 0;
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await server;
            }
            catch (OperationCanceledException)
            {
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task EnqueueAsync(IServiceProvider services, int messages)
    {
        var cipher = services.GetRequiredService<FieldCipher>();
        var clock = services.GetRequiredService<TimeProvider>();
        var attachment = new byte[AttachmentBytes];
        RandomNumberGenerator.Fill(attachment);
        for (var done = 0; done < messages;)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
            for (var i = 0; i < 100 && done < messages; i++, done++)
            {
                var message = new MimeMessage();
                message.From.Add(new MailboxAddress("Vigie", "vigie@metropole.test"));
                message.To.Add(new MailboxAddress("Parquet des mineurs", "parquet-mineurs@justice.test"));
                message.Cc.Add(new MailboxAddress("CRIP", "crip@metropole.test"));
                message.Subject = $"Signalement {done + 1}";
                var body = new BodyBuilder { TextBody = "Veuillez trouver ci-joint un signalement." };
                body.Attachments.Add("signalement.pdf", attachment, new ContentType("application", "pdf"));
                message.Body = body.ToMessageBody();
                MailOutbox.Add(db, cipher, message, "bench", Guid.NewGuid(), clock.GetUtcNow().UtcDateTime);
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<int> CountAcceptedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Accepted);
    }

    private static async Task<List<OutboxMessage>> ReadOutcomesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages.AsNoTracking()
            .Select(m => new OutboxMessage { Status = m.Status, CreatedAt = m.CreatedAt, HandingOverAt = m.HandingOverAt, AcceptedAt = m.AcceptedAt })
            .ToListAsync();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int FreeLoopbackPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class CountingStore : MessageStore
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
