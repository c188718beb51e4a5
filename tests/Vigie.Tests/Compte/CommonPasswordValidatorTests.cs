using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Compte;

public sealed class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("123456789012")]
    [InlineData("motdepasse123")]
    [InlineData("Azerty123456!")]
    [InlineData("P@ssw0rd1234")]
    [InlineData("  SOLEIL2026!!  ")]
    public void Common_passwords_and_their_decorated_forms_are_refused(string password) =>
        Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("la marée monte sur le quai")]
    [InlineData("cheval agrafe batterie correcte")]
    [InlineData("Xq7!vR2#pL9@")]
    public void Uncommon_passwords_pass(string password) =>
        Assert.False(CommonPasswordValidator.IsCommon(password));
}
