using Microsoft.EntityFrameworkCore;
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

    /// <summary>The record's current name when it is an account or an organisation (resolved for display, never stored in the log).</summary>
    public string? RecordName { get; set; }

    public string ActionLabel => AuditAction.Label(Action);

    public string OutcomeLabel => Outcome switch
    {
        AuditOutcome.Success => "Réussi",
        AuditOutcome.Failure => "Échec",
        AuditOutcome.Denied => "Refusé",
        _ => Outcome.ToString(),
    };

    /// <summary>Adds the current names of the accounts and organisations the rows point to, in two queries.</summary>
    public static async Task<List<AuditRow>> WithRecordNamesAsync(VigieDbContext db, List<AuditRow> rows, CancellationToken cancellationToken = default)
    {
        var accountIds = rows.Where(r => r.RecordType == AuditRecordType.Account && r.RecordId != null).Select(r => r.RecordId!).Distinct().ToList();
        var organisationIds = rows.Where(r => r.RecordType == AuditRecordType.Organisation && Guid.TryParse(r.RecordId, out _))
            .Select(r => Guid.Parse(r.RecordId!)).Distinct().ToList();
        var accounts = accountIds.Count == 0 ? [] : await db.Users.Where(u => accountIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisations = organisationIds.Count == 0 ? [] : await db.Organisations.Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, cancellationToken);
        foreach (var row in rows)
        {
            var names = row.RecordType == AuditRecordType.Account ? accounts : row.RecordType == AuditRecordType.Organisation ? organisations : null;
            if (names is not null && row.RecordId is not null && names.TryGetValue(row.RecordId, out var name))
            {
                row.RecordName = name;
            }
        }

        return rows;
    }

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
