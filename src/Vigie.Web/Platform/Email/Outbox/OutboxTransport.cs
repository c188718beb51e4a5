using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>
/// How the outbox hands messages over. Opening proves nothing was handed over yet: a failure there
/// is always safe to retry. Two implementations: the pickup folder (development) and SMTP.
/// </summary>
public interface IOutboxTransport
{
    Task<IOutboxConnection> OpenAsync(CancellationToken cancellationToken);
}

public interface IOutboxConnection : IAsyncDisposable
{
    /// <summary>Hands <paramref name="message"/> over as it is and returns the receiver's acceptance (the proof).</summary>
    Task<string> SendAsync(MimeMessage message, TransferTracker tracker, CancellationToken cancellationToken);
}

/// <summary>
/// Counts the bytes of the message given to the server. An SMTP message ends with a line holding a
/// single dot, written after the whole message: a server that did not get every byte cannot have
/// accepted it, so an interruption before <see cref="Complete"/> proves the message was not taken.
/// </summary>
public sealed class TransferTracker : ITransferProgress
{
    private long _transferred;
    private long _total = -1;

    public long Transferred => Interlocked.Read(ref _transferred);

    /// <summary>
    /// Every byte of the message may have gone out (the server may or may not have taken it). Dot-stuffing
    /// adds bytes, so the count may pass the size. Without a known size, any byte sent counts: when in
    /// doubt the message is uncertain, never sent again automatically.
    /// </summary>
    public bool Complete
    {
        get
        {
            var total = Interlocked.Read(ref _total);
            var transferred = Transferred;
            return total > 0 ? transferred >= total : transferred > 0;
        }
    }

    public void Report(long bytesTransferred, long totalSize)
    {
        Interlocked.Exchange(ref _total, totalSize);
        Interlocked.Exchange(ref _transferred, bytesTransferred);
    }

    public void Report(long bytesTransferred) => Interlocked.Exchange(ref _transferred, bytesTransferred);
}

/// <summary>Development: each message becomes an .eml file, written whole under a temporary name then renamed.</summary>
public sealed class PickupOutboxTransport(IOptions<MailOptions> options, IHostEnvironment environment, TimeProvider clock) : IOutboxTransport
{
    public const string Acceptance = "déposé dans le dossier de dépôt (développement)";

    public Task<IOutboxConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.PickupFolder, environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return Task.FromResult<IOutboxConnection>(new Connection(folder, clock));
    }

    private sealed class Connection(string folder, TimeProvider clock) : IOutboxConnection
    {
        public async Task<string> SendAsync(MimeMessage message, TransferTracker tracker, CancellationToken cancellationToken)
        {
            var name = $"{clock.GetUtcNow().UtcDateTime:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}";
            var temporary = Path.Combine(folder, "." + name + ".tmp");
            try
            {
                await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
                {
                    await message.WriteToAsync(stream, cancellationToken);
                    await stream.FlushAsync(cancellationToken);
                    stream.Flush(flushToDisk: true);
                }

                // The rename is atomic: a reader of the folder sees the whole message or nothing.
                File.Move(temporary, Path.Combine(folder, name + ".eml"));
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }

            return Acceptance;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>One SMTP connection for a pass of the sender, reused from message to message.</summary>
public sealed class SmtpOutboxTransport(IOptions<MailOptions> options) : IOutboxTransport
{
    public async Task<IOutboxConnection> OpenAsync(CancellationToken cancellationToken) =>
        new Connection(await SmtpMailTransport.ConnectAsync(options.Value, cancellationToken));

    private sealed class Connection(SmtpClient client) : IOutboxConnection
    {
        public async Task<string> SendAsync(MimeMessage message, TransferTracker tracker, CancellationToken cancellationToken)
        {
            // MailKit returns only the text of the reply to the end of the message, and only when
            // its code is 250 (anything else throws): the code is put back for the record.
            var response = await client.SendAsync(FormatOptions.Default, message, cancellationToken, tracker);
            return "250 " + response;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true, CancellationToken.None);
                }
            }
            catch (Exception exception) when (exception is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
            {
                // The messages' outcomes are already recorded: a failed goodbye changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
