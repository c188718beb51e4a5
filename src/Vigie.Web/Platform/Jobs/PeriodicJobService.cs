namespace Vigie.Web.Platform.Jobs;

/// <summary>
/// Runs one pass of a scoped job in a scope of its own, then waits <see cref="Interval"/> on the
/// injected clock, until the host stops. A failed pass is logged and the next one tries again (a
/// database hiccup must not stop the job for good, nor the host). When <see cref="Enabled"/> is false
/// nothing runs: another instance runs the job, or a test calls the pass itself.
/// </summary>
public abstract partial class PeriodicJobService<TJob>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
    where TJob : notnull
{
    protected abstract bool Enabled { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>What the log names when a pass fails, e.g. "Commission: action reminders".</summary>
    protected abstract string JobName { get; }

    protected abstract Task RunOnceAsync(TJob job, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider.GetRequiredService<TJob>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // See the summary: the next pass tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, JobName, exception);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job}: a pass failed; the next one will try again")]
    private static partial void LogPassFailed(ILogger logger, string job, Exception exception);
}
