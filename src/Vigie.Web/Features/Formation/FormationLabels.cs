namespace Vigie.Web.Features.Formation;

public static class FormationLabels
{
    public static string Kind(TrainingKind kind) => kind switch
    {
        TrainingKind.Sensibilisation => "Sensibilisation",
        TrainingKind.Approfondissement => "Approfondissement",
        TrainingKind.PreventionScolaire => "Intervention de prévention en établissement scolaire",
        TrainingKind.PreventionFoyer => "Intervention de prévention en foyer de l'enfance",
        _ => kind.ToString(),
    };

    public static string Category(EmployerCategory category) => category switch
    {
        EmployerCategory.Metropole => "Métropole",
        EmployerCategory.Etablissement => "Établissement",
        EmployerCategory.EducationNationale => "Éducation nationale",
        EmployerCategory.PreventionSpecialisee => "Prévention spécialisée",
        EmployerCategory.Cpef => "CPEF",
        EmployerCategory.Sante => "Santé",
        EmployerCategory.Justice => "Justice",
        EmployerCategory.PoliceGendarmerie => "Police / gendarmerie",
        EmployerCategory.Association => "Association",
        EmployerCategory.Autre => "Autre",
        _ => category.ToString(),
    };

    public static string Duration(int minutes) =>
        minutes % 60 == 0 ? $"{minutes / 60} h" : minutes < 60 ? $"{minutes} min" : $"{minutes / 60} h {minutes % 60:00}";
}

/// <summary>The audit record types of the module (record ids: a session, a person, a file's fingerprint; never a name).</summary>
public static class FormationAudit
{
    /// <summary>A training session and its participants (record id: the session).</summary>
    public const string Session = "Formation.Session";

    /// <summary>The list of sessions.</summary>
    public const string SessionList = "Formation.Sessions";

    /// <summary>The people trained (list), or one person (record id: the person).</summary>
    public const string People = "Formation.Personnes";

    /// <summary>The review of likely duplicates, a merge or a "distinct" decision (record id: the two people).</summary>
    public const string Duplicates = "Formation.Doublons";

    /// <summary>An attendance sheet: dry run (read) or commit (create); record id: session, SHA-256 and counts.</summary>
    public const string AttendanceImport = "Formation.Import";

    /// <summary>The figures page (record id: the period).</summary>
    public const string Figures = "Formation.Chiffres";
}

/// <summary>Authorization policies of the module (ACCESS.md: trainings are Coordination's; figures are also the Observatoire role's).</summary>
public static class FormationPolicies
{
    /// <summary>Sessions, participants, people, imports and the duplicate review: Coordination.</summary>
    public const string Manage = "FormationManage";

    /// <summary>Aggregated figures (no name): Coordination and the Observatoire role.</summary>
    public const string Figures = "FormationFigures";
}
