using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission.Actions;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Accompaniments;

/// <summary>
/// The co-accompaniments by the mobile team: pending proposals with minimal data (first name, age,
/// territory, proposal date: no surname before the young person accepts), the active file
/// (accepted, not ended) in full, and the active count against the team's capacity. Coordination
/// also sees refused and ended ones (filter).
/// </summary>
[Authorize(Policy = Policies.Accompaniments)]
public sealed class IndexModel(VigieDbContext db, FieldCipher cipher, IAuditLog audit, IOptions<CommissionOptions> options, TimeProvider clock) : PageModel
{
    public const int MaxClosedRows = 200;

    [FromQuery(Name = "statut")]
    public string? ClosedFilter { get; set; }

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public IReadOnlyList<Row> Active { get; private set; } = [];

    public IReadOnlyList<Row> Closed { get; private set; } = [];

    public int ActiveCount { get; private set; }

    public int Capacity => options.Value.MobileTeamCapacity;

    public bool CapacityReached => ActiveCount >= Capacity;

    public bool IsCoordination => User.IsInRole(Roles.Coordination);

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ActionRows.Today(now);
        var visible = db.Accompaniments.AccompanimentsVisibleTo(db, User, now);
        ActiveCount = await db.Accompaniments.CountAsync(a => a.Status == AccompanimentStatus.Acceptee);
        Pending = (await ReadAsync(visible.Where(a => a.Status == AccompanimentStatus.Proposee).OrderBy(a => a.ProposedAt)))
            .Select(r => r.ToRow(cipher, today, full: IsCoordination)).ToList();
        Active = (await ReadAsync(visible.Where(a => a.Status == AccompanimentStatus.Acceptee).OrderBy(a => a.ConsentOn)))
            .Select(r => r.ToRow(cipher, today, full: true)).ToList();
        if (IsCoordination && ClosedFilter is "refuses" or "termines")
        {
            var status = ClosedFilter == "refuses" ? AccompanimentStatus.Refusee : AccompanimentStatus.Terminee;
            Closed = (await ReadAsync(visible.Where(a => a.Status == status).OrderByDescending(a => a.ProposedAt).Take(MaxClosedRows)))
                .Select(r => r.ToRow(cipher, today, full: true)).ToList();
        }
        else
        {
            ClosedFilter = null;
        }

        await audit.RecordAsync(AuditAction.Read, AuditRecordType.AccompanimentList, ClosedFilter);
    }

    private Task<List<Raw>> ReadAsync(IQueryable<Accompaniment> accompaniments) =>
        accompaniments
            .Join(db.Situations, a => a.SituationId, s => s.Id, (a, s) => new Raw(
                a.Id,
                a.Status,
                a.ProposedAt,
                a.ConsentOn,
                a.EndedAt,
                a.EndReason,
                new CommissionMinor(s.FirstNameEncrypted, s.LastNameEncrypted, s.BirthDateEncrypted),
                s.Territory,
                db.Organisations.Where(o => o.Id == s.ReferentOrganisationId).Select(o => o.Name).FirstOrDefault(),
                db.AccompanimentNotes.Where(n => n.AccompanimentId == a.Id).Max(n => (DateTime?)n.At)))
            .ToListAsync();

    public sealed record Raw(Guid Id, AccompanimentStatus Status, DateTime ProposedAt, DateOnly? ConsentOn, DateTime? EndedAt,
        AccompanimentEndReason? EndReason, CommissionMinor Minor, string? Territory, string? Organisation, DateTime? LastNoteAt)
    {
        /// <summary>Decrypts what the reader may see: the surname only when <paramref name="full"/>.</summary>
        public Row ToRow(FieldCipher cipher, DateOnly today, bool full) => new(
            Id, Status, ProposedAt, ConsentOn, EndedAt, EndReason,
            full ? Minor.FullName(cipher) : Minor.FirstName(cipher), Minor.Age(cipher, today), Territory, full ? Organisation : null, LastNoteAt);
    }

    public sealed record Row(Guid Id, AccompanimentStatus Status, DateTime ProposedAt, DateOnly? ConsentOn, DateTime? EndedAt,
        AccompanimentEndReason? EndReason, string Name, int Age, string? Territory, string? Organisation, DateTime? LastNoteAt);
}
