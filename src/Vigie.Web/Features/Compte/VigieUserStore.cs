using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Compte;

/// <summary>
/// Identity's store, with the MFA secrets protected at rest: the authenticator key is encrypted
/// with the data-protection key ring (outside the database) and recovery codes are stored hashed.
/// </summary>
public sealed class VigieUserStore(VigieDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<VigieUser>(context, describer)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Vigie.Compte.AuthenticatorKey");

    public override Task SetAuthenticatorKeyAsync(VigieUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(VigieUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        return string.IsNullOrEmpty(stored) ? stored : _protector.Unprotect(stored);
    }

    public override Task ReplaceCodesAsync(VigieUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    public override Task<bool> RedeemCodeAsync(VigieUser user, string code, CancellationToken cancellationToken) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    private static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal))));
}
