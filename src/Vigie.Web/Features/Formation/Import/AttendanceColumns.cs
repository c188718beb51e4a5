using Vigie.Web.Features.Observatoire.Import;

namespace Vigie.Web.Features.Formation.Import;

/// <summary>One column of an attendance sheet: the template's header, the other headers accepted for it, and its help.</summary>
public sealed record AttendanceColumn(string Header, bool Required, int MaxLength, string Accepted, string Help, params string[] Synonyms)
{
    public IEnumerable<string> Headers => Synonyms.Prepend(Header);
}

/// <summary>The columns of an attendance sheet, in the template's order (docs/formation.md says the same).</summary>
public static class AttendanceColumns
{
    public static readonly AttendanceColumn LastName = new("nom", true, TrainedPerson.NameMaxLength,
        $"texte, {TrainedPerson.NameMaxLength} caractères au plus", "Nom de famille du participant. Obligatoire.", "nom de famille");

    public static readonly AttendanceColumn FirstName = new("prénom", true, TrainedPerson.NameMaxLength,
        $"texte, {TrainedPerson.NameMaxLength} caractères au plus", "Prénom du participant. Obligatoire.", "prénoms");

    public static readonly AttendanceColumn Email = new("e-mail", false, TrainedPerson.EmailMaxLength,
        "une adresse électronique (nom@domaine.fr)",
        "Adresse professionnelle. Recommandée : c'est elle qui reconnaît la personne d'une session à l'autre (à défaut, le nom).",
        "email", "courriel", "mail", "adresse électronique", "adresse mail");

    public static readonly AttendanceColumn Employer = new("employeur", true, TrainedPerson.EmployerMaxLength,
        $"texte, {TrainedPerson.EmployerMaxLength} caractères au plus", "Organisation qui emploie le participant (service, établissement, association…). Obligatoire.",
        "organisation", "structure", "organisme employeur");

    public static readonly AttendanceColumn Category = new("catégorie d'employeur", true, 100,
        string.Join(", ", Enum.GetValues<EmployerCategory>().Select(FormationLabels.Category)),
        "Catégorie de l'employeur, pour les chiffres par catégorie. Obligatoire.", "catégorie", "categorie employeur", "type d'employeur");

    public static readonly IReadOnlyList<AttendanceColumn> All = [LastName, FirstName, Email, Employer, Category];

    /// <summary>Each column by every folded header it answers to.</summary>
    public static readonly IReadOnlyDictionary<string, AttendanceColumn> ByHeader = All
        .SelectMany(c => c.Headers.Select(h => (Key: ImportColumns.Fold(h), Column: c)))
        .ToDictionary(p => p.Key, p => p.Column, StringComparer.Ordinal);

    /// <summary>Each category by its folded label, its name, and the usual ways of writing it.</summary>
    public static readonly IReadOnlyDictionary<string, EmployerCategory> Categories = Enum.GetValues<EmployerCategory>()
        .SelectMany(c => new[] { (ImportColumns.Fold(FormationLabels.Category(c)), c), (ImportColumns.Fold(c.ToString()), c) })
        .Concat([
            (ImportColumns.Fold("éducation nationale (EN)"), EmployerCategory.EducationNationale),
            ("en", EmployerCategory.EducationNationale),
            ("police", EmployerCategory.PoliceGendarmerie),
            ("gendarmerie", EmployerCategory.PoliceGendarmerie),
            (ImportColumns.Fold("police nationale"), EmployerCategory.PoliceGendarmerie),
            (ImportColumns.Fold("police et gendarmerie"), EmployerCategory.PoliceGendarmerie),
            (ImportColumns.Fold("Métropole de Lyon"), EmployerCategory.Metropole),
            (ImportColumns.Fold("établissement (MECS, foyer)"), EmployerCategory.Etablissement),
            (ImportColumns.Fold("centre de planification"), EmployerCategory.Cpef),
            (ImportColumns.Fold("PJJ"), EmployerCategory.Justice),
        ])
        .DistinctBy(p => p.Item1)
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
}
