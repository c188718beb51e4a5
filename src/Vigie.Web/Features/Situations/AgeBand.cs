namespace Vigie.Web.Features.Situations;

/// <summary>
/// Age bands of the situations list, from the birth year alone (the full birth date is encrypted):
/// the age the minor reaches during the current year. Each band is a range of birth years, so the
/// database filters without decrypting anything.
/// </summary>
public enum AgeBand
{
    Moins13,
    De13A14,
    De15A16,
    Plus17,
}

public static class AgeBands
{
    /// <summary>The query-string value of each band.</summary>
    public static string Key(AgeBand band) => band switch
    {
        AgeBand.Moins13 => "moins-13",
        AgeBand.De13A14 => "13-14",
        AgeBand.De15A16 => "15-16",
        _ => "17-plus",
    };

    public static string Label(AgeBand band) => band switch
    {
        AgeBand.Moins13 => "Moins de 13 ans",
        AgeBand.De13A14 => "13–14 ans",
        AgeBand.De15A16 => "15–16 ans",
        _ => "17 ans et plus",
    };

    public static AgeBand? Parse(string? key) =>
        Enum.GetValues<AgeBand>().Where(b => Key(b) == key?.Trim()).Select(b => (AgeBand?)b).FirstOrDefault();

    /// <summary>The band of someone born in <paramref name="birthYear"/>, in <paramref name="currentYear"/>.</summary>
    /// <summary>Age in whole years on <paramref name="today"/> (a birthday not yet reached this year does not count).</summary>
    public static int YearsOld(DateOnly birth, DateOnly today)
    {
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    public static AgeBand Of(int birthYear, int currentYear) => (currentYear - birthYear) switch
    {
        < 13 => AgeBand.Moins13,
        < 15 => AgeBand.De13A14,
        < 17 => AgeBand.De15A16,
        _ => AgeBand.Plus17,
    };

    /// <summary>The birth years of a band, both ends included (null: open-ended).</summary>
    public static (int? From, int? To) BirthYears(AgeBand band, int currentYear) => band switch
    {
        AgeBand.Moins13 => (currentYear - 12, null),
        AgeBand.De13A14 => (currentYear - 14, currentYear - 13),
        AgeBand.De15A16 => (currentYear - 16, currentYear - 15),
        _ => (null, currentYear - 17),
    };
}
