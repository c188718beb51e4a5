using System.Security.Cryptography;
using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Compte;

public sealed class TotpTests
{
    [Fact]
    public void Codes_match_an_independent_implementation_at_many_instants()
    {
        var secret = RandomNumberGenerator.GetBytes(20);
        var reference = new OtpNet.Totp(secret);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 500; i++)
        {
            var instant = start.AddSeconds(i * 997);
            Assert.Equal(reference.ComputeTotp(instant.UtcDateTime), Totp.Compute(secret, Totp.TimeStep(instant)));
        }
    }

    [Fact]
    public void Rfc6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) → 287082 on 6 digits.
        var secret = "12345678901234567890"u8.ToArray();
        Assert.Equal("287082", Totp.Compute(secret, Totp.TimeStep(DateTimeOffset.FromUnixTimeSeconds(59))));
    }

    [Fact]
    public void Base32_keys_decode_like_authenticator_apps_read_them()
    {
        var bytes = RandomNumberGenerator.GetBytes(20);
        var encoded = OtpNet.Base32Encoding.ToString(bytes);

        Assert.Equal(bytes, Totp.DecodeBase32(encoded));
        Assert.Equal(bytes, Totp.DecodeBase32(encoded.ToLowerInvariant().Insert(4, " ")));
        Assert.Throws<FormatException>(() => Totp.DecodeBase32("ABC1"));
    }
}
