namespace Vigie.Web.Platform.Statistics;

/// <summary>
/// A table of counts as the observatory shows and publishes it: a body of <see cref="Rows"/> ×
/// <see cref="Columns"/> cells and, optionally, its margins: a "Total" column (<see cref="HasRowTotals"/>,
/// the sum of each row) and a "Total" row (<see cref="HasColumnTotals"/>, the sum of each column).
/// When both are present the corner is the grand total. A one-way distribution is a table of one
/// column with a total row.
/// </summary>
/// <remarks>
/// Cells are addressed in extended coordinates: row <see cref="Rows"/> is the total row and column
/// <see cref="Columns"/> the total column, when present.
/// </remarks>
public sealed class CountTable
{
    private readonly int[,] cells;

    public CountTable(string title, string rowHeader, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels, int[,] cells,
        bool hasRowTotals, bool hasColumnTotals)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.GetLength(0) != rowLabels.Count || cells.GetLength(1) != columnLabels.Count)
        {
            throw new ArgumentException("The labels do not match the cells.", nameof(cells));
        }

        foreach (var value in cells)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(cells));
        }

        Title = title;
        RowHeader = rowHeader;
        RowLabels = rowLabels;
        ColumnLabels = columnLabels;
        this.cells = (int[,])cells.Clone();
        HasRowTotals = hasRowTotals;
        HasColumnTotals = hasColumnTotals;
    }

    /// <summary>A one-way distribution: one row per category, one column of counts, a total row.</summary>
    public static CountTable Distribution(string title, string rowHeader, string columnLabel, IReadOnlyList<(string Label, int Count)> rows)
    {
        var cells = new int[rows.Count, 1];
        for (var r = 0; r < rows.Count; r++)
        {
            cells[r, 0] = rows[r].Count;
        }

        return new CountTable(title, rowHeader, rows.Select(r => r.Label).ToList(), [columnLabel], cells, hasRowTotals: false, hasColumnTotals: true);
    }

    public string Title { get; }

    /// <summary>The header of the labels' column (e.g. "Sexe").</summary>
    public string RowHeader { get; }

    public IReadOnlyList<string> RowLabels { get; }

    public IReadOnlyList<string> ColumnLabels { get; }

    public int Rows => cells.GetLength(0);

    public int Columns => cells.GetLength(1);

    public bool HasRowTotals { get; }

    public bool HasColumnTotals { get; }

    /// <summary>Rows in extended coordinates (with the total row when present).</summary>
    public int ExtendedRows => Rows + (HasColumnTotals ? 1 : 0);

    /// <summary>Columns in extended coordinates (with the total column when present).</summary>
    public int ExtendedColumns => Columns + (HasRowTotals ? 1 : 0);

    public bool IsTotalRow(int row) => HasColumnTotals && row == Rows;

    public bool IsTotalColumn(int column) => HasRowTotals && column == Columns;

    /// <summary>A body cell, a margin or the grand total, in extended coordinates.</summary>
    public int Value(int row, int column)
    {
        var totalRow = row == Rows;
        var totalColumn = column == Columns;
        if (row < 0 || column < 0 || row > Rows || column > Columns || (totalRow && !HasColumnTotals) || (totalColumn && !HasRowTotals))
        {
            throw new ArgumentOutOfRangeException(nameof(row), $"No cell ({row}, {column}) in this table.");
        }

        var sum = 0;
        for (var r = totalRow ? 0 : row; r <= (totalRow ? Rows - 1 : row); r++)
        {
            for (var c = totalColumn ? 0 : column; c <= (totalColumn ? Columns - 1 : column); c++)
            {
                sum += cells[r, c];
            }
        }

        return sum;
    }

    /// <summary>The sum of every body cell (whether or not the table shows it).</summary>
    public int Total
    {
        get
        {
            var sum = 0;
            foreach (var value in cells)
            {
                sum += value;
            }

            return sum;
        }
    }
}
