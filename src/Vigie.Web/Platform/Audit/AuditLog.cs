using System.Security.Claims;

namespace Vigie.Web.Platform.Audit;

/// <summary>
/// The one service modules call to log what a user did to a record: who and from where come from
/// the current request. Never pass case content: a record type and its id are enough.
/// </summary>
public interface IAuditLog
{
    Task RecordAsync(string action, string? recordType = null, string? recordId = null,
        AuditOutcome outcome = AuditOutcome.Success, string? actorId = null, CancellationToken cancellationToken = default);
}

public sealed class AuditLog(AuditChainWriter writer, IHttpContextAccessor httpContextAccessor) : IAuditLog
{
    public async Task RecordAsync(string action, string? recordType = null, string? recordId = null,
        AuditOutcome outcome = AuditOutcome.Success, string? actorId = null, CancellationToken cancellationToken = default)
    {
        var http = httpContextAccessor.HttpContext;
        actorId ??= http?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var ip = http?.Connection.RemoteIpAddress?.ToString();
        // The audit entry must be written even when the request is being aborted.
        await writer.AppendAsync(new AuditRecord(action, outcome, actorId, recordType, recordId, ip), CancellationToken.None);
    }
}
