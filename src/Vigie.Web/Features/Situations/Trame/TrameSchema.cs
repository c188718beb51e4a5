namespace Vigie.Web.Features.Situations.Trame;

/// <summary>How a field is typed, checked and shown.</summary>
public enum FieldKind
{
    ShortText,
    LongText,
    Date,
    WholeNumber,
    Choice,
    MultiChoice,
    YesNoUnknown,

    /// <summary>Trame §4: a level (non observé / suspecté / avéré / inconnu), a date first seen and a short comment.</summary>
    Indicator,
}

/// <summary>What a short text must look like, beyond its length.</summary>
public enum TextFormat
{
    Free,
    Phone,
    Email,
}

public sealed record TrameOption(string Key, string Label);

/// <summary>
/// One field of the trame. <see cref="Secret"/> fields (every free text, name, address, phone,
/// e-mail, alias, nationality, the minor's words, an indicator's comment) are stored encrypted;
/// the others (choices, numbers, dates) are statistical and stored in clear.
/// </summary>
public sealed record TrameField(string Key, string Label, FieldKind Kind)
{
    public bool Required { get; init; }

    public bool Secret { get; init; } = Kind is FieldKind.ShortText or FieldKind.LongText;

    public IReadOnlyList<TrameOption> Options { get; init; } = Kind switch
    {
        FieldKind.YesNoUnknown => TrameSchema.YesNoUnknown,
        FieldKind.Indicator => TrameSchema.IndicatorLevels,
        _ => [],
    };

    /// <summary>Lexique terms used in the label, each linked to <c>/lexique#terme-{key}</c>.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];

    public string? Hint { get; init; }

    /// <summary>The fieldset the field belongs to within its section (null: none).</summary>
    public string? Group { get; init; }

    public TextFormat Format { get; init; }

    public int Min { get; init; }

    public int Max { get; init; } = 999;

    /// <summary>The stored values of this field: one, or three for an indicator (level, date, comment).</summary>
    public IEnumerable<TrameCell> Cells
    {
        get
        {
            if (Kind != FieldKind.Indicator)
            {
                yield return new TrameCell(Key, this, CellPart.Value, Secret);
                yield break;
            }

            yield return new TrameCell(Key, this, CellPart.Value, false);
            yield return new TrameCell(Key + TrameSchema.DateSuffix, this, CellPart.IndicatorDate, false);
            yield return new TrameCell(Key + TrameSchema.CommentSuffix, this, CellPart.IndicatorComment, true);
        }
    }

    public string? OptionLabel(string key) => Options.FirstOrDefault(o => o.Key == key)?.Label;
}

public enum CellPart
{
    Value,
    IndicatorDate,
    IndicatorComment,
}

/// <summary>One stored value: its key in the section's values, the field it belongs to, and where it is stored.</summary>
public sealed record TrameCell(string Key, TrameField Field, CellPart Part, bool Secret)
{
    /// <summary>The HTML id of its input (and "{id}-error" for its message).</summary>
    public string InputId => "champ-" + Key.Replace('.', '-');

    /// <summary>The form field name of its input.</summary>
    public string InputName => "v." + Key;

    public string Label => Part switch
    {
        CellPart.IndicatorDate => $"{Field.Label} — date de première observation",
        CellPart.IndicatorComment => $"{Field.Label} — commentaire",
        _ => Field.Label,
    };

    public bool IsText => Part == CellPart.IndicatorComment || Field.Kind is FieldKind.ShortText or FieldKind.LongText;

    public bool IsDate => Part == CellPart.IndicatorDate || (Part == CellPart.Value && Field.Kind == FieldKind.Date);
}

public sealed record TrameSection(string Key, string Number, string Title, IReadOnlyList<TrameField> Fields)
{
    public string FullTitle => Number.Length == 0 ? Title : $"{Number}. {Title}";

    public IEnumerable<TrameCell> Cells => Fields.SelectMany(f => f.Cells);

    public TrameField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// The trame d'évaluation (DOMAIN.md §1) as data: its sections, in order, and their fields. The
/// forms, the checks, the stored drafts and evaluations, the version view and the comparison all
/// follow it. The minor's identity (name, first names, birth date, sex, territory) lives on the
/// situation and is not repeated here. There is no score anywhere.
/// </summary>
public static class TrameSchema
{
    public const string DateSuffix = ".date";
    public const string CommentSuffix = ".commentaire";

    /// <summary>Longest accepted text in one field.</summary>
    public const int LongTextMax = 100_000;

    public const int ShortTextMax = 500;

    /// <summary>Beyond this, a value is not even kept in the draft: the save is refused.</summary>
    public const int HardCap = 200_000;

    public const string EnTete = "en-tete";
    public const string Administratif = "administratif";
    public const string Famille = "famille";
    public const string Reperage = "reperage";
    public const string Indicateurs = "indicateurs";
    public const string Qualification = "qualification";
    public const string Actions = "actions";
    public const string Analyse = "analyse";
    public const string Validation = "validation";

    public static readonly IReadOnlyList<TrameOption> YesNoUnknown = [new("oui", "Oui"), new("non", "Non"), new("inconnu", "Inconnu")];

    public static readonly IReadOnlyList<TrameOption> IndicatorLevels =
        [new("non_observe", "Non observé"), new("suspecte", "Suspecté"), new("avere", "Avéré"), new("inconnu", "Inconnu")];

    /// <summary>The kinds of actions of §6; each has a date and a short precision.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, string[] Terms)> ActionKinds =
    [
        ("mise_a_l_abri", "Mise à l'abri", ["mise-a-l-abri"]),
        ("soins", "Soins", []),
        ("plainte", "Plainte", []),
        ("information_preoccupante", "Information préoccupante", ["ip", "crip"]),
        ("orientation", "Orientation", []),
        ("equipe_mobile", "Contact avec l'équipe mobile", []),
        ("autre", "Autre action", []),
    ];

    public static readonly IReadOnlyList<TrameSection> Sections =
    [
        new(EnTete, "", "En-tête : auteurs de l'évaluation", [.. Authors()]),
        new(Administratif, "1", "Informations administratives et juridiques", [.. Administrative()]),
        new(Famille, "2", "Situation familiale", [.. Family()]),
        new(Reperage, "3", "Repérage et faits", [.. Detection()]),
        new(Indicateurs, "4", "Indicateurs (faisceau d'indices)", [.. Indicators()]),
        new(Qualification, "5", "Qualification", [.. Qualifications()]),
        new(Actions, "6", "Actions déjà engagées", [.. ActionsTaken()]),
        new(Analyse, "7", "Analyse et propositions", [.. Analysis()]),
        new(Validation, "8", "Validation", [.. Confirmation()]),
    ];

    public static TrameSection? Find(string? key) => Sections.FirstOrDefault(s => s.Key == key);

    /// <summary>Number of author slots of the en-tête.</summary>
    public const int AuthorSlots = 3;

    private static IEnumerable<TrameField> Authors()
    {
        for (var n = 1; n <= AuthorSlots; n++)
        {
            var group = n == 1 ? "Auteur 1 (rédacteur principal)" : $"Auteur {n} (facultatif)";
            yield return new TrameField($"auteur{n}_nom", "Prénom et nom", FieldKind.ShortText) { Group = group, Required = n == 1 };
            yield return new TrameField($"auteur{n}_fonction", "Fonction", FieldKind.ShortText) { Group = group, Required = n == 1 };
            yield return new TrameField($"auteur{n}_organisation", "Organisation", FieldKind.ShortText) { Group = group, Required = n == 1 };
            yield return new TrameField($"auteur{n}_telephone", "Téléphone", FieldKind.ShortText) { Group = group, Format = TextFormat.Phone };
            yield return new TrameField($"auteur{n}_courriel", "Adresse électronique", FieldKind.ShortText) { Group = group, Format = TextFormat.Email };
        }
    }

    /// <summary>Number of slots for the holders of parental authority.</summary>
    public const int ParentSlots = 3;

    private static IEnumerable<TrameField> Administrative()
    {
        const string minor = "Le mineur";
        yield return new TrameField("alias", "Alias ou pseudonymes utilisés", FieldKind.ShortText)
        { Group = minor, Hint = "Y compris sur les réseaux sociaux et les sites d'annonces." };
        yield return new TrameField("nationalite", "Nationalité", FieldKind.ShortText) { Group = minor };
        yield return new TrameField("mineur_non_accompagne", "Mineur non accompagné", FieldKind.YesNoUnknown) { Group = minor, Required = true };
        yield return new TrameField("lieu_de_vie", "Lieu de vie actuel", FieldKind.Choice)
        {
            Group = minor,
            Required = true,
            Options =
            [
                new("famille", "Famille"), new("mecs", "MECS (maison d'enfants à caractère social)"), new("famille_accueil", "Famille d'accueil"),
                new("foyer", "Foyer"), new("hotel", "Hôtel"), new("sans_domicile", "Sans domicile"), new("fugue", "En fugue"), new("autre", "Autre"),
            ],
        };
        yield return new TrameField("lieu_de_vie_precision", "Lieu de vie : précision (si « Autre »)", FieldKind.ShortText) { Group = minor };
        yield return new TrameField("lieu_de_vie_adresse", "Adresse du lieu de vie", FieldKind.ShortText) { Group = minor };

        const string school = "Scolarité";
        yield return new TrameField("scolarite", "Scolarité", FieldKind.Choice)
        {
            Group = school,
            Required = true,
            Options =
            [
                new("scolarise", "Scolarisé"), new("absenteisme", "Absentéisme"), new("descolarise", "Déscolarisé"),
                new("formation", "En formation"), new("inconnu", "Inconnu"),
            ],
        };
        yield return new TrameField("etablissement", "Établissement", FieldKind.ShortText) { Group = school };

        for (var n = 1; n <= ParentSlots; n++)
        {
            var group = $"Titulaire de l'autorité parentale {n}";
            yield return new TrameField($"titulaire{n}_nom", "Prénom et nom", FieldKind.ShortText) { Group = group };
            yield return new TrameField($"titulaire{n}_lien", "Lien avec le mineur", FieldKind.Choice)
            {
                Group = group,
                Options = [new("mere", "Mère"), new("pere", "Père"), new("tuteur", "Tuteur ou tutrice"), new("ase", "Service de l'ASE (délégation, tutelle)"), new("autre", "Autre")],
                Terms = n == 1 ? ["ase"] : [],
            };
            yield return new TrameField($"titulaire{n}_adresse", "Adresse", FieldKind.ShortText) { Group = group };
            yield return new TrameField($"titulaire{n}_telephone", "Téléphone", FieldKind.ShortText) { Group = group, Format = TextFormat.Phone };
        }

        const string protection = "Protection en place";
        yield return new TrameField("protection", "Mesure de protection en place", FieldKind.Choice)
        {
            Group = protection,
            Required = true,
            Terms = ["aed", "aemo", "ase", "opp", "pjj"],
            Options =
            [
                new("aucune", "Aucune"), new("aed", "AED (aide éducative à domicile)"), new("aemo", "AEMO"), new("aemo_h", "AEMO-H (avec hébergement)"),
                new("placement_ase", "Placement ASE (administratif)"), new("placement_opp", "Placement judiciaire (OPP)"),
                new("placement_jugement", "Placement judiciaire (jugement)"), new("dap", "Délégation d'autorité parentale"),
                new("tutelle", "Tutelle"), new("pjj_civile", "Mesure PJJ civile"), new("pjj_penale", "Mesure PJJ pénale"),
            ],
        };
        yield return new TrameField("juge_enfants", "Juge des enfants (cabinet)", FieldKind.ShortText) { Group = protection };
        yield return new TrameField("service_gardien", "Service gardien", FieldKind.ShortText) { Group = protection };
        yield return new TrameField("referent_ase", "Référent ASE", FieldKind.ShortText) { Group = protection, Terms = ["ase"] };
        yield return new TrameField("numeros_dossiers", "Numéros de dossier externes", FieldKind.ShortText) { Group = protection };

        const string penal = "Volet pénal";
        yield return new TrameField("plainte_deposee", "Plainte déposée", FieldKind.YesNoUnknown) { Group = penal };
        yield return new TrameField("plainte_date", "Date de la plainte", FieldKind.Date) { Group = penal };
        yield return new TrameField("plainte_service", "Service ayant reçu la plainte", FieldKind.ShortText) { Group = penal };
        yield return new TrameField("enquete_en_cours", "Enquête en cours", FieldKind.YesNoUnknown) { Group = penal };
    }

    private static IEnumerable<TrameField> Family()
    {
        yield return new TrameField("structure_familiale", "Structure familiale", FieldKind.Choice)
        {
            Required = true,
            Options =
            [
                new("biparentale", "Biparentale"), new("monoparentale_mere", "Monoparentale (mère)"), new("monoparentale_pere", "Monoparentale (père)"),
                new("recomposee", "Recomposée"), new("tiers", "Tiers digne de confiance"), new("placement", "Placement / pas de famille"),
                new("inconnue", "Inconnue"),
            ],
        };
        const string siblings = "Fratrie";
        yield return new TrameField("fratrie_nombre", "Nombre d'enfants dans la fratrie (le mineur compris)", FieldKind.WholeNumber) { Group = siblings, Min = 1, Max = 30 };
        yield return new TrameField("rang", "Rang du mineur", FieldKind.Choice)
        {
            Group = siblings,
            Options =
            [
                new("aine", "Aîné"), new("cadet", "Cadet"), new("benjamin", "Benjamin"), new("unique", "Enfant unique"),
                new("rang_n", "Autre rang (préciser)"), new("inconnu", "Inconnu"),
            ],
        };
        yield return new TrameField("rang_n", "Rang, si autre", FieldKind.WholeNumber) { Group = siblings, Min = 1, Max = 30 };

        const string violence = "Violences intrafamiliales";
        yield return new TrameField("violences_physiques", "Violences physiques", FieldKind.Choice)
        { Group = violence, Required = true, Options = IndicatorLevels };
        yield return new TrameField("violences_sexuelles", "Violences sexuelles", FieldKind.Choice)
        { Group = violence, Required = true, Options = IndicatorLevels };

        const string parents = "Information des parents";
        yield return new TrameField("parents_informes_date", "Date à laquelle les parents ont été informés de la démarche", FieldKind.Date) { Group = parents };
        yield return new TrameField("parents_non_informes_motif", "Sinon, raison pour laquelle ils ne l'ont pas été", FieldKind.LongText)
        { Group = parents, Hint = "Par exemple : information contraire à l'intérêt de l'enfant." };
    }

    private static IEnumerable<TrameField> Detection()
    {
        const string detection = "Repérage";
        yield return new TrameField("date_reperage", "Date du repérage", FieldKind.Date) { Group = detection, Required = true };
        yield return new TrameField("source", "Source du repérage", FieldKind.Choice)
        {
            Group = detection,
            Required = true,
            Terms = ["ase", "pjj"],
            Options =
            [
                new("ase", "ASE"), new("etablissement", "Établissement (MECS, foyer…)"), new("education_nationale", "Éducation nationale"),
                new("sante", "Santé"), new("pjj", "PJJ"), new("police_gendarmerie", "Police ou gendarmerie"), new("119", "119 (Allô enfance en danger)"),
                new("famille", "Famille"), new("association", "Association"), new("mineur", "Le mineur lui-même"), new("autre", "Autre"),
            ],
        };
        yield return new TrameField("source_organisation", "Organisation à l'origine du repérage", FieldKind.ShortText) { Group = detection };

        const string facts = "Faits";
        yield return new TrameField("faits_date", "Date des faits", FieldKind.Date) { Group = facts };
        yield return new TrameField("faits_lieu", "Lieu des faits", FieldKind.ShortText) { Group = facts };
        yield return new TrameField("faits", "Faits observés ou rapportés", FieldKind.LongText)
        { Group = facts, Required = true, Hint = "Uniquement des faits : qui a vu ou entendu quoi, quand. Les hypothèses vont dans le champ suivant." };
        yield return new TrameField("hypotheses", "Hypothèses", FieldKind.LongText) { Group = facts, Hint = "Ce qui est supposé, distinct des faits." };
        yield return new TrameField("parole", "Parole du mineur", FieldKind.LongText)
        { Group = facts, Hint = "Les mots du mineur, tels qu'il les a dits, entre guillemets." };
    }

    private static IEnumerable<TrameField> Indicators()
    {
        const string runaways = "Fugues";
        yield return new TrameField("fugues_12_mois", "Nombre de fugues au cours des 12 derniers mois", FieldKind.WholeNumber)
        { Group = runaways, Min = 0, Max = 365, Terms = ["fugue"] };
        yield return new TrameField("fugue_plus_longue_jours", "Durée de la plus longue fugue (en jours)", FieldKind.WholeNumber) { Group = runaways, Min = 0, Max = 366 };
        yield return Indicator("fugues_courtes", "Fugues courtes et répétées", runaways);
        yield return Indicator("deplacements", "Déplacements dans d'autres villes ou à l'étranger", runaways);

        const string money = "Argent et biens";
        yield return Indicator("argent_inexplique", "Argent dont l'origine n'est pas expliquée", money);
        yield return Indicator("cadeaux", "Cadeaux", money);
        yield return Indicator("objets_luxe", "Objets de luxe", money);
        yield return Indicator("argent_poche_inutilise", "N'utilise pas l'argent de poche du lieu de vie", money);

        const string digital = "Numérique";
        yield return Indicator("plusieurs_telephones", "Plusieurs téléphones ou numéros", digital);
        yield return Indicator("reseaux_intensifs", "Usage intensif des réseaux sociaux", digital);
        yield return Indicator("contacts_inconnus", "Contacts inconnus de l'entourage", digital);
        yield return Indicator("annonces", "Annonces en ligne", digital, "escorting");
        yield return Indicator("panique_telephone", "Panique quand le téléphone lui est retiré", digital);

        const string places = "Lieux";
        yield return Indicator("hotels", "Hôtels", places);
        yield return Indicator("locations_courtes", "Locations de courte durée", places, "uberisation");
        yield return Indicator("appartements_tiers", "Appartements de tiers", places);
        yield return Indicator("vehicules", "Véhicules qui attendent près du lieu de vie", places);
        yield return Indicator("rue", "Présence dans la rue", places);

        const string relations = "Relations";
        yield return Indicator("relation_adulte", "Relation avec un adulte", relations, "emprise");
        yield return Indicator("lover_boy", "« Lover boy »", relations, "lover-boy");
        yield return Indicator("nouvelles_frequentations", "Nouvelles fréquentations", relations);
        yield return Indicator("isolement", "Isolement vis-à-vis des pairs", relations);

        const string health = "Santé";
        yield return Indicator("consommations", "Consommation de produits", health);
        yield return Indicator("automutilation", "Automutilation, scarifications", health);
        yield return Indicator("tentative_suicide", "Tentative de suicide", health);
        yield return Indicator("ist_grossesse", "IST, demande de contraception d'urgence, grossesse ou IVG", health, "cpef");
        yield return Indicator("hematomes_tatouages", "Hématomes ou tatouages", health);
        yield return Indicator("hygiene", "Hygiène inhabituelle", health);
        yield return Indicator("poids", "Variation de poids", health);

        const string behaviour = "Comportement";
        yield return Indicator("vocabulaire", "Vocabulaire : « plans », « michetonnage », « escorting »…", behaviour, "plans", "michetonnage", "escorting");
        yield return Indicator("langage_sexualise", "Langage sexualisé", behaviour);
        yield return Indicator("tenue", "Changement de style vestimentaire", behaviour);
        yield return Indicator("changement_comportement", "Changement brutal de comportement", behaviour);

        const string school = "Scolarité";
        yield return Indicator("absenteisme_scolaire", "Absentéisme", school);
        yield return Indicator("decrochage", "Décrochage scolaire", school);
    }

    private static TrameField Indicator(string key, string label, string group, params string[] terms) =>
        new(key, label, FieldKind.Indicator) { Group = group, Terms = terms };

    private static IEnumerable<TrameField> Qualifications()
    {
        yield return new TrameField("niveau", "Niveau", FieldKind.Choice)
        {
            Required = true,
            Options = [new("en_risque", "En risque de prostitution"), new("averee", "Prostitution avérée")],
            Hint = "Appréciation professionnelle : Vigie ne calcule aucun score.",
        };
        const string victimAuthor = "Victime-auteur";
        yield return new TrameField("proxenetisme", "Proxénétisme", FieldKind.YesNoUnknown) { Group = victimAuthor, Required = true, Terms = ["proxenetisme"] };
        yield return new TrameField("rabattage", "Rabattage ou recrutement", FieldKind.YesNoUnknown) { Group = victimAuthor, Required = true, Terms = ["rabattage"] };
        const string other = "Autres éléments";
        yield return new TrameField("emprise", "Emprise", FieldKind.YesNoUnknown) { Group = other, Terms = ["emprise"] };
        yield return new TrameField("carence_soins", "Carence de soins", FieldKind.YesNoUnknown) { Group = other };
    }

    private static IEnumerable<TrameField> ActionsTaken()
    {
        foreach (var (key, label, terms) in ActionKinds)
        {
            yield return new TrameField($"action_{key}_date", "Date", FieldKind.Date) { Group = label, Terms = terms };
            yield return new TrameField($"action_{key}_precision", "Précisions", FieldKind.ShortText) { Group = label };
        }
    }

    private static IEnumerable<TrameField> Analysis()
    {
        yield return new TrameField("analyse", "Analyse du professionnel", FieldKind.LongText) { Required = true };
        yield return new TrameField("mesures", "Mesures demandées", FieldKind.MultiChoice)
        {
            Terms = ["opp", "aemo"],
            Options =
            [
                new("opp", "Ordonnance de placement provisoire (OPP)"), new("aemo_h", "AEMO-H"), new("placement_specialise", "Placement spécialisé"),
                new("eloignement", "Éloignement géographique, « séjour de rupture »"), new("pedopsychiatrie", "Consultation de pédopsychiatrie"),
                new("autre", "Autre mesure"),
            ],
        };
        yield return new TrameField("mesures_precision", "Précisions sur les mesures demandées", FieldKind.LongText);
    }

    private static IEnumerable<TrameField> Confirmation()
    {
        yield return new TrameField("date_validation", "Date de validation", FieldKind.Date) { Required = true };
        yield return new TrameField("auteurs_confirment", "Auteurs qui confirment l'évaluation", FieldKind.MultiChoice)
        {
            Required = true,
            Options = [.. Enumerable.Range(1, AuthorSlots).Select(n => new TrameOption($"auteur{n}", $"Auteur {n} de l'en-tête"))],
            Hint = "Chaque auteur coché confirme l'exactitude de l'évaluation.",
        };
    }
}
