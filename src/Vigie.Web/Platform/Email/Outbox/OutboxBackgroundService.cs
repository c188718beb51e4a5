using Microsoft.Extensions.Options;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>Wakes the background sender at once, e.g. right after a message was put in the outbox.</summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        // One pending wake-up is enough: the next pass sees every due message.
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
        }
    }

    /// <summary>Returns after <paramref name="delay"/> (on <paramref name="clock"/>) or as soon as <see cref="Wake"/> is called.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _wake.WaitAsync(linked.Token);
        var elapsed = Task.Delay(delay, clock, linked.Token);
        await Task.WhenAny(woken, elapsed);
        await linked.CancelAsync();
        try
        {
            await Task.WhenAll(woken, elapsed);
        }
        catch (OperationCanceledException)
        {
            // The one that lost was cancelled.
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _wake.Dispose();
}

/// <summary>Sends the outbox in the background: one pass, then a wait of PollSeconds or until woken.</summary>
public sealed partial class OutboxBackgroundService(
    OutboxDispatcher dispatcher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Background)
        {
            return; // another instance sends, or a test drives the dispatcher itself
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var processed = 0;
            try
            {
                processed = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // A database hiccup must not stop the sender for good (nor the host): try again next time.
                LogPassFailed(logger, exception);
            }

            if (processed >= settings.BatchSize)
            {
                continue; // a full batch: more may be due
            }

            try
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(settings.PollSeconds), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: a sending pass failed; the next one will try again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
