using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Annuaire;

public sealed class ContactFormatsTests
{
    [Theory]
    [InlineData("0472000000", "04 72 00 00 00")]
    [InlineData("04.72.00.00.00", "04 72 00 00 00")]
    [InlineData("04-72-00-00-00", "04 72 00 00 00")]
    [InlineData("06 12 34 56 78", "06 12 34 56 78")]
    [InlineData("+33 4 72 00 00 00", "+33 4 72 00 00 00")]
    [InlineData("+33 (0)4 72 00 00 00", "+33 4 72 00 00 00")]
    [InlineData("+33472000000", "+33 4 72 00 00 00")]
    [InlineData("0033 4 72 00 00 00", "+33 4 72 00 00 00")]
    [InlineData("119", "119")]
    [InlineData("3919", "3919")]
    [InlineData("17", "17")]
    public void French_phone_numbers_are_accepted_and_written_the_usual_way(string typed, string written) =>
        Assert.Equal(written, ContactFormats.Phone(typed));

    [Theory]
    [InlineData("12345")]
    [InlineData("047200000")]
    [InlineData("04720000001")]
    [InlineData("0072000000")]
    [InlineData("+44 20 7946 0000")]
    [InlineData("+33 04 72 00 00 00 00")]
    [InlineData("04 72 AB 00 00")]
    [InlineData("1 19")]
    [InlineData("7")]
    public void Other_phone_numbers_are_refused(string typed) =>
        Assert.Null(ContactFormats.Phone(typed));

    [Theory]
    [InlineData("contact@cpef-lyon.fr")]
    [InlineData("prenom.nom+annuaire@grandlyon.com")]
    public void Plausible_email_addresses_are_accepted(string typed) =>
        Assert.Equal(typed, ContactFormats.Email("  " + typed + " "));

    [Theory]
    [InlineData("pas-une-adresse")]
    [InlineData("x@")]
    [InlineData("@exemple.fr")]
    [InlineData("nom@exemple")]
    [InlineData("nom @exemple.fr")]
    [InlineData("nom@@exemple.fr")]
    [InlineData("nom@exemple..fr")]
    public void Implausible_email_addresses_are_refused(string typed) =>
        Assert.Null(ContactFormats.Email(typed));

    [Theory]
    [InlineData("https://www.exemple.fr", "https://www.exemple.fr")]
    [InlineData("http://exemple.fr/page?x=1", "http://exemple.fr/page?x=1")]
    [InlineData("www.exemple.fr", "https://www.exemple.fr")]
    public void Web_addresses_are_http_or_https_and_get_https_when_the_scheme_is_left_out(string typed, string kept) =>
        Assert.Equal(kept, ContactFormats.Url(typed));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("ftp://exemple.fr")]
    [InlineData("https://localhost")]
    [InlineData("https://user:pw@exemple.fr")]
    [InlineData("exemple")]
    [InlineData("https://exemple .fr")]
    public void Other_addresses_are_refused(string typed) =>
        Assert.Null(ContactFormats.Url(typed));
}
