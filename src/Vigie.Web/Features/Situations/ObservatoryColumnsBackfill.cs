using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Situations written before the observatory's columns existed get them once, at start-up: the birth
/// month from the encrypted birth date (the migration cannot decrypt), the counting day, the current
/// evaluation's statistical variables, and the one-count-per-minor flag. Nothing to do on a new database.
/// </summary>
public static class ObservatoryColumnsBackfill
{
    private const int Batch = 500;

    public static async Task<int> FillObservatoryColumnsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        var cipher = services.GetRequiredService<FieldCipher>();
        var filled = 0;
        while (true)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var rows = await db.Situations.Where(s => s.BirthMonth == null).OrderBy(s => s.Id).Take(Batch).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                if (filled > 0)
                {
                    await MinorCounting.RefreshAllAsync(db, cancellationToken);
                }

                return filled;
            }

            var ids = rows.Select(s => s.Id).ToList();
            var evaluations = await db.Evaluations.AsNoTracking()
                .Where(e => ids.Contains(e.SituationId) && db.Situations.Any(s => s.Id == e.SituationId && s.EvaluationCount == e.Number))
                .ToDictionaryAsync(e => e.SituationId, cancellationToken);
            foreach (var situation in rows)
            {
                situation.FillObservatoryColumns(cipher, evaluations.GetValueOrDefault(situation.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            filled += rows.Count;
        }
    }
}
