using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// Situations written before <see cref="Situation.BirthMonth"/> and <see cref="Situation.CountedOn"/>
/// existed get them (the month from the encrypted birth date), once, at start-up: the migration cannot
/// decrypt. Nothing to do on a new database.
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
                return filled;
            }

            foreach (var situation in rows)
            {
                situation.FillObservatoryColumns(cipher);
            }

            await db.SaveChangesAsync(cancellationToken);
            filled += rows.Count;
        }
    }
}
