namespace Vigie.Web.Platform.Statistics;

/// <summary>One cell of an equation: coefficient · cell(Row, Column), in extended coordinates.</summary>
internal readonly record struct EquationTerm(int Row, int Column, int Coefficient);

/// <summary>
/// The equations a reader gets from a table's margins, each written Σ coefficient · cell = 0:
/// Σ body of a row − its total (and Σ row totals − grand total), Σ body of a column − its total
/// (and Σ column totals − grand total).
/// </summary>
internal static class PublishedEquations
{
    public static IReadOnlyList<IReadOnlyList<EquationTerm>> Of(CountTable table)
    {
        var equations = new List<IReadOnlyList<EquationTerm>>();
        if (table.HasRowTotals)
        {
            // Every extended row, so the total row too when there is one: Σ column totals = grand total.
            for (var r = 0; r < table.ExtendedRows; r++)
            {
                var terms = new List<EquationTerm>();
                for (var c = 0; c < table.Columns; c++)
                {
                    terms.Add(new EquationTerm(r, c, 1));
                }

                terms.Add(new EquationTerm(r, table.Columns, -1));
                equations.Add(terms);
            }
        }

        if (table.HasColumnTotals)
        {
            for (var c = 0; c < table.ExtendedColumns; c++)
            {
                var terms = new List<EquationTerm>();
                for (var r = 0; r < table.Rows; r++)
                {
                    terms.Add(new EquationTerm(r, c, 1));
                }

                terms.Add(new EquationTerm(table.Rows, c, -1));
                equations.Add(terms);
            }
        }

        return equations;
    }
}
