using System.Globalization;
using System.Numerics;
using System.Text;
using CsCheck;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Tests.Platform;

public sealed class SmallCountProtectionTests
{
    private const long Iterations = 1000;

    // ---- Worked examples (expected marks worked out by hand from the rules).

    [Fact]
    public void Presentation_figures_49_girls_8_boys_are_published_whole_at_threshold_5()
    {
        var table = CountTable.Distribution("Sexe", "Sexe", "Situations", [("Filles", 49), ("Garçons", 8)]);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.False(result.AnyHidden);
        Assert.Equal(["49", "8", "57"], DisplayColumn(result, 0));
    }

    [Fact]
    public void A_small_count_beside_one_other_count_hides_that_count_and_keeps_the_total()
    {
        var table = CountTable.Distribution("Sexe", "Sexe", "Situations", [("Filles", 53), ("Garçons", 4)]);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal([CellMark.Masked, CellMark.Small, CellMark.Shown], MarkColumn(result, 0));
        Assert.Equal(["s", "< 5", "57"], DisplayColumn(result, 0));
    }

    [Fact]
    public void One_small_cell_of_a_two_by_two_table_hides_a_rectangle_of_four_cells_and_keeps_the_margins()
    {
        var table = Table(new[,] { { 3, 10 }, { 12, 8 } }, rowTotals: true, columnTotals: true);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal(["< 5", "s", "13"], DisplayRow(result, 0));
        Assert.Equal(["s", "s", "20"], DisplayRow(result, 1));
        Assert.Equal(["15", "18", "33"], DisplayRow(result, 2));
    }

    [Fact]
    public void Two_small_counts_adding_up_to_their_largest_possible_sum_get_a_third_hidden_cell()
    {
        // 4 + 4 = 18 − 10 with both at most 4: the only solution. Hiding 10 opens it.
        var table = CountTable.Distribution("Âge", "Âge", "Situations", [("13 ans", 4), ("14 ans", 4), ("15 ans", 10)]);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal(["< 5", "< 5", "s", "18"], DisplayColumn(result, 0));
    }

    [Fact]
    public void A_small_and_a_masked_count_adding_up_to_threshold_plus_one_get_a_third_hidden_cell()
    {
        // 1 + 5 = 6 with the first at least 1 and the second at least 5: the only solution.
        var table = CountTable.Distribution("Âge", "Âge", "Situations", [("13 ans", 1), ("14 ans", 5), ("15 ans", 20)]);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal([CellMark.Small, CellMark.Masked, CellMark.Masked, CellMark.Shown], MarkColumn(result, 0));
        Assert.Equal(["< 5", "s", "s", "26"], DisplayColumn(result, 0));
    }

    [Fact]
    public void A_table_whose_grand_total_is_under_the_threshold_hides_every_positive_cell_and_shows_its_zero()
    {
        var table = Table(new[,] { { 1, 2 }, { 0, 1 } }, rowTotals: true, columnTotals: true);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal(["< 5", "< 5", "< 5"], DisplayRow(result, 0));
        Assert.Equal(["0", "< 5", "< 5"], DisplayRow(result, 1));
        Assert.Equal(["< 5", "< 5", "< 5"], DisplayRow(result, 2));
        Assert.DoesNotContain(CellMark.Masked, AllMarks(result));
    }

    [Fact]
    public void When_only_small_counts_are_left_nothing_more_can_be_hidden_even_if_their_bounds_pin_them()
    {
        // The documented limit: 1 + 1 = 2 at threshold 3 pins both cells, but every positive cell is already hidden.
        var table = CountTable.Distribution("Sexe", "Sexe", "Situations", [("Filles", 1), ("Garçons", 1)]);

        var result = SmallCountProtection.Protect(table, 3);

        Assert.Equal(["< 3", "< 3", "< 3"], DisplayColumn(result, 0));
    }

    [Fact]
    public void An_all_zero_table_is_published_whole()
    {
        var table = Table(new int[2, 3], rowTotals: true, columnTotals: true);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.False(result.AnyHidden);
        Assert.All(AllDisplays(result), d => Assert.Equal("0", d));
    }

    [Fact]
    public void Without_margins_only_the_small_counts_are_hidden()
    {
        var table = Table(new[,] { { 2, 10 }, { 7, 0 } }, rowTotals: false, columnTotals: false);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal(["< 5", "10"], DisplayRow(result, 0));
        Assert.Equal(["7", "0"], DisplayRow(result, 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_threshold_below_3_is_refused(int threshold)
    {
        var table = CountTable.Distribution("Sexe", "Sexe", "Situations", [("Filles", 49), ("Garçons", 8)]);

        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCountProtection.Protect(table, threshold));
    }

    [Fact]
    public void A_threshold_of_3_is_accepted()
    {
        var table = CountTable.Distribution("Sexe", "Sexe", "Situations", [("Filles", 49), ("Garçons", 2)]);

        var result = SmallCountProtection.Protect(table, 3);

        Assert.Equal(3, result.Threshold);
        Assert.Equal(["s", "< 3", "51"], DisplayColumn(result, 0));
    }

    [Fact]
    public void Exact_hides_nothing_not_even_small_counts()
    {
        var table = Table(new[,] { { 1, 2 }, { 0, 40 } }, rowTotals: true, columnTotals: true);

        var result = ProtectedTable.Exact(table);

        Assert.False(result.IsProtected);
        Assert.Equal(0, result.Threshold);
        Assert.False(result.AnyHidden);
        Assert.Equal(["1", "2", "3"], DisplayRow(result, 0));
        Assert.Equal(["0", "40", "40"], DisplayRow(result, 1));
        Assert.Equal(["1", "42", "43"], DisplayRow(result, 2));
    }

    [Fact]
    public void Display_shows_small_as_below_threshold_masked_as_s_and_thousands_with_a_narrow_no_break_space()
    {
        var table = CountTable.Distribution("Âge", "Âge", "Situations", [("13 ans", 1234), ("14 ans", 4), ("15 ans", 10)]);

        var result = SmallCountProtection.Protect(table, 5);

        Assert.Equal(["1\u202F234", "< 5", "s", "1\u202F248"], DisplayColumn(result, 0));
        Assert.Equal(1234, result.Value(0, 0));
        Assert.Null(result.Value(1, 0));
        Assert.Null(result.Value(2, 0));
    }

    // ---- Properties over random tables.

    /// <summary>Counts skewed toward small numbers, where suppression happens.</summary>
    private static readonly Gen<int> Count = Gen.Frequency<int>((6, Gen.Int[0, 6]), (3, Gen.Int[7, 20]), (1, Gen.Int[21, 60]));

    private static readonly Gen<TableCase> Cases =
        from rows in Gen.Int[1, 6]
        from columns in Gen.Int[1, 5]
        from values in Count.Array[rows * columns]
        from rowTotals in Gen.Bool
        from columnTotals in Gen.Bool
        from threshold in Gen.Int[3, 10]
        select new TableCase(Table(Grid(values, rows, columns), rowTotals, columnTotals), threshold);

    /// <summary>One column with a total row, or one row with a total column.</summary>
    private static readonly Gen<TableCase> OneWayCases =
        from vertical in Gen.Bool
        from count in Gen.Int[1, 6]
        from values in Count.Array[count]
        from threshold in Gen.Int[3, 10]
        select vertical
            ? new TableCase(Table(Grid(values, count, 1), rowTotals: false, columnTotals: true), threshold)
            : new TableCase(Table(Grid(values, 1, count), rowTotals: true, columnTotals: false), threshold);

    [Fact]
    public void Property_every_small_count_is_primary_every_masked_count_reaches_the_threshold_and_no_zero_is_hidden() =>
        Cases.Sample(c =>
        {
            var result = SmallCountProtection.Protect(c.Table, c.Threshold);
            foreach (var (r, col) in ExtendedCells(c.Table))
            {
                var value = c.Table.Value(r, col);
                var mark = result.Mark(r, col);
                Assert.Equal(value > 0 && value < c.Threshold, mark == CellMark.Small);
                if (mark == CellMark.Masked)
                {
                    Assert.True(value >= c.Threshold);
                }

                if (mark != CellMark.Shown)
                {
                    Assert.True(value > 0);
                }
            }
        }, iter: Iterations, print: Describe);

    [Fact]
    public void Property_no_hidden_cell_is_a_linear_combination_of_the_published_equations() =>
        Cases.Sample(c =>
        {
            var result = SmallCountProtection.Protect(c.Table, c.Threshold);
            var hidden = ExtendedCells(c.Table).Where(x => result.IsHidden(x.Row, x.Column)).ToList();
            var matrix = Equations(c.Table)
                .Select(e => hidden.Select(h => Rational.Of(e.GetValueOrDefault(h))).ToArray())
                .ToList();
            var rank = Rank(matrix);
            for (var k = 0; k < hidden.Count; k++)
            {
                var unit = hidden.Select((_, j) => Rational.Of(j == k ? 1 : 0)).ToArray();
                Assert.True(Rank([.. matrix, unit]) > rank, $"Cell {hidden[k]} can be recomputed from the published equations.");
            }
        }, iter: Iterations, print: Describe);

    [Fact]
    public void Property_no_equation_pins_its_hidden_cells_by_their_bounds_unless_every_positive_cell_is_hidden() =>
        Cases.Sample(c =>
        {
            var result = SmallCountProtection.Protect(c.Table, c.Threshold);
            if (EveryPositiveCellIsHidden(c.Table, result))
            {
                return;
            }

            foreach (var equation in Equations(c.Table))
            {
                Assert.False(PinsItsHiddenCells(equation, c.Table, result), $"An equation pins its hidden cells: {string.Join(" ", equation)}");
            }
        }, iter: Iterations, print: Describe);

    [Fact]
    public void Property_every_hidden_cell_of_a_one_way_table_has_at_least_two_possible_values() =>
        OneWayCases.Sample(c =>
        {
            var result = SmallCountProtection.Protect(c.Table, c.Threshold);
            var equation = Assert.Single(Equations(c.Table));
            var totalCell = c.Table.HasRowTotals ? (Row: 0, Column: c.Table.Columns) : (Row: c.Table.Rows, Column: 0);
            var total = c.Table.Value(totalCell.Row, totalCell.Column);

            // A published total bounds every cell. A hidden one is not known to the reader: capping there
            // would give the enumeration knowledge the reader lacks, one more leaves it room.
            var cap = result.IsHidden(totalCell.Row, totalCell.Column) ? total + 1 : total;
            var unknowns = new List<(int Coefficient, int Lower, int Upper)>();
            var target = 0;
            foreach (var (cell, coefficient) in equation)
            {
                switch (result.Mark(cell.Row, cell.Column))
                {
                    case CellMark.Shown: target -= coefficient * c.Table.Value(cell.Row, cell.Column); break;
                    case CellMark.Small: unknowns.Add((coefficient, 1, c.Threshold - 1)); break;
                    default: unknowns.Add((coefficient, c.Threshold, cap)); break;
                }
            }

            // The one accepted exception is the documented limit: nothing positive is left to hide.
            var values = PossibleValues(unknowns, target);
            Assert.True(values.All(v => v.Count >= 2) || EveryPositiveCellIsHidden(c.Table, result), "A hidden cell has only one possible value.");
        }, iter: Iterations, print: Describe);

    [Fact]
    public void Property_protection_is_deterministic_and_shown_cells_keep_their_value() =>
        Cases.Sample(c =>
        {
            var first = SmallCountProtection.Protect(c.Table, c.Threshold);
            var copy = Table(Body(c.Table), c.Table.HasRowTotals, c.Table.HasColumnTotals);
            var second = SmallCountProtection.Protect(copy, c.Threshold);
            foreach (var (r, col) in ExtendedCells(c.Table))
            {
                Assert.Equal(first.Mark(r, col), second.Mark(r, col));
                if (first.Mark(r, col) == CellMark.Shown)
                {
                    var value = c.Table.Value(r, col);
                    Assert.Equal(value, first.Value(r, col));
                    var digits = first.Display(r, col).Replace("\u202F", "", StringComparison.Ordinal);
                    Assert.Equal(value, int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture));
                }
            }
        }, iter: Iterations, print: Describe);

    // ---- Independent checks (not the code under test's method).

    /// <summary>The published equations of rule 2, each as Σ coefficient · cell = 0 in extended coordinates.</summary>
    private static List<Dictionary<(int Row, int Column), int>> Equations(CountTable t)
    {
        var equations = new List<Dictionary<(int Row, int Column), int>>();
        var (rows, columns) = (t.Rows, t.Columns);
        if (t.HasRowTotals)
        {
            for (var r = 0; r < rows; r++)
            {
                var e = Enumerable.Range(0, columns).ToDictionary(c => (r, c), _ => 1);
                e[(r, columns)] = -1;
                equations.Add(e);
            }
        }

        if (t.HasColumnTotals)
        {
            for (var c = 0; c < columns; c++)
            {
                var e = Enumerable.Range(0, rows).ToDictionary(r => (r, c), _ => 1);
                e[(rows, c)] = -1;
                equations.Add(e);
            }
        }

        if (t.HasRowTotals && t.HasColumnTotals)
        {
            var rowTotals = Enumerable.Range(0, rows).ToDictionary(r => (r, columns), _ => 1);
            rowTotals[(rows, columns)] = -1;
            equations.Add(rowTotals);
            var columnTotals = Enumerable.Range(0, columns).ToDictionary(c => (rows, c), _ => 1);
            columnTotals[(rows, columns)] = -1;
            equations.Add(columnTotals);
        }

        return equations;
    }

    /// <summary>
    /// Whether Σ a·x = b over the equation's hidden cells leaves b outside the open range of Σ a·x, a reader
    /// knowing Small ∈ [1, t − 1] and Masked ∈ [t, +∞). Doubles are exact at these magnitudes.
    /// </summary>
    private static bool PinsItsHiddenCells(Dictionary<(int Row, int Column), int> equation, CountTable table, ProtectedTable result)
    {
        double b = 0, low = 0, high = 0;
        var anyHidden = false;
        foreach (var (cell, a) in equation)
        {
            var mark = result.Mark(cell.Row, cell.Column);
            if (mark == CellMark.Shown)
            {
                b -= a * table.Value(cell.Row, cell.Column);
                continue;
            }

            anyHidden = true;
            var (lower, upper) = mark == CellMark.Small ? (1.0, result.Threshold - 1.0) : ((double)result.Threshold, double.PositiveInfinity);
            low += a > 0 ? lower : -upper;
            high += a > 0 ? upper : -lower;
        }

        return anyHidden && !(low < b && b < high);
    }

    /// <summary>
    /// Enumerates every integer assignment of the unknowns within their bounds with Σ a·x = target and
    /// returns, for each unknown, the values it takes (stopping once each has two).
    /// </summary>
    private static List<HashSet<int>> PossibleValues(List<(int Coefficient, int Lower, int Upper)> unknowns, int target)
    {
        var seen = unknowns.Select(_ => new HashSet<int>()).ToList();
        var current = new int[unknowns.Count];

        // Range of the sum of the unknowns from index i on, to skip branches with no assignment at all.
        var restLow = new long[unknowns.Count + 1];
        var restHigh = new long[unknowns.Count + 1];
        for (var i = unknowns.Count - 1; i >= 0; i--)
        {
            var (a, lower, upper) = unknowns[i];
            restLow[i] = restLow[i + 1] + (a > 0 ? lower : -upper);
            restHigh[i] = restHigh[i + 1] + (a > 0 ? upper : -lower);
        }

        bool Done() => seen.All(s => s.Count >= 2);

        void Enumerate(int i, long sum)
        {
            if (i == unknowns.Count)
            {
                if (sum == target)
                {
                    for (var k = 0; k < current.Length; k++)
                    {
                        seen[k].Add(current[k]);
                    }
                }

                return;
            }

            if (target - sum < restLow[i] || target - sum > restHigh[i])
            {
                return;
            }

            var (a, lower, upper) = unknowns[i];
            for (var v = lower; v <= upper && !Done(); v++)
            {
                current[i] = v;
                Enumerate(i + 1, sum + (a * v));
            }
        }

        Enumerate(0, 0);
        return seen;
    }

    private static int Rank(List<Rational[]> matrix)
    {
        var m = matrix.Select(row => (Rational[])row.Clone()).ToList();
        var columns = m.Count == 0 ? 0 : m[0].Length;
        var rank = 0;
        for (var col = 0; col < columns && rank < m.Count; col++)
        {
            var pivot = m.FindIndex(rank, row => !row[col].IsZero);
            if (pivot < 0)
            {
                continue;
            }

            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var i = rank + 1; i < m.Count; i++)
            {
                if (m[i][col].IsZero)
                {
                    continue;
                }

                var factor = Rational.Divide(m[i][col], m[rank][col]);
                for (var j = col; j < columns; j++)
                {
                    m[i][j] = Rational.Subtract(m[i][j], Rational.Multiply(factor, m[rank][j]));
                }
            }

            rank++;
        }

        return rank;
    }

    /// <summary>An exact fraction, always reduced with a positive denominator.</summary>
    private readonly record struct Rational(BigInteger Numerator, BigInteger Denominator)
    {
        public bool IsZero => Numerator.IsZero;

        public static Rational Of(BigInteger value) => new(value, BigInteger.One);

        public static Rational Subtract(Rational x, Rational y) =>
            Reduced((x.Numerator * y.Denominator) - (y.Numerator * x.Denominator), x.Denominator * y.Denominator);

        public static Rational Multiply(Rational x, Rational y) => Reduced(x.Numerator * y.Numerator, x.Denominator * y.Denominator);

        public static Rational Divide(Rational x, Rational y) => Reduced(x.Numerator * y.Denominator, x.Denominator * y.Numerator);

        private static Rational Reduced(BigInteger numerator, BigInteger denominator)
        {
            if (denominator.Sign < 0)
            {
                (numerator, denominator) = (-numerator, -denominator);
            }

            var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            return new Rational(numerator / gcd, denominator / gcd);
        }
    }

    // ---- Helpers.

    public sealed record TableCase(CountTable Table, int Threshold);

    private static CountTable Table(int[,] cells, bool rowTotals, bool columnTotals) =>
        new("Test", "Ligne",
            Enumerable.Range(1, cells.GetLength(0)).Select(i => $"L{i}").ToList(),
            Enumerable.Range(1, cells.GetLength(1)).Select(i => $"C{i}").ToList(),
            cells, rowTotals, columnTotals);

    private static int[,] Grid(int[] values, int rows, int columns)
    {
        var grid = new int[rows, columns];
        for (var i = 0; i < values.Length; i++)
        {
            grid[i / columns, i % columns] = values[i];
        }

        return grid;
    }

    private static int[,] Body(CountTable table)
    {
        var body = new int[table.Rows, table.Columns];
        for (var r = 0; r < table.Rows; r++)
        {
            for (var c = 0; c < table.Columns; c++)
            {
                body[r, c] = table.Value(r, c);
            }
        }

        return body;
    }

    private static IEnumerable<(int Row, int Column)> ExtendedCells(CountTable table) =>
        from r in Enumerable.Range(0, table.ExtendedRows)
        from c in Enumerable.Range(0, table.ExtendedColumns)
        select (r, c);

    private static bool EveryPositiveCellIsHidden(CountTable table, ProtectedTable result) =>
        ExtendedCells(table).All(x => table.Value(x.Row, x.Column) == 0 || result.IsHidden(x.Row, x.Column));

    private static List<CellMark> AllMarks(ProtectedTable result) =>
        ExtendedCells(result.Table).Select(x => result.Mark(x.Row, x.Column)).ToList();

    private static List<string> AllDisplays(ProtectedTable result) =>
        ExtendedCells(result.Table).Select(x => result.Display(x.Row, x.Column)).ToList();

    private static List<string> DisplayRow(ProtectedTable result, int row) =>
        Enumerable.Range(0, result.Table.ExtendedColumns).Select(c => result.Display(row, c)).ToList();

    private static List<string> DisplayColumn(ProtectedTable result, int column) =>
        Enumerable.Range(0, result.Table.ExtendedRows).Select(r => result.Display(r, column)).ToList();

    private static List<CellMark> MarkColumn(ProtectedTable result, int column) =>
        Enumerable.Range(0, result.Table.ExtendedRows).Select(r => result.Mark(r, column)).ToList();

    /// <summary>The failing case as a grid, with what protection made of it.</summary>
    private static string Describe(TableCase c)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"threshold {c.Threshold}, row totals {c.Table.HasRowTotals}, column totals {c.Table.HasColumnTotals}\n");
        var result = SmallCountProtection.Protect(c.Table, c.Threshold);
        for (var r = 0; r < c.Table.ExtendedRows; r++)
        {
            for (var col = 0; col < c.Table.ExtendedColumns; col++)
            {
                var mark = result.Mark(r, col) switch { CellMark.Small => "*", CellMark.Masked => "s", _ => "" };
                text.Append(CultureInfo.InvariantCulture, $"{c.Table.Value(r, col),5}{mark,-2}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
