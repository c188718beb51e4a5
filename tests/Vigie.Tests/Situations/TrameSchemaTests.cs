using Vigie.Web.Features.Lexique;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Tests.Situations;

public sealed class TrameSchemaTests
{
    [Fact]
    public void Keys_are_unique_and_every_lexique_term_exists()
    {
        var cells = TrameSchema.Sections.SelectMany(s => s.Cells).Select(c => c.Key).ToList();
        Assert.Equal(cells.Count, cells.Distinct().Count());
        Assert.Equal(TrameSchema.Sections.Count, TrameSchema.Sections.Select(s => s.Key).Distinct().Count());
        var unknown = TrameSchema.Sections.SelectMany(s => s.Fields).SelectMany(f => f.Terms).Where(t => StartingTerms.Find(t) is null).ToList();
        Assert.Empty(unknown);
        Assert.Equal(StartingTerms.All.Count, StartingTerms.All.Select(t => t.Key).Distinct().Count());
    }

    [Fact]
    public void Every_free_text_and_identifying_field_is_secret_and_choices_are_not()
    {
        var cells = TrameSchema.Sections.SelectMany(s => s.Cells).ToList();
        Assert.All(cells.Where(c => c.IsText), c => Assert.True(c.Secret, c.Key));
        Assert.All(cells.Where(c => !c.IsText), c => Assert.False(c.Secret, c.Key));
        foreach (var key in new[] { "parole", "alias", "nationalite", "auteur1_telephone", "auteur1_courriel", "titulaire1_adresse", "faits" })
        {
            Assert.True(cells.Single(c => c.Key == key).Secret, key);
        }
    }

    [Fact]
    public void Every_indicator_of_the_domain_has_the_four_levels()
    {
        var indicators = TrameSchema.Find(TrameSchema.Indicateurs)!.Fields.Where(f => f.Kind == FieldKind.Indicator).ToList();
        Assert.Equal(33, indicators.Count);
        Assert.All(indicators, i => Assert.Equal(["non_observe", "suspecte", "avere", "inconnu"], i.Options.Select(o => o.Key)));
        Assert.Equal(["Fugues", "Argent et biens", "Numérique", "Lieux", "Relations", "Santé", "Comportement", "Scolarité"],
            indicators.Select(i => i.Group).Distinct());
    }

    [Theory]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(4, 5, false)]
    [InlineData(null, 3, null)]
    public void Poly_runaway_is_derived_from_the_count_and_the_threshold(int? count, int threshold, bool? expected) =>
        Assert.Equal(expected, EvaluationStatistics.IsPolyRunaway(count, threshold));

    [Theory]
    [InlineData("2024-03-15", true)]
    [InlineData("15/03/2024", true)]
    [InlineData("31/02/2024", false)]
    [InlineData("1850-01-01", false)]
    [InlineData("demain", false)]
    public void Dates_are_read_as_the_date_input_sends_them_or_as_typed(string raw, bool valid) =>
        Assert.Equal(valid, TrameValidator.TryParseDate(raw, out _));
}
