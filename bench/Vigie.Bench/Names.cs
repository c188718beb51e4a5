using Vigie.Web.Features.Administration;

namespace Vigie.Bench;

/// <summary>
/// The vocabulary of the fictitious data set: first names given in France in the 2010s, common
/// family names and syllables to make more, the territories of the Métropole de Lyon, and made-up
/// organisations (every name ends with "(fictif)" so nobody mistakes them for real services).
/// </summary>
internal static class Names
{
    public static readonly string[] Girls =
    [
        "Emma", "Jade", "Louise", "Alice", "Chloé", "Lina", "Léa", "Rose", "Anna", "Mila", "Inès", "Ambre", "Julia", "Mia",
        "Léna", "Manon", "Juliette", "Lou", "Zoé", "Camille", "Sarah", "Agathe", "Jeanne", "Romane", "Nina", "Éva", "Lola",
        "Clara", "Léonie", "Margaux", "Lucie", "Maëlys", "Yasmine", "Sofia", "Kenza", "Assia", "Nour", "Maryam", "Aya",
        "Imane", "Salomé", "Océane", "Laura", "Maëva", "Anaïs", "Justine", "Célia", "Elsa", "Iris", "Capucine", "Héloïse",
        "Fatoumata", "Aminata", "Awa", "Mariam", "Naïla", "Shaïna", "Kelly", "Cassandra", "Melissa", "Élise", "Noémie",
        "Gabrielle", "Lilou", "Louna", "Nora", "Rania", "Sirine", "Wassila", "Éloïse",
    ];

    public static readonly string[] Boys =
    [
        "Gabriel", "Léo", "Raphaël", "Louis", "Noah", "Jules", "Adam", "Arthur", "Lucas", "Hugo", "Nathan", "Ethan",
        "Mohamed", "Rayan", "Yanis", "Ilyes", "Sacha", "Enzo", "Théo", "Mathis", "Kylian", "Samuel", "Amir", "Ibrahim",
        "Moussa", "Bilal", "Nolan", "Évan", "Timéo", "Axel",
    ];

    public static readonly string[] FamilyNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon",
        "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont",
        "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin",
        "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
        "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie",
        "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet",
        "Gaillard", "Barbier", "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
        "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas", "Lacroix", "Olivier", "Philippe",
        "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc", "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez",
        "Jean", "Dupuy", "Guillot", "Hubert", "Berger", "Carpentier", "Sánchez", "Dupuis", "Moulin", "Louis", "Deschamps",
        "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Paris", "Poirier", "Marty",
        "Aubry", "Guyot", "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly",
        "Hervé", "Schneider", "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet", "Perrot",
        "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy", "Pelletier", "Lévêque", "Perrier",
        "Leblanc", "Barré", "Lebrun", "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud",
        "Rodriguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier", "Chevallier", "Collin", "Chauvin",
        "Da Silva", "Bouchet", "Gay", "Lemaître", "Bénard", "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret",
        "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
        "Benali", "Haddad", "Mansouri", "Belkacem", "Traoré", "Diallo", "Camara", "Keita", "Nguyen", "Tran", "Yilmaz",
        "Ferreira", "Rodrigues", "Pereira", "Cissé", "Kouassi", "Boumediene", "Saïdi", "Chérif", "Amrani",
    ];

    // Two syllables make a plausible family name that belongs to nobody in particular: "Bel" + "court".
    public static readonly string[] Starts =
    [
        "Bel", "Beau", "Bon", "Mont", "Ro", "Ma", "Gar", "Ver", "Char", "Lar", "Cour", "Val", "Four", "Del", "Mar",
        "Tes", "Ri", "Sau", "Ber", "Lau", "Cha", "Bou", "Da", "Fon", "Gui", "Jo", "La", "Mé", "No", "Pé",
    ];

    public static readonly string[] Ends =
    [
        "court", "mont", "lin", "ret", "ville", "val", "bert", "din", "rand", "chard", "teau", "lard", "nier", "vier",
        "let", "zac", "quier", "gnon", "ron", "rieu", "det", "chet", "mier", "seau", "bois",
    ];

    public static readonly string[] Territories =
    [
        "Lyon 1er", "Lyon 2e", "Lyon 3e", "Lyon 3e", "Lyon 4e", "Lyon 5e", "Lyon 6e", "Lyon 7e", "Lyon 7e", "Lyon 8e", "Lyon 8e",
        "Lyon 9e", "Lyon 9e", "Villeurbanne", "Villeurbanne", "Villeurbanne", "Vénissieux", "Vénissieux", "Vaulx-en-Velin",
        "Vaulx-en-Velin", "Bron", "Saint-Priest", "Saint-Fons", "Rillieux-la-Pape", "Décines-Charpieu", "Meyzieu", "Givors",
        "Oullins-Pierre-Bénite", "Caluire-et-Cuire", "Écully", "Tassin-la-Demi-Lune", "Vénissieux",
    ];

    public static readonly (string Name, OrganisationKind Kind, string Territory)[] Organisations =
    [
        .. new[] { "Lyon 1er-4e", "Lyon 3e", "Lyon 5e-9e", "Lyon 7e", "Lyon 8e", "Villeurbanne", "Vénissieux", "Vaulx-en-Velin", "Bron-Saint-Priest", "Rillieux-la-Pape", "Givors" }
            .Select(t => ($"Maison de la Métropole {t} — ASE (fictif)", OrganisationKind.Ase, t)),
        ("MECS Les Acacias (fictif)", OrganisationKind.Etablissement, "Lyon 5e"),
        ("MECS Le Clos Fleuri (fictif)", OrganisationKind.Etablissement, "Écully"),
        ("Foyer de l'enfance La Passerelle (fictif)", OrganisationKind.Etablissement, "Bron"),
        ("Foyer de jeunes filles Les Tisserandes (fictif)", OrganisationKind.Etablissement, "Lyon 4e"),
        ("Lieu de vie Les Genêts (fictif)", OrganisationKind.Etablissement, "Givors"),
        ("Collège Jean-Macé-des-Tilleuls (fictif)", OrganisationKind.EducationNationale, "Villeurbanne"),
        ("Lycée professionnel Les Canuts-Rives (fictif)", OrganisationKind.EducationNationale, "Lyon 4e"),
        ("Service social en faveur des élèves — DSDEN (fictif)", OrganisationKind.EducationNationale, "Lyon 7e"),
        ("STEMO Lyon-Est — PJJ (fictif)", OrganisationKind.Pjj, "Vénissieux"),
        ("UEMO Lyon-Centre — PJJ (fictif)", OrganisationKind.Pjj, "Lyon 3e"),
        ("Brigade de protection des familles (fictif)", OrganisationKind.Police, "Lyon 3e"),
        ("Maison de protection des familles — Gendarmerie (fictif)", OrganisationKind.Gendarmerie, "Givors"),
        ("Unité d'accueil pédiatrique enfants en danger (fictif)", OrganisationKind.Sante, "Bron"),
        ("Centre de santé sexuelle Croix-Rousse (fictif)", OrganisationKind.Cpef, "Lyon 4e"),
        ("Maison des adolescents du Rhône (fictif)", OrganisationKind.Sante, "Lyon 2e"),
        ("Association L'Étape Jeunes (fictif)", OrganisationKind.Association, "Lyon 7e"),
        ("Association Rues et Horizons (fictif)", OrganisationKind.Association, "Villeurbanne"),
        ("Association Entr'Elles (fictif)", OrganisationKind.Association, "Lyon 1er"),
        ("Prévention spécialisée Vaulx-Nord (fictif)", OrganisationKind.PreventionSpecialisee, "Vaulx-en-Velin"),
        ("Prévention spécialisée Minguettes (fictif)", OrganisationKind.PreventionSpecialisee, "Vénissieux"),
        ("Prévention spécialisée Guillotière (fictif)", OrganisationKind.PreventionSpecialisee, "Lyon 7e"),
        ("Cellule de recueil des informations préoccupantes (fictif)", OrganisationKind.ServiceMetropole, "Métropole"),
        ("Équipe mobile prostitution des mineurs (fictif)", OrganisationKind.ServiceMetropole, "Métropole"),
        ("Parquet des mineurs (fictif)", OrganisationKind.Parquet, "Lyon"),
    ];

    // The codes of the statistical columns of an evaluation (trame §1–5): the trame's own option keys
    // (TrameSchema), some repeated to weight them; "rang_4" is how a validated evaluation stores "rang n".
    public static readonly string[] DetectionSources = ["ase", "etablissement", "education_nationale", "sante", "pjj", "police_gendarmerie", "119", "famille", "association", "mineur"];

    public static readonly string[] FamilyStructures = ["biparentale", "monoparentale_mere", "monoparentale_mere", "monoparentale_pere", "recomposee", "tiers", "placement", "inconnue"];

    public static readonly string[] Observations = ["non_observe", "non_observe", "suspecte", "avere", "inconnu"];

    public static readonly string[] SiblingRanks = ["aine", "cadet", "benjamin", "unique", "rang_4", "inconnu"];

    public static readonly string[] Protections = ["aucune", "aed", "aemo", "aemo_h", "placement_ase", "placement_opp", "placement_jugement", "dap", "tutelle", "pjj_civile", "pjj_penale"];

    public static readonly string[] Schoolings = ["scolarise", "absenteisme", "absenteisme", "descolarise", "formation", "inconnu"];

    public static readonly string[] LivingPlaces = ["famille", "famille", "mecs", "famille_accueil", "foyer", "hotel", "sans_domicile", "fugue", "autre"];
}
