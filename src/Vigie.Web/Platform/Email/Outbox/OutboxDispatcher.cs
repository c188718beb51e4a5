using System.Globalization;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>
/// One pass of the outbox sender: turns interrupted hand-overs into <see cref="OutboxStatus.Uncertain"/>,
/// then claims due messages one by one and hands each over once. The rules (what proves what, and why
/// a message is never sent twice automatically) are in docs/signalements.md, "Envoi exactement une fois".
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOutboxTransport transport,
    FieldCipher cipher,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private const int MaxFieldLength = 1000;

    public string InstanceName => options.Value.InstanceName;

    /// <summary>Runs one pass; returns how many messages it settled or tried (0: nothing was due).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var processed = await SweepAsync(cancellationToken);
        var due = await DueAsync(cancellationToken);
        if (due.Count == 0)
        {
            return processed;
        }

        IOutboxConnection? connection = null;
        try
        {
            foreach (var id in due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!await ClaimAsync(id, cancellationToken))
                {
                    continue; // another instance has it
                }

                processed++;
                if (connection is null)
                {
                    try
                    {
                        connection = await transport.OpenAsync(cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // Nothing was handed over: retry later. The server is down for the others too.
                        var me = InstanceName;
                        await RetryLaterAsync(id, m => m.Status == OutboxStatus.Pending && m.ClaimedBy == me, ConnectionProblem(exception), countAttempt: true);
                        LogConnectionFailed(logger, exception);
                        return processed;
                    }
                    catch (OperationCanceledException)
                    {
                        await ReleaseAsync(id);
                        throw;
                    }
                }

                if (!await SendOneAsync(connection, id, cancellationToken))
                {
                    // The connection may be broken: the next message gets a new one.
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }

        return processed;
    }

    /// <summary>Hand-overs whose sender stopped (crash, restart) before recording the outcome: nobody knows, a person decides.</summary>
    private async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        List<Guid> stale;
        await using (var scope = scopes.CreateAsyncScope())
        {
            stale = await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.Status == OutboxStatus.HandingOver && m.ClaimedUntil < now)
                .OrderBy(m => m.HandingOverAt)
                .Select(m => m.Id)
                .Take(options.Value.BatchSize)
                .ToListAsync(cancellationToken);
        }

        var count = 0;
        foreach (var id in stale)
        {
            var row = await TransitionAsync(id,
                m => m.Status == OutboxStatus.HandingOver && m.ClaimedUntil < now,
                m =>
                {
                    m.Status = OutboxStatus.Uncertain;
                    m.ClaimedUntil = null;
                    m.LastError = "La remise au serveur de messagerie a été interrompue (arrêt ou panne de Vigie) sans réponse enregistrée. "
                        + "Vérifiez auprès du destinataire s'il a reçu le message avant de le renvoyer.";
                    return OutboxEvent.Uncertain;
                },
                cancellationToken);
            if (row is not null)
            {
                count++;
                LogUncertain(logger, row.Id, "interrupted hand-over found by the sweep");
            }
        }

        return count;
    }

    private async Task<List<Guid>> DueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One conditional UPDATE: when it changes one row, the message is this instance's until the lease ends.</summary>
    private async Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var me = InstanceName;
        await using var scope = scopes.CreateAsyncScope();
        var claimed = await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now
                && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, me)
                .SetProperty(m => m.ClaimedUntil, until)
                .SetProperty(m => m.Version, m => m.Version + 1), cancellationToken);
        return claimed == 1;
    }

    /// <returns>False when the connection should not be used again.</returns>
    private async Task<bool> SendOneAsync(IOutboxConnection connection, Guid id, CancellationToken cancellationToken)
    {
        var me = InstanceName;
        OutboxMessage row;
        await using (var scope = scopes.CreateAsyncScope())
        {
            row = await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages.AsNoTracking()
                .SingleAsync(m => m.Id == id, cancellationToken);
        }

        MimeKit.MimeMessage message;
        try
        {
            message = MailOutbox.Read(cipher, row);
        }
        catch (Exception exception) when (exception is FieldDecryptionException or FormatException or MimeKit.ParseException)
        {
            // Nothing to send (e.g. its key is gone): retrying cannot help, and it must not block the others.
            await TransitionAsync(id, m => m.Status == OutboxStatus.Pending && m.ClaimedBy == me,
                m => Fail(m, "Le message enregistré ne peut pas être relu (clé de chiffrement absente ou données altérées) : il n'a pas été envoyé."),
                CancellationToken.None);
            LogUnreadable(logger, id, exception);
            return true;
        }

        // Recorded (committed) before the first byte leaves: if this process dies during the
        // hand-over, the row says so, and no instance will send it again on its own. The attempt
        // number identifies this hand-over in every later condition.
        var attempt = row.Attempts + 1;
        var now = Now;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        int marked;
        await using (var scope = scopes.CreateAsyncScope())
        {
            marked = await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.ClaimedBy == me && m.Attempts == attempt - 1)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Status, OutboxStatus.HandingOver)
                    .SetProperty(m => m.HandingOverAt, now)
                    .SetProperty(m => m.ClaimedUntil, until)
                    .SetProperty(m => m.Attempts, attempt)
                    .SetProperty(m => m.Version, m => m.Version + 1), CancellationToken.None);
        }

        if (marked != 1)
        {
            return true; // the claim was lost (lease expired and taken over): not ours to send
        }

        bool ThisHandOver(OutboxMessage m) => m.Status == OutboxStatus.HandingOver && m.ClaimedBy == me && m.Attempts == attempt;
        var tracker = new TransferTracker();
        try
        {
            var response = await connection.SendAsync(message, tracker, cancellationToken);
            var accepted = await TransitionAsync(id,
                // Also when a sweep found the lease expired meanwhile and nobody has decided yet: this is the proof.
                m => ThisHandOver(m) || (m.Status == OutboxStatus.Uncertain && m.ClaimedBy == me && m.Attempts == attempt && m.Resolution is null),
                m =>
                {
                    m.Status = OutboxStatus.Accepted;
                    m.AcceptedAt = Now;
                    m.ServerResponse = Truncate(response);
                    m.ClaimedUntil = null;
                    m.LastError = null;
                    return OutboxEvent.Accepted;
                }, CancellationToken.None);
            if (accepted is null)
            {
                LogAcceptanceNotRecorded(logger, id, response);
            }

            return true;
        }
        catch (SmtpCommandException refusal)
        {
            // The server answered no: it did not take the message.
            var code = (int)refusal.StatusCode;
            var answer = Truncate($"{code} {refusal.Message}".Trim(), 300);
            if (code is >= 500 and < 600)
            {
                await TransitionAsync(id, ThisHandOver, m => Fail(m,
                    $"Le serveur de messagerie a refusé définitivement le message : « {answer} ». Il ne sera pas renvoyé."), CancellationToken.None);
            }
            else
            {
                await RetryLaterAsync(id, ThisHandOver, $"Le serveur de messagerie a refusé temporairement le message ({answer}).", countAttempt: false);
            }

            return false;
        }
        catch (Exception exception) when (!tracker.Complete)
        {
            // The end of the message never left: the server cannot have taken it.
            await RetryLaterAsync(id, ThisHandOver,
                $"La transmission a été interrompue avant la fin du message ({Describe(exception)}) : le serveur ne l'a pas reçu.", countAttempt: false);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
        catch (Exception exception)
        {
            // Everything went out but no answer came back: nobody knows. Never sent again automatically.
            var uncertain = await TransitionAsync(id, ThisHandOver, m =>
            {
                m.Status = OutboxStatus.Uncertain;
                m.ClaimedUntil = null;
                m.LastError = $"Le message a été transmis en entier mais le serveur n'a pas confirmé sa réception ({Describe(exception)}). "
                    + "Vérifiez auprès du destinataire s'il l'a reçu avant de le renvoyer.";
                return OutboxEvent.Uncertain;
            }, CancellationToken.None);
            if (uncertain is not null)
            {
                LogUncertain(logger, id, exception.GetType().Name);
            }

            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>Back to Pending with the next attempt delayed, or Failed once the retry period is over.</summary>
    private Task<OutboxMessage?> RetryLaterAsync(Guid id, Func<OutboxMessage, bool> expected, string problem, bool countAttempt)
    {
        var settings = options.Value;
        var now = Now;
        return TransitionAsync(id, expected, m =>
        {
            if (countAttempt)
            {
                m.Attempts++;
            }

            // Counted from the queueing, or from a person's decision to send it again.
            var since = m.ResolvedAt > m.CreatedAt ? m.ResolvedAt.Value : m.CreatedAt;
            if (now >= since.AddHours(settings.GiveUpAfterHours))
            {
                return Fail(m, $"Envoi abandonné après {settings.GiveUpAfterHours} heures d'essais. Dernière erreur : {problem}");
            }

            var exponent = Math.Clamp(m.Attempts - 1, 0, 30);
            var delay = Math.Min(settings.BaseDelaySeconds * Math.Pow(2, exponent), settings.MaxDelaySeconds);
            m.NextAttemptAt = now.AddSeconds(delay);
            m.Status = OutboxStatus.Pending;
            m.ClaimedBy = null;
            m.ClaimedUntil = null;
            m.LastError = Truncate($"{problem} Nouvel essai à {ParisTime.ToLocal(m.NextAttemptAt).ToString("H' h 'mm", CultureInfo.InvariantCulture)}.");
            return OutboxEvent.None;
        }, CancellationToken.None);
    }

    private OutboxEvent Fail(OutboxMessage m, string problem)
    {
        m.Status = OutboxStatus.Failed;
        m.FailedAt = Now;
        m.ClaimedUntil = null;
        m.LastError = Truncate(problem);
        return OutboxEvent.Failed;
    }

    /// <summary>Gives a claimed message back untouched (shutdown before anything was tried).</summary>
    private async Task ReleaseAsync(Guid id)
    {
        var me = InstanceName;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VigieDbContext>().OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.ClaimedBy == me)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, (string?)null)
                .SetProperty(m => m.ClaimedUntil, (DateTime?)null)
                .SetProperty(m => m.Version, m => m.Version + 1), CancellationToken.None);
    }

    private async Task<OutboxMessage?> TransitionAsync(Guid id, Func<OutboxMessage, bool> expected, Func<OutboxMessage, OutboxEvent> change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await OutboxTransition.ApplyAsync(services.GetRequiredService<VigieDbContext>(), services.GetServices<IOutboxListener>(),
            id, expected, change, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string ConnectionProblem(Exception exception) => exception switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "Le serveur de messagerie ne répond pas (connexion refusée).",
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData } => "Le serveur de messagerie est introuvable (nom inconnu).",
        SocketException or TimeoutException => "Le serveur de messagerie ne répond pas (délai dépassé ou réseau indisponible).",
        MailKit.Security.SslHandshakeException => "La connexion chiffrée avec le serveur de messagerie a échoué.",
        MailKit.Security.AuthenticationException => "Le serveur de messagerie a refusé l'identifiant ou le mot de passe de Vigie.",
        SmtpCommandException refusal => $"Le serveur de messagerie a refusé la connexion ({(int)refusal.StatusCode}).",
        IOException or UnauthorizedAccessException => "Le dossier de dépôt des messages n'est pas accessible.",
        _ => $"La connexion au serveur de messagerie a échoué ({exception.GetType().Name}).",
    };

    private static string Describe(Exception exception) => exception switch
    {
        OperationCanceledException => "arrêt de Vigie",
        TimeoutException => "délai dépassé",
        IOException or SocketException => "connexion coupée",
        _ => exception.GetType().Name,
    };

    private static string Truncate(string text, int length = MaxFieldLength) => text.Length <= length ? text : text[..(length - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: could not reach the mail server; the message will be retried")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: message {Id} is uncertain ({Reason}); a person must decide")]
    private static partial void LogUncertain(ILogger logger, Guid id, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: message {Id} cannot be read back; marked failed")]
    private static partial void LogUnreadable(ILogger logger, Guid id, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox: message {Id} was accepted ({Response}) but its state had changed meanwhile; the acceptance is not recorded")]
    private static partial void LogAcceptanceNotRecorded(ILogger logger, Guid id, string response);
}
