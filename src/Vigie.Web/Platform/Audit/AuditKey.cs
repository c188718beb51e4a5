using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Platform.Audit;

public sealed class AuditOptions
{
    public const string Section = "Vigie:Audit";

    /// <summary>Base64 HMAC key (32 bytes or more). When empty, the key file in the key folder is used (created on first start).</summary>
    public string? Key { get; set; }
}

/// <summary>
/// The HMAC key of the audit chain. It lives outside the database (environment or key folder), so
/// whoever can write the database cannot forge a valid chain.
/// </summary>
public sealed class AuditKey
{
    private const string FileName = "audit-hmac.key";

    public AuditKey(byte[] secret)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("La clé d'audit doit faire au moins 32 octets.", nameof(secret));
        }

        Secret = secret;
        Id = Convert.ToHexStringLower(SHA256.HashData(secret))[..8];
    }

    public byte[] Secret { get; }

    /// <summary>Fingerprint stored with each entry, so a future rotation knows which key signed it.</summary>
    public string Id { get; }

    public static AuditKey Load(IOptions<AuditOptions> options, KeyFolder keys)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Key))
        {
            return new AuditKey(Convert.FromBase64String(options.Value.Key));
        }

        return new AuditKey(keys.ReadOrCreateSecret(FileName, 32));
    }
}
