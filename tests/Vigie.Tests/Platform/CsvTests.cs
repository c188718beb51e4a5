using Vigie.Web.Platform.Export;

namespace Vigie.Tests.Platform;

public sealed class CsvTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6 00 00 00 00", "'+33 6 00 00 00 00")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Lyon; 3e", "\"Lyon; 3e\"")]
    [InlineData("dit \"non\"", "\"dit \"\"non\"\"\"")]
    [InlineData("a;\"b\"", "\"a;\"\"b\"\"\"")]
    [InlineData("simple", "simple")]
    [InlineData(null, "")]
    public void Cells_are_quoted_and_formulas_neutralised(string? value, string expected) =>
        Assert.Equal(expected, Csv.Cell(value));
}
