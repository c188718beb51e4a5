using Vigie.Web.Data;

namespace Vigie.Web.Platform.Audit;

/// <summary>An audit entry as pages show it, with its author's name.</summary>
public sealed class AuditRow
{
    public long Sequence { get; init; }

    public DateTime At { get; init; }

    public string? ActorId { get; init; }

    public string? ActorName { get; init; }

    public string? ActorEmail { get; init; }

    public string Action { get; init; } = string.Empty;

    public string? RecordType { get; init; }

    public string? RecordId { get; init; }

    public AuditOutcome Outcome { get; init; }

    public string? Ip { get; init; }

    public string ActionLabel => AuditAction.Label(Action);

    public string OutcomeLabel => Outcome switch
    {
        AuditOutcome.Success => "Réussi",
        AuditOutcome.Failure => "Échec",
        AuditOutcome.Denied => "Refusé",
        _ => Outcome.ToString(),
    };

    /// <summary>A member-init projection, so callers can still filter, order and page in SQL.</summary>
    public static IQueryable<AuditRow> Query(VigieDbContext db, IQueryable<AuditEntry> entries) =>
        from e in entries
        join u in db.Users on e.ActorId equals u.Id into authors
        from u in authors.DefaultIfEmpty()
        select new AuditRow
        {
            Sequence = e.Sequence,
            At = e.At,
            ActorId = e.ActorId,
            ActorName = u == null ? null : u.DisplayName,
            ActorEmail = u == null ? null : u.Email,
            Action = e.Action,
            RecordType = e.RecordType,
            RecordId = e.RecordId,
            Outcome = e.Outcome,
            Ip = e.Ip,
        };
}
