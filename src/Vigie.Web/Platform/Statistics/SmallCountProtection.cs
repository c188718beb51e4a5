namespace Vigie.Web.Platform.Statistics;

/// <summary>
/// Small-count protection of a published table: primary suppression of every count from 1 to
/// threshold − 1 (margins included), then secondary suppression of enough other cells that no hidden
/// cell can be recomputed from the published row and column totals. See docs/observatoire-protection.md.
/// </summary>
/// <remarks>
/// A reader knows that a "&lt; t" cell lies in [1, t − 1] and an "s" cell in [t, +∞) (zeros are
/// published and only positive cells are hidden). Secondary cells are added one at a time until
/// (a) no hidden cell is a linear combination of the published equations and (b) no equation forces
/// its hidden cells to a bound of their ranges.
/// </remarks>
public static class SmallCountProtection
{
    /// <summary>Below 3 a primary cell's range [1, t − 1] is a single value: nothing could hide it.</summary>
    public const int MinimumThreshold = 3;

    public static ProtectedTable Protect(CountTable table, int threshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, MinimumThreshold);

        var rows = table.ExtendedRows;
        var columns = table.ExtendedColumns;
        var values = new int[rows, columns];
        var marks = new CellMark[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = table.Value(r, c);
                if (values[r, c] > 0 && values[r, c] < threshold)
                {
                    marks[r, c] = CellMark.Small;
                }
            }
        }

        var equations = PublishedEquations.Of(table);
        while (true)
        {
            var exposed = ExposedEquations(equations, values, marks, threshold);
            if (exposed.Count == 0)
            {
                break;
            }

            var next = Cheapest(table, values, marks, exposed.SelectMany(e => equations[e]).Select(t => (t.Row, t.Column)))
                ?? Cheapest(table, values, marks, AllCells(rows, columns));

            // Nothing shown is positive any more: every positive cell is hidden. Then (a) holds: the shown
            // cells are all zero, so the true counts are a strictly positive circulation on the graph of
            // Determined(), which decomposes into cycles, so every edge lies on a cycle and none is a bridge.
            // (b) may still fail (1 + 1 = 2 at threshold 3): nothing is left to hide.
            if (next is not { } cell)
            {
                break;
            }

            marks[cell.Row, cell.Column] = CellMark.Masked;
        }

        return new ProtectedTable(table, threshold, marks);
    }

    /// <summary>
    /// The equations to hide one more cell from: those holding a hidden cell the equations determine,
    /// and those whose bounds pin their hidden cells. Empty when the table is protected.
    /// </summary>
    private static SortedSet<int> ExposedEquations(IReadOnlyList<IReadOnlyList<EquationTerm>> equations, int[,] values, CellMark[,] marks, int threshold)
    {
        var exposed = new SortedSet<int>();
        foreach (var (_, containing) in Determined(equations, marks))
        {
            exposed.UnionWith(containing);
        }

        for (var e = 0; e < equations.Count; e++)
        {
            if (IsPinned(equations[e], values, marks, threshold))
            {
                exposed.Add(e);
            }
        }

        return exposed;
    }

    /// <summary>
    /// The hidden cells that are linearly determined by the published equations, each with the equations
    /// it appears in. Each unknown is in at most two equations, so it is an edge between them (or between
    /// its one equation and a shared free node F); an unknown is determined iff its edge is a bridge.
    /// </summary>
    /// <remarks>
    /// Exact because the system is balanced: negating the body-column equations and the total-row equation
    /// gives every unknown one +1 and one −1, a directed graph's incidence matrix, whose row space is the cut
    /// space; a unit vector e_k is a cut iff edge k is a bridge. F's row (minus the sum of the others) adds
    /// nothing to that space.
    /// </remarks>
    private static List<((int Row, int Column) Cell, List<int> Equations)> Determined(IReadOnlyList<IReadOnlyList<EquationTerm>> equations, CellMark[,] marks)
    {
        var membership = new Dictionary<(int, int), List<int>>();
        for (var e = 0; e < equations.Count; e++)
        {
            foreach (var term in equations[e])
            {
                if (marks[term.Row, term.Column] != CellMark.Shown)
                {
                    var key = (term.Row, term.Column);
                    if (!membership.TryGetValue(key, out var list))
                    {
                        membership[key] = list = [];
                    }

                    list.Add(e);
                }
            }
        }

        var free = equations.Count;
        var edges = membership
            .OrderBy(m => m.Key.Item1).ThenBy(m => m.Key.Item2)
            .Select(m => (Cell: m.Key, Equations: m.Value, From: m.Value[0], To: m.Value.Count > 1 ? m.Value[1] : free))
            .ToList();
        var bridges = Bridges(equations.Count + 1, edges.Select(e => (e.From, e.To)).ToList());
        return edges.Where((_, i) => bridges[i]).Select(e => (e.Cell, e.Equations)).ToList();
    }

    /// <summary>Tarjan's bridge search on a multigraph (parallel edges form a cycle, so edges are told apart by index).</summary>
    private static bool[] Bridges(int nodeCount, List<(int From, int To)> edges)
    {
        var adjacency = new List<(int Node, int Edge)>[nodeCount];
        for (var n = 0; n < nodeCount; n++)
        {
            adjacency[n] = [];
        }

        for (var i = 0; i < edges.Count; i++)
        {
            adjacency[edges[i].From].Add((edges[i].To, i));
            adjacency[edges[i].To].Add((edges[i].From, i));
        }

        var discovered = Enumerable.Repeat(-1, nodeCount).ToArray();
        var low = new int[nodeCount];
        var bridge = new bool[edges.Count];
        var time = 0;

        // Recursion depth is at most the number of equations (a few dozen).
        void Visit(int node, int parentEdge)
        {
            discovered[node] = low[node] = time++;
            foreach (var (next, edge) in adjacency[node])
            {
                if (edge == parentEdge)
                {
                    continue;
                }

                if (discovered[next] < 0)
                {
                    Visit(next, edge);
                    low[node] = Math.Min(low[node], low[next]);
                    if (low[next] > discovered[node])
                    {
                        bridge[edge] = true;
                    }
                }
                else
                {
                    low[node] = Math.Min(low[node], discovered[next]);
                }
            }
        }

        for (var n = 0; n < nodeCount; n++)
        {
            if (discovered[n] < 0)
            {
                Visit(n, -1);
            }
        }

        return bridge;
    }

    /// <summary>
    /// Whether the equation Σ a·x = b over its hidden cells (b from the shown ones) leaves b on the edge of,
    /// or outside, the open range of Σ a·x when Small ∈ [1, t − 1] and Masked ∈ [t, +∞).
    /// </summary>
    private static bool IsPinned(IReadOnlyList<EquationTerm> equation, int[,] values, CellMark[,] marks, int threshold)
    {
        long b = 0, min = 0, max = 0;
        bool minInfinite = false, maxInfinite = false, anyHidden = false;
        foreach (var term in equation)
        {
            var mark = marks[term.Row, term.Column];
            if (mark == CellMark.Shown)
            {
                b -= (long)term.Coefficient * values[term.Row, term.Column];
                continue;
            }

            anyHidden = true;
            long lower = mark == CellMark.Small ? 1 : threshold;
            long? upper = mark == CellMark.Small ? threshold - 1 : null;
            if (term.Coefficient > 0)
            {
                min += lower;
                if (upper is { } u)
                {
                    max += u;
                }
                else
                {
                    maxInfinite = true;
                }
            }
            else
            {
                max -= lower;
                if (upper is { } u)
                {
                    min -= u;
                }
                else
                {
                    minInfinite = true;
                }
            }
        }

        return anyHidden && !((minInfinite || min < b) && (maxInfinite || b < max));
    }

    /// <summary>The shown positive cell to hide first: smallest value, then body before margins, then row-major.</summary>
    private static (int Row, int Column)? Cheapest(CountTable table, int[,] values, CellMark[,] marks, IEnumerable<(int Row, int Column)> cells) =>
        cells
            .Where(c => marks[c.Row, c.Column] == CellMark.Shown && values[c.Row, c.Column] > 0)
            .OrderBy(c => values[c.Row, c.Column])
            .ThenBy(c => table.IsTotalRow(c.Row) || table.IsTotalColumn(c.Column) ? 1 : 0)
            .ThenBy(c => c.Row)
            .ThenBy(c => c.Column)
            .Select(c => ((int, int)?)c)
            .FirstOrDefault();

    private static IEnumerable<(int Row, int Column)> AllCells(int rows, int columns)
    {
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                yield return (r, c);
            }
        }
    }
}
