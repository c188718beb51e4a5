using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>What every trame and evaluation page shows of the situation, loaded within the user's scope.</summary>
public sealed record TrameSituation(Guid Id, MinorIdentity Identity, SituationStatus Status, Sex Sex, string? Territory, int EvaluationCount,
    bool EmergencyOnly = false)
{
    public bool IsClosed => Status == SituationStatus.Cloturee;

    /// <summary>Closed, or reached by emergency access (which reads and changes nothing).</summary>
    public bool IsReadOnly => IsClosed || EmergencyOnly;

    /// <summary>Why the trame cannot be changed, said to the user.</summary>
    public string ReadOnlyReason => IsClosed
        ? "La situation est clôturée : la trame et les évaluations sont en lecture seule."
        : "Accès d'urgence : la trame et les évaluations sont en consultation seulement.";

    /// <summary>Null when the situation does not exist or is out of the user's scope: the page answers 404 either way.</summary>
    public static async Task<TrameSituation?> FindAsync(VigieDbContext db, FieldCipher cipher, ClaimsPrincipal user, Guid id, DateTime now)
    {
        var situation = await db.Situations.AsNoTracking().VisibleTo(user, now).FirstOrDefaultAsync(s => s.Id == id);
        if (situation is null)
        {
            return null;
        }

        var reach = await SituationReach.OfAsync(db, user, id, situation.ReferentOrganisationId, now);
        return new TrameSituation(id, situation.ReadIdentity(cipher), situation.Status, situation.Sex, situation.Territory, situation.EvaluationCount,
            EmergencyOnly: !reach.MayContribute);
    }

    /// <summary>The context the trame checks need: the birth date and today's date in France.</summary>
    public TrameContext Context(TrameState state, TimeProvider clock) =>
        new(Identity.BirthDate, TrameDisplay.Today(clock), state.Section);
}

/// <summary>
/// Record ids of the trame pages in the audit log: the situation id and which part was read or
/// changed, never any content.
/// </summary>
public static class TrameAudit
{
    public static string Overview(Guid id) => $"{id}#trame";

    public static string Section(Guid id, string section) => $"{id}#trame:{section}";

    public static string Evaluations(Guid id) => $"{id}#evaluations";

    public static string Evaluation(Guid id, int number) => $"{id}#evaluation:{number}";

    public static string Comparison(Guid id, int from, int to) => $"{id}#comparaison:{from}-{to}";
}
