using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Platform.Audit;

/// <summary>An audit entry as pages show it, with its author's name.</summary>
public sealed record AuditRow(
    long Sequence,
    DateTime At,
    string? ActorId,
    string? ActorName,
    string? ActorEmail,
    string Action,
    string? RecordType,
    string? RecordId,
    AuditOutcome Outcome,
    string? Ip)
{
    public string ActionLabel => AuditAction.Label(Action);

    public string OutcomeLabel => Outcome switch
    {
        AuditOutcome.Success => "Réussi",
        AuditOutcome.Failure => "Échec",
        AuditOutcome.Denied => "Refusé",
        _ => Outcome.ToString(),
    };

    public static IQueryable<AuditRow> Query(VigieDbContext db, IQueryable<AuditEntry> entries) =>
        from e in entries.AsNoTracking()
        join u in db.Users on e.ActorId equals u.Id into authors
        from u in authors.DefaultIfEmpty()
        select new AuditRow(e.Sequence, e.At, e.ActorId, u == null ? null : u.DisplayName, u == null ? null : u.Email,
            e.Action, e.RecordType, e.RecordId, e.Outcome, e.Ip);
}
