using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission;

/// <summary>
/// Recording a decision on an agenda item, in one place: a co-accompaniment proposal also creates
/// the <see cref="Accompaniment"/> (status proposed) that waits for the young person's answer. The
/// caller saves the changes (one SaveChanges for both) and notifies.
/// </summary>
public static class CommissionDecisions
{
    public const int DetailMaxLength = 4000;

    public static CommissionDecision Add(VigieDbContext db, FieldCipher cipher, AgendaItem item, DecisionKind kind, string? detail,
        DateOnly? representOn, string userId, DateTime now)
    {
        var decision = new CommissionDecision
        {
            AgendaItemId = item.Id,
            Kind = kind,
            DetailEncrypted = string.IsNullOrWhiteSpace(detail) ? null : cipher.Encrypt(detail.Trim(), CommissionDecision.DetailPurpose),
            RepresentOn = kind == DecisionKind.RepresentationLe ? representOn : null,
            CreatedAt = now,
            CreatedById = userId,
        };
        db.CommissionDecisions.Add(decision);
        if (kind == DecisionKind.CoAccompagnementPropose)
        {
            db.Accompaniments.Add(new Accompaniment
            {
                SituationId = item.SituationId,
                DecisionId = decision.Id,
                Status = AccompanimentStatus.Proposee,
                ProposedAt = now,
                ProposedById = userId,
            });
        }

        return decision;
    }
}
