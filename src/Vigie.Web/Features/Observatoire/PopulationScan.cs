using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Observatoire;

/// <summary>One category of a dimension: its label and the condition a situation meets to fall in it.</summary>
public sealed record Category(string Label, Expression<Func<Situation, bool>> Predicate);

/// <summary>A categorical variable of the population (sex, family structure…): its categories in display order.</summary>
public sealed record Dimension(string Key, string RowHeader, IReadOnlyList<Category> Categories)
{
    public const string NotFilled = "Non renseigné";

    /// <summary>The options of a trame choice field, each matched on its stored key, then "Non renseigné".</summary>
    public static Dimension FromTrame(string key, string rowHeader, string section, string field, Expression<Func<Situation, string?>> column,
        Func<TrameOption, bool>? keep = null, params Category[] extra)
    {
        var options = TrameSchema.Find(section)?.Field(field)?.Options
            ?? throw new InvalidOperationException($"Trame field {section}/{field} not found.");
        var categories = options.Where(o => keep?.Invoke(o) ?? true)
            .Select(o => new Category(o.Label, Equal(column, o.Key)))
            .Concat(extra)
            .Append(new Category(NotFilled, Equal(column, null)))
            .ToList();
        return new Dimension(key, rowHeader, categories);
    }

    public static Dimension YesNo(string key, string rowHeader, Expression<Func<Situation, bool?>> column, string yes = "Oui", string no = "Non") =>
        new(key, rowHeader,
        [
            new Category(yes, Equal(column, true)),
            new Category(no, Equal(column, false)),
            new Category(NotFilled, Equal(column, null)),
        ]);

    /// <summary>situation => column(situation) == value, as an expression the database can run.</summary>
    public static Expression<Func<Situation, bool>> Equal<T>(Expression<Func<Situation, T>> column, T value) =>
        Expression.Lambda<Func<Situation, bool>>(Expression.Equal(column.Body, Expression.Constant(value, typeof(T))), column.Parameters);
}

/// <summary>
/// Counts every category of every dimension over the population in ONE query (one conditional count
/// per category: a single pass over the observatory's covering index), instead of one GROUP BY scan per
/// dimension. The aggregate row is grouped by <see cref="Situation.CountsForMinor"/>, the first column
/// of that index and true for the whole population (<see cref="ObservatoryFilter.Apply"/>): SQLite then
/// aggregates in index order, where a GROUP BY on a constant made it sort every row of the population
/// into a temporary B-tree first (about 40 % of the scan's time over 100,000 situations).
/// </summary>
public static class PopulationScan
{
    private static readonly MethodInfo CountWhere = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(Situation));

    private static readonly MethodInfo GroupByFlag = typeof(Queryable).GetMethods()
        .Single(m => m.Name == nameof(Queryable.GroupBy) && m.GetParameters().Length == 2)
        .MakeGenericMethod(typeof(Situation), typeof(bool));

    /// <summary>The counts, keyed by dimension key, in category order; every dimension present (zeros when the population is empty).</summary>
    public static async Task<IReadOnlyDictionary<string, int[]>> CountAsync(IQueryable<Situation> population, IReadOnlyList<Dimension> dimensions,
        CancellationToken cancellationToken = default)
    {
        var predicates = dimensions.SelectMany(d => d.Categories).Select(c => c.Predicate).ToList();

        // population.GroupBy(s => s.CountsForMinor).Select(g => new[] { g.Count(p0), g.Count(p1), … })
        var situation = Expression.Parameter(typeof(Situation), "s");
        var byFlag = Expression.Lambda<Func<Situation, bool>>(Expression.Property(situation, nameof(Situation.CountsForMinor)), situation);
        var grouped = population.Provider.CreateQuery<IGrouping<bool, Situation>>(
            Expression.Call(null, GroupByFlag, population.Expression, Expression.Quote(byFlag)));
        var group = Expression.Parameter(typeof(IGrouping<bool, Situation>), "g");
        var counts = Expression.NewArrayInit(typeof(int), predicates.Select(p => Expression.Call(null, CountWhere, group, p)));
        var select = Expression.Lambda<Func<IGrouping<bool, Situation>, int[]>>(counts, group);
        var rows = await grouped.Select(select).ToListAsync(cancellationToken); // at most two groups: the key is a bool
        if (rows.Count > 1)
        {
            throw new ArgumentException("The population must be one filter's (every situation counting for its minor).", nameof(population));
        }

        var row = rows.SingleOrDefault() ?? new int[predicates.Count];

        var result = new Dictionary<string, int[]>();
        var offset = 0;
        foreach (var dimension in dimensions)
        {
            result[dimension.Key] = row[offset..(offset + dimension.Categories.Count)];
            offset += dimension.Categories.Count;
        }

        return result;
    }
}
