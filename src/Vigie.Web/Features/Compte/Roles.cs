namespace Vigie.Web.Features.Compte;

/// <summary>The roles of ACCESS.md. Names are stored in the database: never rename one.</summary>
public static class Roles
{
    public const string Professionnel = nameof(Professionnel);
    public const string Coordination = nameof(Coordination);
    public const string MembreCommission = nameof(MembreCommission);
    public const string EquipeMobile = nameof(EquipeMobile);
    public const string Observatoire = nameof(Observatoire);
    public const string Dpo = nameof(Dpo);
    public const string Administrateur = nameof(Administrateur);

    public static readonly IReadOnlyList<string> All =
        [Professionnel, Coordination, MembreCommission, EquipeMobile, Observatoire, Dpo, Administrateur];

    public static string Label(string role) => role switch
    {
        Professionnel => "Professionnel",
        Coordination => "Coordination",
        MembreCommission => "Membre de la commission",
        EquipeMobile => "Équipe mobile",
        Observatoire => "Observatoire",
        Dpo => "Délégué à la protection des données",
        Administrateur => "Administrateur",
        _ => role,
    };
}

public static class RoleDescriptions
{
    public static string Of(string role) => role switch
    {
        Roles.Professionnel => "ouvre et suit les situations de son organisation, rédige les signalements",
        Roles.Coordination => "voit toutes les situations, anime la commission et l'observatoire",
        Roles.MembreCommission => "voit les seules situations inscrites aux séances où il est invité",
        Roles.EquipeMobile => "voit les jeunes qui ont accepté le co-accompagnement",
        Roles.Observatoire => "statistiques agrégées et extrait pseudonymisé, jamais de nom",
        Roles.Dpo => "journal d'audit, durées de conservation, droits des personnes",
        Roles.Administrateur => "comptes et organisations, sans accès aux dossiers",
        _ => string.Empty,
    };
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Administration = nameof(Administration);
    public const string Situations = nameof(Situations);
    public const string AuditLog = nameof(AuditLog);
    public const string RecentStepUp = nameof(RecentStepUp);

    /// <summary>The commission's pages for those who take part: Coordination, members and presenting professionals.</summary>
    public const string Commission = nameof(Commission);

    /// <summary>Preparing and running the commission (sessions, agenda, minutes, figures): Coordination.</summary>
    public const string CommissionCoordination = nameof(CommissionCoordination);

    /// <summary>Co-accompaniments by the mobile team: the mobile team and Coordination.</summary>
    public const string Accompaniments = nameof(Accompaniments);

    /// <summary>"Mes actions": everyone who may own a commission action.</summary>
    public const string Actions = nameof(Actions);

    /// <summary>The observatory's figures, exports, report and pseudonymised extract: Coordination and the Observatoire role.</summary>
    public const string Observatory = nameof(Observatory);

    /// <summary>Importing historical situations into Vigie: Coordination.</summary>
    public const string SituationImport = nameof(SituationImport);
}
