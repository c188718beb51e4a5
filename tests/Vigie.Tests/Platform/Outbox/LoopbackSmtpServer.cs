using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpPeer = SmtpServer.SmtpServer;

namespace Vigie.Tests.Platform.Outbox;

/// <summary>How the loopback server answers the end of the next messages.</summary>
public enum PeerBehaviour
{
    Accept,

    /// <summary>451: try again later.</summary>
    RefuseTemporarily,

    /// <summary>554: refused for good.</summary>
    RefuseForGood,

    /// <summary>Keeps the whole message, then never answers (as if the link died after the last byte).</summary>
    KeepAndHang,

    /// <summary>Keeps the whole message and accepts it only once <see cref="LoopbackSmtpServer.Answer"/> is called.</summary>
    KeepAndAnswerLater,
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port chosen at construction, which can
/// be stopped and started again on that port, and keeps every message it took, byte for byte.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    public const string QueueId = "Ok: queued as T1";

    private readonly ConcurrentQueue<(MimeMessage Message, byte[] Raw)> _received = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public LoopbackSmtpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets a <see cref="PeerBehaviour.KeepAndAnswerLater"/> server give its acceptance.</summary>
    public void Answer() => _answer.TrySetResult();

    /// <summary>How the server answers; refusals apply to <see cref="RefusalsLeft"/> messages, then it accepts.</summary>
    public PeerBehaviour Behaviour { get; set; } = PeerBehaviour.Accept;

    public int RefusalsLeft { get; set; } = int.MaxValue;

    public IReadOnlyList<MimeMessage> Received => _received.Select(r => r.Message).ToList();

    public IReadOnlyList<byte[]> Raw => _received.Select(r => r.Raw).ToList();

    public void Start()
    {
        _stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("smtp.tests.invalid")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpPeer(options, services).StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Store(LoopbackSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var behaviour = server.Behaviour;
            if ((behaviour is PeerBehaviour.RefuseTemporarily or PeerBehaviour.RefuseForGood) && server.RefusalsLeft > 0)
            {
                server.RefusalsLeft--;
                return behaviour == PeerBehaviour.RefuseTemporarily
                    ? new SmtpResponse((SmtpReplyCode)451, "4.3.0 Boîte momentanément indisponible")
                    : new SmtpResponse((SmtpReplyCode)554, "5.7.1 Message refusé par la politique du domaine");
            }

            var raw = buffer.ToArray();
            await using var stream = new MemoryStream(raw);
            server._received.Enqueue((await MimeMessage.LoadAsync(stream, cancellationToken), raw));
            if (behaviour == PeerBehaviour.KeepAndHang)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            if (behaviour == PeerBehaviour.KeepAndAnswerLater)
            {
                await server._answer.Task.WaitAsync(cancellationToken);
            }

            return new SmtpResponse(SmtpReplyCode.Ok, "2.0.0 " + QueueId);
        }
    }
}
