using Microsoft.Extensions.Options;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;

namespace Vigie.Tests.Compte;

public sealed class CommonPasswordValidatorTests
{
    private static CommonPasswordList List(string? extraFile = null) =>
        new(Options.Create(new AccountsOptions { CommonPasswordsFile = extraFile }), new TestHostEnvironment());

    [Theory]
    [InlineData("123456789012")]
    [InlineData("motdepasse123")]
    [InlineData("Azerty123456!")]
    [InlineData("P@ssw0rd1234")]
    [InlineData("  SOLEIL2026!!  ")]
    public void Common_passwords_and_their_decorated_forms_are_refused(string password) =>
        Assert.True(List().IsCommon(password));

    [Theory]
    [InlineData("la marée monte sur le quai")]
    [InlineData("cheval agrafe batterie correcte")]
    [InlineData("Xq7!vR2#pL9@")]
    public void Uncommon_passwords_pass(string password) =>
        Assert.False(List().IsCommon(password));

    [Fact]
    public void An_operator_file_extends_the_list()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["#!comment: extra list", "girafebleue", "Tournesol2024"]);
        try
        {
            var list = List(file);
            Assert.True(list.IsCommon("GirafeBleue!!2026"));
            Assert.True(list.IsCommon("tournesol2024"));
            Assert.False(List().IsCommon("GirafeBleue!!2026"));
            Assert.Equal(List().Count + 2, list.Count);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
