namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The authenticator app of one account, on the real clock. The server accepts a 30-second step once
/// per user: when the current step was already used, <see cref="NextCodeAsync"/> waits (bounded) for the
/// next one, as a person waits for their app to show a new code.
/// </summary>
public sealed class Authenticator
{
    private const int PeriodSeconds = 30;

    private readonly OtpNet.Totp _totp;
    private long _lastStep = -1;

    /// <param name="base32Key">The key in RFC 4648 Base32, upper case, without spaces.</param>
    public Authenticator(string base32Key)
    {
        Key = base32Key;
        _totp = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(base32Key), step: PeriodSeconds);
    }

    public string Key { get; }

    /// <summary>A code of a time step not used before by this account; waits at most one period and a margin.</summary>
    public async Task<string> NextCodeAsync(CancellationToken cancellation)
    {
        var now = DateTimeOffset.UtcNow;
        if (Step(now) <= _lastStep)
        {
            var boundary = DateTimeOffset.FromUnixTimeSeconds((_lastStep + 1) * PeriodSeconds);
            // A quarter of a second past the boundary: the server reads the same clock a moment later.
            var wait = boundary - now + TimeSpan.FromMilliseconds(250);
            Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(PeriodSeconds + 1));
            TestContext.Current.TestOutputHelper?.WriteLine($"Code déjà utilisé pour ce pas de 30 s : attente de {wait.TotalSeconds:0.0} s.");
            await Task.Delay(wait, cancellation);
            now = DateTimeOffset.UtcNow;
        }
        else if (_lastStep >= 0)
        {
            TestContext.Current.TestOutputHelper?.WriteLine("Le pas de 30 s du code précédent est déjà passé : pas d'attente.");
        }

        var step = Step(now);
        Assert.True(step > _lastStep, $"Pas de temps {step} déjà utilisé (dernier : {_lastStep}).");
        _lastStep = step;
        return _totp.ComputeTotp(now.UtcDateTime);
    }

    /// <summary>The code last given by <see cref="NextCodeAsync"/>, as someone who saw it over a shoulder would replay it.</summary>
    public string UsedCode()
    {
        Assert.True(_lastStep >= 0, "Aucun code encore donné.");
        // Within one step of now, the server would accept the code but for its replay protection.
        TestContext.Current.TestOutputHelper?.WriteLine($"Code rejoué : pas {_lastStep}, pas courant {Step(DateTimeOffset.UtcNow)}.");
        return _totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(_lastStep * PeriodSeconds).UtcDateTime);
    }

    private static long Step(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / PeriodSeconds;
}
