using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Tests.Platform.Outbox;

/// <summary>The outbox sender against a real SMTP server on loopback, driven pass by pass on a fake clock.</summary>
public sealed class OutboxDispatcherTests : IAsyncDisposable
{
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly OutboxFactory _factory;

    public OutboxDispatcherTests()
    {
        _factory = new OutboxFactory(_smtp.Port);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_is_delivered_once_as_enqueued_with_the_servers_acceptance_as_proof()
    {
        _smtp.Start();
        var sent = await _factory.EnqueueAsync();

        Assert.Equal(1, await _factory.Dispatcher.RunOnceAsync(Token));
        Assert.Equal(0, await _factory.Dispatcher.RunOnceAsync(Token));

        var received = Assert.Single(_smtp.Received);
        Assert.Equal("parquet-mineurs@justice.test", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("crip@metropole.test", Assert.Single(received.Cc.Mailboxes).Address);
        Assert.Equal("Signalement — mineur(e) victime ou en risque de prostitution", received.Subject);
        Assert.Contains("Veuillez trouver ci-joint un signalement.", received.TextBody, StringComparison.Ordinal);
        Assert.Contains("\n.\n", received.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal); // a lone dot survives dot-stuffing
        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal("signalement.pdf", attachment.FileName);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes, Token);
        Assert.Equal(sent.Attachment, bytes.ToArray());
        Assert.Equal(sent.MessageId, received.MessageId);

        var row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Accepted, row.Status);
        Assert.Equal("250 2.0.0 " + LoopbackSmtpServer.QueueId, row.ServerResponse);
        Assert.Equal(_factory.Clock.GetUtcNow().UtcDateTime, row.AcceptedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, row.Attempts);
        Assert.Equal(["accepted"], _factory.Listener.For(sent.Id));
        Assert.Single(_factory.Listener.Calls, c => c.Id == sent.Id && c.Status == OutboxStatus.Accepted);
    }

    [Fact]
    public async Task Server_down_then_up_the_message_waits_for_its_back_off_then_goes_once()
    {
        var sent = await _factory.EnqueueAsync();
        var start = _factory.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(1, await _factory.Dispatcher.RunOnceAsync(Token));
        var row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Equal(start.AddSeconds(30), row.NextAttemptAt, TimeSpan.FromMilliseconds(1));
        Assert.Null(row.ClaimedBy);
        Assert.Contains("connexion refusée", row.LastError, StringComparison.Ordinal);
        Assert.Contains("Nouvel essai à", row.LastError, StringComparison.Ordinal);

        _smtp.Start();
        _factory.Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await _factory.Dispatcher.RunOnceAsync(Token)); // before the delay: nothing
        Assert.Empty(_smtp.Received);
        Assert.Equal(1, (await _factory.RowAsync(sent.Id)).Attempts);

        _factory.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await _factory.Dispatcher.RunOnceAsync(Token));
        Assert.Equal(sent.MessageId, Assert.Single(_smtp.Received).MessageId);
        row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Accepted, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(["accepted"], _factory.Listener.For(sent.Id));
    }

    [Fact]
    public async Task A_temporary_refusal_is_retried_after_the_back_off_then_sent()
    {
        _smtp.Behaviour = PeerBehaviour.RefuseTemporarily;
        _smtp.RefusalsLeft = 1;
        _smtp.Start();
        var sent = await _factory.EnqueueAsync();

        await _factory.Dispatcher.RunOnceAsync(Token);
        var row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Contains("451", row.LastError, StringComparison.Ordinal);
        Assert.Contains("temporairement", row.LastError, StringComparison.Ordinal);
        Assert.Empty(_smtp.Received);

        _factory.Clock.Advance(TimeSpan.FromSeconds(31));
        await _factory.Dispatcher.RunOnceAsync(Token);
        Assert.Single(_smtp.Received);
        row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Accepted, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(["accepted"], _factory.Listener.For(sent.Id));
    }

    [Fact]
    public async Task A_permanent_refusal_fails_the_message_and_it_is_never_tried_again()
    {
        _smtp.Behaviour = PeerBehaviour.RefuseForGood;
        _smtp.Start();
        var sent = await _factory.EnqueueAsync();

        await _factory.Dispatcher.RunOnceAsync(Token);
        var row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.NotNull(row.FailedAt);
        Assert.Contains("554", row.LastError, StringComparison.Ordinal);
        Assert.Contains("définitivement", row.LastError, StringComparison.Ordinal);
        Assert.Equal(["failed"], _factory.Listener.For(sent.Id));

        _smtp.Behaviour = PeerBehaviour.Accept;
        _factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await _factory.Dispatcher.RunOnceAsync(Token));
        Assert.Empty(_smtp.Received);
        Assert.Equal(1, (await _factory.RowAsync(sent.Id)).Attempts);
    }

    [Fact]
    public async Task After_the_retry_period_a_message_that_cannot_be_delivered_fails()
    {
        var sent = await _factory.EnqueueAsync();
        await _factory.Dispatcher.RunOnceAsync(Token); // server down: retried later

        _factory.Clock.Advance(TimeSpan.FromHours(72));
        await _factory.Dispatcher.RunOnceAsync(Token);

        var row = await _factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Contains("abandonné après 72 heures", row.LastError, StringComparison.Ordinal);
        Assert.Equal(["failed"], _factory.Listener.For(sent.Id));
    }

    [Fact]
    public async Task Interrupted_after_the_whole_message_went_out_it_is_uncertain_never_resent_and_a_person_settles_it()
    {
        _smtp.Behaviour = PeerBehaviour.KeepAndHang;
        _smtp.Start();
        var confirmed = await _factory.EnqueueAsync("Premier");
        var resent = await _factory.EnqueueAsync("Second");

        await _factory.Dispatcher.RunOnceAsync(Token);

        foreach (var id in new[] { confirmed.Id, resent.Id })
        {
            var row = await _factory.RowAsync(id);
            Assert.Equal(OutboxStatus.Uncertain, row.Status);
            Assert.Contains("transmis en entier", row.LastError, StringComparison.Ordinal);
            Assert.Equal(["uncertain"], _factory.Listener.For(id));
        }

        Assert.Equal(2, _smtp.Received.Count); // the server holds exactly one copy of each

        // Neither later passes nor another instance send them again.
        _smtp.Behaviour = PeerBehaviour.Accept;
        _factory.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await _factory.Dispatcher.RunOnceAsync(Token));
        using (var other = new OutboxFactory(_smtp.Port, _factory.Database))
        {
            other.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(0, await other.Dispatcher.RunOnceAsync(Token));
        }

        Assert.Equal(2, _smtp.Received.Count);

        var user = await _factory.CreateUserAsync(Vigie.Web.Features.Compte.Roles.Coordination);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var resolution = scope.ServiceProvider.GetRequiredService<OutboxResolution>();
            var result = await resolution.ConfirmReceivedAsync(confirmed.Id, user.Id, Token);
            Assert.Equal(OutboxResolutionOutcome.Resolved, result.Outcome);
            Assert.Equal(OutboxResolutionOutcome.NotUncertain, (await resolution.ConfirmReceivedAsync(confirmed.Id, user.Id, Token)).Outcome);
            Assert.Equal(OutboxResolutionOutcome.NotFound, (await resolution.SendAgainAsync(Guid.NewGuid(), user.Id, Token)).Outcome);
            Assert.Equal(OutboxResolutionOutcome.Resolved, (await resolution.SendAgainAsync(resent.Id, user.Id, Token)).Outcome);
        }

        var row1 = await _factory.RowAsync(confirmed.Id);
        Assert.Equal(OutboxStatus.Accepted, row1.Status);
        Assert.Equal(OutboxResolution.ConfirmedByPerson, row1.Resolution);
        Assert.Equal(user.Id, row1.ResolvedById);
        Assert.NotNull(row1.AcceptedAt);
        Assert.Equal(["uncertain", "accepted"], _factory.Listener.For(confirmed.Id));

        Assert.Equal(1, await _factory.Dispatcher.RunOnceAsync(Token));
        var row2 = await _factory.RowAsync(resent.Id);
        Assert.Equal(OutboxStatus.Accepted, row2.Status);
        Assert.Equal(OutboxResolution.SentAgainByPerson, row2.Resolution);
        Assert.Equal(["uncertain", "accepted"], _factory.Listener.For(resent.Id));
        // One more copy, with the same Message-ID: the recipient's system can tell it is the same message.
        Assert.Equal(2, _smtp.Received.Count(m => m.MessageId == resent.MessageId));
        Assert.Single(_smtp.Received, m => m.MessageId == confirmed.MessageId);
    }

    [Fact]
    public async Task A_connection_cut_before_the_end_of_the_message_proves_it_was_not_taken_and_it_is_retried()
    {
        await using var cutter = new CutMidMessageServer();
        using var factory = new OutboxFactory(cutter.Port);
        // Far larger than the loopback socket buffers: the writes fail once the peer has closed.
        var sent = await factory.EnqueueAsync(attachmentBytes: 16_000_000);

        await factory.Dispatcher.RunOnceAsync(Token);

        Assert.Equal(1, cutter.Cuts);
        var row = await factory.RowAsync(sent.Id);
        Assert.Equal(OutboxStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("avant la fin du message", row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAt > factory.Clock.GetUtcNow().UtcDateTime);
        Assert.Empty(factory.Listener.For(sent.Id));
    }

    [Fact]
    public async Task After_a_crash_a_hand_over_in_progress_becomes_uncertain_and_a_mere_claim_is_sent_once()
    {
        _smtp.Start();
        var handingOver = await _factory.EnqueueAsync("Remise interrompue");
        var claimed = await _factory.EnqueueAsync("Pris mais pas remis");
        var leased = await _factory.EnqueueAsync("Bail encore valable");
        var now = _factory.Clock.GetUtcNow().UtcDateTime;
        await _factory.WithDbAsync(async db =>
        {
            await db.OutboxMessages.Where(m => m.Id == handingOver.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.HandingOver)
                .SetProperty(m => m.ClaimedBy, "instance-arretee")
                .SetProperty(m => m.ClaimedUntil, now.AddSeconds(-1))
                .SetProperty(m => m.HandingOverAt, now.AddMinutes(-10))
                .SetProperty(m => m.Attempts, 1), Token);
            await db.OutboxMessages.Where(m => m.Id == claimed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, "instance-arretee")
                .SetProperty(m => m.ClaimedUntil, now.AddSeconds(-1)), Token);
            await db.OutboxMessages.Where(m => m.Id == leased.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.ClaimedBy, "instance-active")
                .SetProperty(m => m.ClaimedUntil, now.AddMinutes(5)), Token);
        });

        await _factory.Dispatcher.RunOnceAsync(Token);

        var row = await _factory.RowAsync(handingOver.Id);
        Assert.Equal(OutboxStatus.Uncertain, row.Status);
        Assert.Contains("interrompue", row.LastError, StringComparison.Ordinal);
        Assert.Equal(["uncertain"], _factory.Listener.For(handingOver.Id));
        Assert.Equal(OutboxStatus.Accepted, (await _factory.RowAsync(claimed.Id)).Status);
        Assert.Equal(OutboxStatus.Pending, (await _factory.RowAsync(leased.Id)).Status);
        Assert.Equal([claimed.MessageId], _smtp.Received.Select(m => m.MessageId));

        await _factory.Dispatcher.RunOnceAsync(Token);
        Assert.Single(_smtp.Received);
        Assert.Equal(["uncertain"], _factory.Listener.For(handingOver.Id));
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
