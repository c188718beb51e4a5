using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Vigie.Web.Features.Compte;

/// <summary>
/// Verifies authenticator codes: one step of clock drift either way, and never the same or an
/// older time step twice for a user (a code seen over a shoulder cannot be replayed).
/// </summary>
public sealed class TotpTokenProvider(TimeProvider clock) : IUserTwoFactorTokenProvider<VigieUser>
{
    public const string Name = "VigieTotp";

    public Task<string> GenerateAsync(string purpose, UserManager<VigieUser> manager, VigieUser user) =>
        Task.FromResult(string.Empty); // the code is produced by the user's authenticator app

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<VigieUser> manager, VigieUser user)
    {
        var code = new string((token ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            return false;
        }

        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        var secret = Totp.DecodeBase32(key);
        var now = Totp.TimeStep(clock.GetUtcNow());
        for (var step = now - 1; step <= now + 1; step++)
        {
            var expected = Totp.Compute(secret, step);
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(code)))
            {
                if (step <= user.LastTotpTimeStep)
                {
                    return false;
                }

                user.LastTotpTimeStep = step;
                var result = await manager.UpdateAsync(user);
                return result.Succeeded;
            }
        }

        return false;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<VigieUser> manager, VigieUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));
}
