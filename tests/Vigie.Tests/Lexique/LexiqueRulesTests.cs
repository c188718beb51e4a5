using Vigie.Web.Features.Lexique;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Lexique;

public sealed class LexiqueRulesTests
{
    [Theory]
    [InlineData("Proxénétisme", "proxenetisme")]
    [InlineData("  PROXÉNÉTISME !  ", "proxenetisme")]
    [InlineData("Mise à l'abri", "mise a l abri")]
    [InlineData("Plans / « bons plans »", "plans bons plans")]
    [InlineData("Œuvre", "oeuvre")]
    [InlineData("", "")]
    public void Folding_drops_accents_case_punctuation_and_spells_out_ligatures(string text, string folded) =>
        Assert.Equal(folded, SearchText.Fold(text));

    [Theory]
    [InlineData("Mise à l'abri", "mise-a-l-abri")]
    [InlineData("AEMO / AEMO-H", "aemo-aemo-h")]
    [InlineData("Lover boy", "lover-boy")]
    public void A_title_suggests_a_key_of_lower_case_letters_digits_and_dashes(string title, string key)
    {
        Assert.Equal(key, LexiqueTerm.KeyFrom(title));
        Assert.True(LexiqueTerm.IsValidKey(key));
    }

    [Theory]
    [InlineData("Majuscule")]
    [InlineData("accentué")]
    [InlineData("-tiret")]
    [InlineData("double--tiret")]
    [InlineData("nouveau")]
    [InlineData("glossaire")]
    [InlineData("")]
    public void Keys_outside_the_scheme_or_reserved_are_refused(string key) =>
        Assert.False(LexiqueTerm.IsValidKey(key));

    [Fact]
    public void A_term_keeps_its_key_and_folds_its_title_and_search_text_on_every_update()
    {
        var now = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        var term = LexiqueTerm.Create("emprise", "Emprise", "Contrôle exercé sur autrui.", "domination, contrôle ; Domination", [("Code pénal", "https://www.exemple.fr")], now, "u1");
        Assert.Equal("domination ; contrôle", term.Synonyms);
        term.Update("Emprise psychologique", "Nouvelle définition.", null, [], now.AddDays(1), "u2");
        Assert.Equal("emprise", term.Key);
        Assert.Equal("emprise psychologique", term.TitleKey);
        Assert.Equal("emprise psychologique nouvelle definition", term.SearchKey);
        Assert.Empty(term.Sources);
        Assert.Equal("u2", term.UpdatedById);
        Assert.Throws<ArgumentException>(() => term.Update("Emprise", "Définition.", null, [("Source", "javascript:alert(1)")], now, "u3"));
    }
}
