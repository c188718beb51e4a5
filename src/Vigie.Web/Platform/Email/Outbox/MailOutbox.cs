using System.Security.Cryptography;
using MimeKit;
using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Platform.Email.Outbox;

/// <summary>
/// Told what became of the outbox messages of one kind (e.g. "signalement"), inside the sender's
/// transaction that records it, so that the record it belongs to and the outbox never disagree.
/// Register one per kind: <c>services.AddScoped&lt;IOutboxListener, …&gt;()</c>.
/// </summary>
public interface IOutboxListener
{
    string Kind { get; }

    /// <summary>The server accepted the message (<see cref="OutboxMessage.AcceptedAt"/>, <see cref="OutboxMessage.ServerResponse"/> are set).</summary>
    Task AcceptedAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>The message will not be sent (permanent refusal, or retries exhausted): <see cref="OutboxMessage.LastError"/> says why.</summary>
    Task FailedAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>The hand-over was interrupted after the message went out: a person must check before sending again.</summary>
    Task UncertainAsync(VigieDbContext db, OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>Puts a message in the outbox: it is sent by the background sender, never in the request.</summary>
public static class MailOutbox
{
    /// <summary>
    /// Adds <paramref name="message"/> to the outbox of <paramref name="db"/> (saved with the caller's
    /// SaveChanges, in the caller's transaction). Gives it its stable Message-ID first, so that every
    /// attempt sends the very same bytes.
    /// </summary>
    public static OutboxMessage Add(VigieDbContext db, FieldCipher cipher, MimeMessage message, string kind, Guid subjectId, DateTime nowUtc)
    {
        var row = new OutboxMessage { Kind = kind, SubjectId = subjectId, CreatedAt = nowUtc, NextAttemptAt = nowUtc };
        var domain = message.From.Mailboxes.FirstOrDefault()?.Domain;
        message.MessageId = $"{row.Id:N}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}@{(string.IsNullOrEmpty(domain) ? "vigie.invalid" : domain)}";
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        row.MessageId = message.MessageId;
        row.Recipients = string.Join(", ", message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address));
        using var buffer = new MemoryStream();
        message.WriteTo(buffer);
        row.MimeEncrypted = cipher.Encrypt(Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length), OutboxMessage.MimePurpose);
        db.OutboxMessages.Add(row);
        return row;
    }

    /// <summary>The stored MIME message, exactly as it will be (or was) sent.</summary>
    public static MimeMessage Read(FieldCipher cipher, OutboxMessage row)
    {
        var bytes = Convert.FromBase64String(cipher.Decrypt(row.MimeEncrypted, OutboxMessage.MimePurpose));
        using var stream = new MemoryStream(bytes);
        return MimeMessage.Load(stream);
    }
}
