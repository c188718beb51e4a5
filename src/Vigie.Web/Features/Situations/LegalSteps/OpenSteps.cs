using System.Security.Claims;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Situations.LegalSteps;

/// <summary>
/// The steps a user is responsible for and still has to follow up ("Mes échéances"): not done,
/// with a due date, on a situation the user can still see (scope applied in the query) and that is
/// not closed (a closed file is read-only: nothing can be marked done there any more).
/// </summary>
public static class OpenSteps
{
    public static IQueryable<OpenStep> Of(VigieDbContext db, ClaimsPrincipal user, DateTime nowUtc)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        return from step in db.LegalSteps
               join situation in db.Situations.VisibleTo(user, nowUtc) on step.SituationId equals situation.Id
               where step.ResponsibleUserId == userId && step.CompletedAt == null && step.DueAt != null
                   && situation.Status != SituationStatus.Cloturee
               select new OpenStep
               {
                   Id = step.Id,
                   SituationId = step.SituationId,
                   Kind = step.Kind,
                   OccurredAt = step.OccurredAt,
                   DueAt = step.DueAt!.Value,
                   FirstNameEncrypted = situation.FirstNameEncrypted,
                   LastNameEncrypted = situation.LastNameEncrypted,
               };
    }

    public static IQueryable<OpenStep> Overdue(this IQueryable<OpenStep> steps, DateTime nowUtc) =>
        steps.Where(s => s.DueAt < nowUtc);
}

/// <summary>
/// One open step; the names stay encrypted until the rows of one page are decrypted. Built with an
/// initializer (not a constructor) so that filters written after the projection still translate to SQL.
/// </summary>
public sealed record OpenStep
{
    public Guid Id { get; init; }

    public Guid SituationId { get; init; }

    public LegalStepKind Kind { get; init; }

    public DateTime OccurredAt { get; init; }

    public DateTime DueAt { get; init; }

    public string FirstNameEncrypted { get; init; } = string.Empty;

    public string LastNameEncrypted { get; init; } = string.Empty;
}
