using Microsoft.Extensions.Time.Testing;
using Vigie.Web.Features.Situations;

namespace Vigie.Tests.Situations;

public sealed class CappedCountsTests
{
    [Fact]
    public void A_capped_count_is_remembered_for_a_minute_per_user_and_filter()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        using var counts = new CappedCounts(clock);
        var coordination = CappedCounts.Key("user-a", "niveau=Averee");

        Assert.False(counts.IsCapped(coordination));
        counts.RememberCapped(coordination);
        Assert.True(counts.IsCapped(coordination));
        Assert.False(counts.IsCapped(CappedCounts.Key("user-b", "niveau=Averee"))); // another user's scope
        Assert.False(counts.IsCapped(CappedCounts.Key("user-a", "niveau=EnRisque"))); // another filter

        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.True(counts.IsCapped(coordination));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(counts.IsCapped(coordination));
    }

    [Fact]
    public void The_key_does_not_keep_the_name_typed()
    {
        var key = CappedCounts.Key("user-a", "nom=Dupont");
        Assert.DoesNotContain("Dupont", key, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(64, key.Length);
    }
}
