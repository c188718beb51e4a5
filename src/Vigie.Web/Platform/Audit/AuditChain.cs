using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Vigie.Web.Platform.Audit;

/// <summary>
/// The chaining rule: HMAC-SHA256 over every field of the entry (length-prefixed, so no two
/// different entries share an encoding) followed by the previous entry's HMAC.
/// </summary>
public static class AuditChain
{
    public static string ComputeHmac(byte[] key, long sequence, DateTime at, string? actorId, string action,
        string? recordType, string? recordId, AuditOutcome outcome, string? ip, string keyId, string previousHmac)
    {
        using var buffer = new MemoryStream(256);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, sequence);
        buffer.Write(number);
        BinaryPrimitives.WriteInt64BigEndian(number, at.Ticks);
        buffer.Write(number);
        foreach (var field in new[] { actorId, action, recordType, recordId, outcome.ToString(), ip, keyId, previousHmac })
        {
            if (field is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(number, -1);
                buffer.Write(number[..4]);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(field);
            BinaryPrimitives.WriteInt32BigEndian(number, bytes.Length);
            buffer.Write(number[..4]);
            buffer.Write(bytes);
        }

        return Convert.ToHexStringLower(HMACSHA256.HashData(key, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
    }

    public static string ComputeHmac(byte[] key, AuditEntry entry, string previousHmac) =>
        ComputeHmac(key, entry.Sequence, entry.At, entry.ActorId, entry.Action, entry.RecordType, entry.RecordId,
            entry.Outcome, entry.Ip, entry.KeyId, previousHmac);

    /// <summary>
    /// Instants are kept to the microsecond: PostgreSQL stores no finer, and the HMAC must survive
    /// the round trip through either database.
    /// </summary>
    public static DateTime Normalise(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
}
