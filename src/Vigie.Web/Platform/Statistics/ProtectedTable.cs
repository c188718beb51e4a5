using System.Globalization;

namespace Vigie.Web.Platform.Statistics;

/// <summary>How a cell of a published table is shown.</summary>
public enum CellMark
{
    Shown,

    /// <summary>Primary suppression: a count from 1 to threshold − 1, shown as "&lt; 5".</summary>
    Small,

    /// <summary>Secondary suppression: hidden so that no small count can be recomputed from the totals, shown as "s".</summary>
    Masked,
}

/// <summary>
/// A <see cref="CountTable"/> as one reader sees it: every cell shown (<see cref="Exact"/>, for
/// Coordination on screen), or with small-count protection applied
/// (<see cref="SmallCountProtection.Protect"/>, for everything that leaves Vigie).
/// </summary>
public sealed class ProtectedTable
{
    private readonly CellMark[,] marks;

    internal ProtectedTable(CountTable table, int threshold, CellMark[,] marks)
    {
        Table = table;
        Threshold = threshold;
        this.marks = marks;
    }

    /// <summary>The table with nothing hidden.</summary>
    public static ProtectedTable Exact(CountTable table) =>
        new(table, 0, new CellMark[table.ExtendedRows, table.ExtendedColumns]);

    /// <summary>
    /// A view with given marks, for callers that computed them elsewhere and for tests.
    /// <paramref name="marks"/> is in extended coordinates (margins included) and is copied.
    /// </summary>
    public static ProtectedTable WithMarks(CountTable table, int threshold, CellMark[,] marks)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        if (marks.GetLength(0) != table.ExtendedRows || marks.GetLength(1) != table.ExtendedColumns)
        {
            throw new ArgumentException("The marks do not match the table's extended size.", nameof(marks));
        }

        var copy = (CellMark[,])marks.Clone();
        foreach (var mark in copy)
        {
            if (mark != CellMark.Shown && threshold == 0)
            {
                throw new ArgumentException("A hidden cell needs a threshold above 0.", nameof(threshold));
            }
        }

        return new ProtectedTable(table, threshold, copy);
    }

    public CountTable Table { get; }

    /// <summary>The threshold applied (0: nothing hidden).</summary>
    public int Threshold { get; }

    public bool IsProtected => Threshold > 0;

    public CellMark Mark(int row, int column) => marks[row, column];

    public bool IsHidden(int row, int column) => marks[row, column] != CellMark.Shown;

    public bool AnyHidden
    {
        get
        {
            foreach (var mark in marks)
            {
                if (mark != CellMark.Shown)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The count, or null when hidden.</summary>
    public int? Value(int row, int column) => IsHidden(row, column) ? null : Table.Value(row, column);

    /// <summary>What a reader sees in the cell: "12", "&lt; 5" or "s".</summary>
    public string Display(int row, int column) => marks[row, column] switch
    {
        CellMark.Small => "< " + Threshold.ToString(CultureInfo.InvariantCulture),
        CellMark.Masked => "s",
        _ => Table.Value(row, column).ToString("N0", CultureInfo.GetCultureInfo("fr-FR")),
    };
}
