namespace Vigie.Web.Features.Lexique;

/// <summary>A starting term of the lexique: its stable key, title, definition, synonyms and sources.</summary>
public sealed record StartingTerm(string Key, string Title, string Definition, string? Synonyms = null, params StartingSource[] Sources);

/// <summary>A source of a starting term: a text of law or a reference, with an optional web address.</summary>
public sealed record StartingSource(string Text, string? Url = null);

/// <summary>
/// The starting terms of the lexique (DOMAIN.md §7), written into the database at start when their
/// key is not there yet (<see cref="LexiqueSeed"/>). The trame's labels link to them by key
/// (<c>TrameField.Terms</c>), so a key never changes. Coordination edits the terms in Vigie
/// afterwards; this list is only the starting point.
/// </summary>
public static class StartingTerms
{
    public static readonly IReadOnlyList<StartingTerm> All =
    [
        new("aed", "AED", "Aide éducative à domicile : mesure de protection administrative décidée par le président du conseil départemental avec l'accord des parents ; un professionnel de l'ASE accompagne l'enfant et sa famille.", "aide éducative à domicile", new StartingSource("Code de l'action sociale et des familles, art. L222-3")),
        new("aemo", "AEMO / AEMO-H", "Action éducative en milieu ouvert : mesure d'assistance éducative ordonnée par le juge des enfants ; l'enfant reste dans sa famille et un service éducatif le suit. L'AEMO-H (avec hébergement) permet en plus de l'héberger ponctuellement ou de façon séquentielle.", "action éducative en milieu ouvert ; AEMO-H ; AEMO renforcée", new StartingSource("Code civil, art. 375-2")),
        new("ase", "ASE", "Aide sociale à l'enfance : service du conseil départemental chargé de la protection de l'enfance (prévention, accueil, mesures administratives, exécution des décisions du juge).", "aide sociale à l'enfance", new StartingSource("Code de l'action sociale et des familles, art. L221-1")),
        new("cpef", "CPEF", "Centre de planification et d'éducation familiale (centre de santé sexuelle) : consultations de contraception, dépistage des IST, accès à l'IVG, gratuites et confidentielles pour les mineurs.", "centre de planification ; planning familial ; centre de santé sexuelle"),
        new("crip", "CRIP", "Cellule de recueil, de traitement et d'évaluation des informations préoccupantes, placée auprès du président du conseil départemental ; elle reçoit les informations préoccupantes et la copie des signalements.", "cellule de recueil des informations préoccupantes", new StartingSource("Code de l'action sociale et des familles, art. L226-3")),
        new("emprise", "Emprise", "Relation dans laquelle une personne prend le contrôle de la pensée et des choix d'une autre, souvent par la séduction, la dette, la peur ou l'isolement ; le mineur sous emprise peut ne pas se reconnaître comme victime."),
        new("escorting", "Escorting", "Terme employé pour présenter la prostitution comme un accompagnement rémunéré, souvent organisé par des annonces en ligne ; il masque une situation de prostitution.", "escort ; escort girl"),
        new("file-active", "File active", "Ensemble des personnes suivies par un service au cours d'une période donnée, quel que soit le nombre de contacts avec chacune."),
        new("fugue", "Fugue / poly-fugue", "Fugue : départ d'un mineur de son lieu de vie sans autorisation. On parle de poly-fugue lorsque les fugues se répètent : dans Vigie, à partir d'un nombre de fugues sur douze mois fixé par un paramètre (3 par défaut).", "poly-fugue ; polyfugue ; fugues répétées"),
        new("ip", "IP (information préoccupante)", "Information transmise à la CRIP pour alerter sur la situation d'un mineur en danger ou en risque de l'être ; elle ouvre une évaluation, qui doit s'achever dans les trois mois.", "information préoccupante", new StartingSource("Code de l'action sociale et des familles, art. L226-3")),
        new("libre-adhesion", "Libre adhésion", "Principe d'un accompagnement que la personne accepte sans contrainte et peut arrêter ; il fonde notamment les actions de l'équipe mobile et de la prévention spécialisée."),
        new("lover-boy", "Lover boy", "Personne, souvent jeune, qui séduit un mineur en se présentant comme son petit ami, crée une dépendance affective puis l'amène à se prostituer à son profit.", "loverboy ; lover-boy"),
        new("michetonnage", "Michetonnage", "Échange d'actes sexuels ou de relations contre de l'argent, des cadeaux, des sorties ou un hébergement, souvent non perçu comme de la prostitution par le mineur : c'en est pourtant une forme.", "michto ; michetonneuse"),
        new("mise-a-l-abri", "Mise à l'abri", "Accueil immédiat et temporaire d'un mineur en danger pour le soustraire à ce danger ; pour un mineur en fugue, l'ASE peut l'accueillir 72 heures, au-delà l'accord des parents ou la saisine du procureur est nécessaire.", "accueil d'urgence ; recueil provisoire", new StartingSource("Code de l'action sociale et des familles, art. L223-2")),
        new("opp", "OPP", "Ordonnance de placement provisoire : décision prise en urgence par le juge des enfants ou par le procureur de la République pour confier un mineur à un service ou à un tiers ; le juge des enfants doit être saisi dans les huit jours quand le procureur l'a prise.", "ordonnance de placement provisoire", new StartingSource("Code civil, art. 375-5")),
        new("pjj", "PJJ", "Protection judiciaire de la jeunesse : direction du ministère de la Justice qui met en œuvre les décisions des juges des enfants, au pénal et, pour certaines mesures, au civil.", "protection judiciaire de la jeunesse"),
        new("plans", "Plans / « bons plans »", "Mots employés par des mineurs pour désigner des rendez-vous ou des occasions de gagner de l'argent, qui recouvrent souvent des actes de prostitution.", "bons plans ; plan"),
        new("prevention-specialisee", "Prévention spécialisée", "Action éducative menée dans la rue et les lieux de vie des jeunes par des éducateurs, sans mandat, dans le respect de l'anonymat et de la libre adhésion.", "éducateurs de rue"),
        new("proxenetisme", "Proxénétisme", "Fait d'aider, d'assister, de protéger ou de tirer profit de la prostitution d'autrui, ou d'embaucher ou d'entraîner une personne à se prostituer (art. 225-5 du code pénal) ; aggravé quand la victime est mineure. Un mineur peut en être à la fois victime et auteur.", "proxénète ; pimp", new StartingSource("Code pénal, art. 225-5 à 225-7")),
        new("rabattage", "Rabattage", "Recrutement d'autres jeunes pour les amener à se prostituer, parfois par des mineurs eux-mêmes exploités ; c'est une forme de proxénétisme.", "recrutement ; rabatteuse"),
        new("secret-partage", "Secret partagé", "Possibilité pour des professionnels soumis au secret de partager entre eux les informations strictement nécessaires à l'évaluation et à la protection d'un mineur, parents et enfant informés sauf si c'est contraire à son intérêt (art. L226-2-2 du code de l'action sociale et des familles).", "partage d'informations", new StartingSource("Code de l'action sociale et des familles, art. L226-2-2")),
        new("signalement", "Signalement", "Écrit adressé au procureur de la République (parquet des mineurs) lorsqu'un mineur est en danger grave ou imminent, ou quand l'évaluation administrative ne suffit pas ; il est daté, signé, et la CRIP en reçoit copie.", "signalement au procureur ; saisine du parquet", new StartingSource("Code de l'action sociale et des familles, art. L226-4")),
        new("uberisation", "Uberisation", "Prostitution organisée au moyen d'applications, de messageries et de locations de courte durée, sans lieu fixe, ce qui la rend moins visible.", "prostitution en appartement ; location de courte durée"),
    ];

    public static StartingTerm? Find(string key) => All.FirstOrDefault(t => t.Key == key);
}
