using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Vigie.Tests.Platform.Outbox;

/// <summary>
/// A minimal SMTP peer on loopback that accepts the envelope, reads the first bytes of the message
/// after DATA and then closes the connection: the end of the message never reaches it. One session
/// at a time, for at most a bounded number of sessions.
/// </summary>
public sealed class CutMidMessageServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(2));
    private readonly Task _running;
    private int _cuts;

    public CutMidMessageServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _running = RunAsync();
    }

    public int Port { get; }

    /// <summary>Sessions cut in the middle of a message.</summary>
    public int Cuts => Volatile.Read(ref _cuts);

    private async Task RunAsync()
    {
        for (var session = 0; session < 20 && !_stop.IsCancellationRequested; session++)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                client.LingerState = new LingerOption(enable: true, seconds: 0); // close with a reset, like a dead link
                await ServeAsync(client.GetStream(), _stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        async Task Reply(string line) => await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\r\n"), cancellationToken);
        await Reply("220 cut.tests.invalid ESMTP");
        while (await reader.ReadLineAsync(cancellationToken) is { } command)
        {
            var verb = command.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await Reply("250 cut.tests.invalid");
                    break;
                case "DATA":
                    await Reply("354 End data with <CR><LF>.<CR><LF>");
                    var buffer = new char[1024];
                    _ = await reader.ReadAsync(buffer, cancellationToken);
                    Interlocked.Increment(ref _cuts);
                    return; // closes the connection: the rest of the message and its final dot never arrive
                case "QUIT":
                    await Reply("221 Bye");
                    return;
                default:
                    await Reply("250 OK");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}
