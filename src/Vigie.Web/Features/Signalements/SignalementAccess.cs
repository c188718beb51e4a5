using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Signalements;

/// <summary>The situation a signalement belongs to, as its pages need it.</summary>
public sealed record SignalementSituation(Guid Id, SituationStatus Status, Guid ReferentOrganisationId, string FirstNameEncrypted, string LastNameEncrypted)
{
    public string MinorName(FieldCipher cipher) =>
        Situation.DisplayName(cipher, FirstNameEncrypted, LastNameEncrypted);
}

/// <summary>A signalement the user may see, its situation, and how the user reaches it.</summary>
public sealed record SignalementInScope(Signalement Signalement, SignalementSituation Situation, SituationReach Reach)
{
    /// <summary>Drafting and editing: anyone who contributes to the situation (not an emergency access), while it is open.</summary>
    public bool MayContribute => Reach.MayContribute && Situation.Status != SituationStatus.Cloturee;

    public bool IsAuthor(string? userId) => userId is not null && Signalement.Authors.Any(a => a.UserId == userId);
}

/// <summary>
/// Finds a signalement through its situation's scope (<see cref="SituationScope.VisibleTo"/> in
/// the query): out of scope is exactly like absent, so the pages answer 404.
/// </summary>
public static class SignalementAccess
{
    public static async Task<SignalementInScope?> FindAsync(VigieDbContext db, ClaimsPrincipal user, Guid signalementId, DateTime now, bool tracking = false)
    {
        // No AsNoTracking here: it would apply to the whole query, the signalement included.
        var visible = db.Situations.VisibleTo(user, now);
        var query = db.Signalements.Include(s => s.Authors).Where(s => s.Id == signalementId && visible.Any(v => v.Id == s.SituationId));
        var signalement = await (tracking ? query : query.AsNoTracking()).FirstOrDefaultAsync();
        if (signalement is null)
        {
            return null;
        }

        signalement.Authors.Sort((a, b) => a.Position.CompareTo(b.Position));
        var situation = await db.Situations.AsNoTracking().Where(s => s.Id == signalement.SituationId)
            .Select(s => new SignalementSituation(s.Id, s.Status, s.ReferentOrganisationId, s.FirstNameEncrypted, s.LastNameEncrypted))
            .SingleAsync();
        var reach = await SituationReach.OfAsync(db, user, situation.Id, situation.ReferentOrganisationId, now);
        return new SignalementInScope(signalement, situation, reach);
    }

    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool IsCoordination(ClaimsPrincipal user) => user.IsInRole(Roles.Coordination);
}
