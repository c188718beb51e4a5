using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Tests.Platform.Outbox;

public sealed class TransferTrackerTests
{
    [Fact]
    public void Nothing_sent_is_not_complete()
    {
        Assert.False(new TransferTracker().Complete);
    }

    [Fact]
    public void Part_of_a_message_of_known_size_is_not_complete()
    {
        var tracker = new TransferTracker();
        tracker.Report(4096, 140_000);
        Assert.False(tracker.Complete);
    }

    [Fact]
    public void The_whole_size_or_more_after_dot_stuffing_is_complete()
    {
        var exact = new TransferTracker();
        exact.Report(140_000, 140_000);
        var stuffed = new TransferTracker();
        stuffed.Report(140_002, 140_000);
        Assert.True(exact.Complete);
        Assert.True(stuffed.Complete);
    }

    [Fact]
    public void Without_a_known_size_any_byte_sent_counts_as_possibly_complete()
    {
        var tracker = new TransferTracker();
        tracker.Report(10);
        Assert.True(tracker.Complete);
    }
}
