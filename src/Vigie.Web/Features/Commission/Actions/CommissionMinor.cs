using System.Globalization;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Commission.Actions;

/// <summary>The encrypted identity columns of a situation, read in a projection, and the short forms the commission's pages show.</summary>
public sealed record CommissionMinor(string FirstNameEncrypted, string LastNameEncrypted, string BirthDateEncrypted)
{
    public string FirstName(FieldCipher cipher) => cipher.Decrypt(FirstNameEncrypted, Situation.FirstNamePurpose).Trim();

    public string FullName(FieldCipher cipher) => Situation.DisplayName(cipher, FirstNameEncrypted, LastNameEncrypted);

    /// <summary>Age in whole years on <paramref name="today"/>.</summary>
    public int Age(FieldCipher cipher, DateOnly today) =>
        AgeBands.YearsOld(DateOnly.Parse(cipher.Decrypt(BirthDateEncrypted, Situation.BirthDatePurpose), CultureInfo.InvariantCulture), today);

    /// <summary>"Inaya, 15 ans".</summary>
    public string FirstNameAndAge(FieldCipher cipher, DateOnly today) => $"{FirstName(cipher)}, {Age(cipher, today)} ans";
}
