using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Platform.Audit;

public sealed record AuditVerification(long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public bool IsIntact => FirstBrokenSequence is null;
}

/// <summary>Walks the chain in order and names the first entry that is altered or missing.</summary>
public sealed class AuditVerifier(IDbContextFactory<VigieDbContext> dbFactory, AuditKey key)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = string.Empty;
        long expected = 1;
        var entries = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (entry.Sequence != expected)
            {
                var missing = entry.Sequence > expected
                    ? $"entrée n° {expected} manquante (la suivante présente est la n° {entry.Sequence})"
                    : $"entrée n° {entry.Sequence} en double ou hors séquence";
                return new AuditVerification(expected - 1, expected, missing);
            }

            if (entry.KeyId != key.Id)
            {
                return new AuditVerification(expected - 1, entry.Sequence,
                    $"entrée n° {entry.Sequence} signée par une clé inconnue ({entry.KeyId})");
            }

            var recomputed = AuditChain.ComputeHmac(key.Secret, entry, previous);
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(recomputed), Encoding.ASCII.GetBytes(entry.Hmac)))
            {
                return new AuditVerification(expected - 1, entry.Sequence,
                    $"entrée n° {entry.Sequence} altérée (son contenu ou son lien avec la précédente ne correspond plus)");
            }

            previous = entry.Hmac;
            expected++;
        }

        return new AuditVerification(expected - 1, null, null);
    }
}
