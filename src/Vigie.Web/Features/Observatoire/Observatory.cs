using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Commission.Figures;
using Vigie.Web.Features.Formation;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Charts;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Observatoire;

/// <summary>Settings of the observatory (<c>Vigie:Observatoire</c>).</summary>
public sealed class ObservatoireOptions
{
    public const string Section = "Vigie:Observatoire";

    /// <summary>Counts from 1 to this value minus one are hidden in everything that leaves Vigie (DOMAIN.md §6).</summary>
    [Range(3, 100)]
    public int SmallCountThreshold { get; set; } = 5;
}

/// <summary>Every indicator for one filter, and the size of the population they count.</summary>
public sealed record ObservatoryReport(ObservatoryFilter Filter, int Population, IReadOnlyList<IndicatorResult> Indicators);

/// <summary>
/// The indicators of DOMAIN.md §6, computed by the database for a filter: one pass counting every
/// categorical variable (<see cref="PopulationScan"/>), one grouped query for the open-ended ones
/// (<see cref="PopulationProfile"/>: years, levels, birth years, ages), the legal steps and delays
/// (<see cref="LegalStepFigures"/>), these three at once on connections of their own, and the
/// commission's and the other modules' own figures. Nothing is loaded row by row. To add an indicator:
/// its dimension in <see cref="Dimensions"/> if it is a plain distribution, and one entry in
/// <see cref="ComputeAsync"/>'s list.
/// </summary>
public sealed class Observatory(VigieDbContext db, IDbContextFactory<VigieDbContext> contexts, TimeProvider clock, IOptions<CommissionOptions> commission,
    IOptions<TrameOptions> trame)
{
    private const string SituationsColumn = "Situations";

    public static readonly IReadOnlyList<Dimension> Dimensions =
    [
        new("total", "Situations", [new Category("Toutes", s => true)]),
        new("sexe", "Sexe",
        [
            new Category("Filles", s => s.Sex == Sex.Fille),
            new Category("Garçons", s => s.Sex == Sex.Garcon),
            new Category("Autre", s => s.Sex == Sex.Autre),
            new Category(Dimension.NotFilled, s => s.Sex == Sex.NonRenseigne),
        ]),
        new("niveau", "Niveau",
        [
            new Category("En risque de prostitution", s => s.Level == QualificationLevel.EnRisque),
            new Category("Prostitution avérée", s => s.Level == QualificationLevel.Averee),
            new Category("Non évaluée", s => s.Level == null),
        ]),
        Dimension.FromTrame("violences_physiques", "Violences physiques", TrameSchema.Famille, "violences_physiques", s => s.PhysicalViolence),
        Dimension.FromTrame("violences_sexuelles", "Violences sexuelles", TrameSchema.Famille, "violences_sexuelles", s => s.SexualViolence),
        Dimension.FromTrame("structure_familiale", "Structure familiale", TrameSchema.Famille, "structure_familiale", s => s.FamilyStructure),
        Dimension.FromTrame("rang", "Rang dans la fratrie", TrameSchema.Famille, "rang", s => s.SiblingRank, o => o.Key != "rang_n",
            new Category("Autre rang", s => s.SiblingRank != null && s.SiblingRank.StartsWith("rang_"))),
        Dimension.YesNo("poly_fugue", "Poly-fugue", s => s.PolyRunaway, "Poly-fugueur", "Pas de poly-fugue"),
        Dimension.YesNo("proxenetisme", "Proxénétisme", s => s.Proxenetisme),
        Dimension.YesNo("rabattage", "Rabattage ou recrutement", s => s.Rabattage),
        new("victime_auteur", "Victime-auteur",
        [
            new Category("Oui", s => s.Proxenetisme == true || s.Rabattage == true),
            new Category("Non", s => s.Proxenetisme == false && s.Rabattage == false),
            new Category(Dimension.NotFilled, s => !(s.Proxenetisme == true || s.Rabattage == true) && !(s.Proxenetisme == false && s.Rabattage == false)),
        ]),
        Dimension.FromTrame("protection", "Mesure de protection", TrameSchema.Administratif, "protection", s => s.Protection),
        new("renseigne", "Variable",
        [
            new Category("Sexe", s => s.Sex != Sex.NonRenseigne),
            new Category("Mois de naissance", s => s.BirthMonth != null),
            new Category("Territoire", s => s.Territory != null),
            new Category("Date de repérage", s => s.DetectedOn != null),
            new Category("Source du repérage", s => s.DetectionSource != null),
            new Category("Niveau", s => s.Level != null),
            new Category("Structure familiale", s => s.FamilyStructure != null),
            new Category("Rang dans la fratrie", s => s.SiblingRank != null),
            new Category("Violences physiques", s => s.PhysicalViolence != null),
            new Category("Violences sexuelles", s => s.SexualViolence != null),
            new Category("Fugues sur 12 mois", s => s.RunawaysLast12Months != null),
            new Category("Proxénétisme", s => s.Proxenetisme != null),
            new Category("Rabattage", s => s.Rabattage != null),
            new Category("Mesure de protection", s => s.Protection != null),
            new Category("Scolarité", s => s.Schooling != null),
            new Category("Lieu de vie", s => s.LivingPlace != null),
            new Category("Mineur non accompagné", s => s.UnaccompaniedMinor != null),
        ]),
    ];

    private static readonly (LegalStepKind Kind, string Label)[] Steps =
    [
        (LegalStepKind.Signalement, "Signalement au parquet"),
        (LegalStepKind.InformationPreoccupante, "Information préoccupante"),
        (LegalStepKind.Opp, "Ordonnance de placement provisoire (OPP)"),
        (LegalStepKind.AudienceJugeEnfants, "Saisine du juge des enfants"),
    ];

    public async Task<ObservatoryReport> ComputeAsync(ObservatoryFilter filter, CancellationToken cancellationToken = default)
    {
        // The three reads that scan the population run at once, each on a connection of its own (the
        // machine's cores share them; SQLite's provider runs a query synchronously, hence Task.Run): the
        // categorical counts, the open-ended profile (years, levels, birth years, ages) and the legal steps.
        var scanning = OnOwnConnectionAsync(c => PopulationScan.CountAsync(filter.Apply(c.Situations.AsNoTracking()), Dimensions, cancellationToken), cancellationToken);
        var profiling = OnOwnConnectionAsync(c => PopulationProfile.ReadAsync(filter.Apply(c.Situations.AsNoTracking()), cancellationToken), cancellationToken);
        var stepping = OnOwnConnectionAsync(c => LegalStepFigures.ReadAsync(c, filter.Apply(c.Situations.AsNoTracking()), Steps.Select(s => s.Kind).ToList(), cancellationToken), cancellationToken);

        // The commission's figures serve two indicators: computed once, meanwhile, on the request's context.
        var commissionFigures = await CommissionFigures.ComputeAsync(db, filter.From, filter.To, cancellationToken);
        var mobileTeam = await MobileTeamAsync(commissionFigures, cancellationToken);
        var survey = await Enquetes.SurveyResults.TrendAsync(db, filter.From.Year, filter.To.Year, filter.Territory, cancellationToken);
        await Task.WhenAll(scanning, profiling, stepping);
        var counts = await scanning;
        var profile = await profiling;
        var total = counts["total"][0];

        var indicators = new List<IndicatorResult>
        {
            NewSituations(profile, filter, survey),
            Distribution(2, "sexe", "Répartition par sexe", counts, ChartKind.Bars,
                (v, _) => Formats.OutOf(v[0].Value(0, 0), v[0].Value(v[0].Table.Rows, 0)) is { } s ? s + " concernent des filles." : null),
            BirthYears(profile),
            AgeAtDetection(profile, total),
            LegalSteps(await stepping, total),
            Violence(counts),
            Distribution(7, "structure_familiale", "Structure familiale", counts, ChartKind.HorizontalBars, (v, _) => Largest(v[0], "la structure familiale la plus fréquente est {0}", "les structures familiales les plus fréquentes sont {0}")),
            Distribution(8, "rang", "Rang dans la fratrie", counts, ChartKind.Bars, (v, _) => Largest(v[0], "le rang le plus fréquent est {0}", "les rangs les plus fréquents sont {0}")),
            Distribution(9, "poly_fugue", "Poly-fugues", counts, ChartKind.Bars,
                (v, _) => Formats.OutOf(v[0].Value(0, 0), v[0].Value(v[0].Table.Rows, 0)) is { } s ? s + $" concernent un mineur poly-fugueur ({trame.Value.PolyRunawayThreshold} fugues ou plus en 12 mois)." : null),
            VictimAuthors(counts),
            Distribution(11, "protection", "Mesure de protection en place au repérage", counts, ChartKind.HorizontalBars,
                (v, _) => Largest(v[0], "la mesure la plus fréquente est {0}", "les mesures les plus fréquentes sont {0}")),
            Distribution(12, "niveau", "Niveau (en risque, avéré)", counts, ChartKind.Bars,
                (v, _) => Formats.OutOf(v[0].Value(1, 0), v[0].Value(v[0].Table.Rows, 0)) is { } s ? s + " relèvent d'une prostitution avérée." : null),
            Commission(commissionFigures),
            mobileTeam,
            await FacilitiesAsync(filter, cancellationToken),
            await PeopleTrainedAsync(filter, cancellationToken),
            Completeness(counts, total),
        };
        return new ObservatoryReport(filter, total, indicators);
    }

    /// <summary>Runs one read on a new context (its own connection), on the thread pool.</summary>
    private Task<T> OnOwnConnectionAsync<T>(Func<VigieDbContext, Task<T>> read, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            return await read(context);
        }, cancellationToken);

    private static IndicatorResult Distribution(int number, string key, string title, IReadOnlyDictionary<string, int[]> counts, ChartKind chart,
        Func<IReadOnlyList<ProtectedTable>, int, string?> sentence)
    {
        var dimension = Dimensions.Single(d => d.Key == key);
        var values = counts[key];
        var table = CountTable.Distribution(title, dimension.RowHeader, SituationsColumn,
            dimension.Categories.Select((c, i) => (c.Label, values[i])).ToList());
        return new IndicatorResult(number, key, title, [new IndicatorTable(table, chart)], [], sentence);
    }

    /// <summary>
    /// "Sur 57 situations, la structure familiale la plus fréquente est « Biparentale » (21)." from the
    /// visible counts (every category tied for first is named), or null when nothing can be said.
    /// </summary>
    private static string? Largest(ProtectedTable view, string one, string several, bool quote = true)
    {
        var table = view.Table;
        var shown = Enumerable.Range(0, table.Rows)
            .Where(r => table.RowLabels[r] != Dimension.NotFilled && view.Value(r, 0) is > 0)
            .Select(r => (Label: quote ? $"« {table.RowLabels[r]} »" : table.RowLabels[r], Count: view.Value(r, 0)!.Value))
            .ToList();
        if (shown.Count == 0 || view.Value(table.Rows, 0) is not { } total)
        {
            return null;
        }

        var best = shown.Max(s => s.Count);
        var first = shown.Where(s => s.Count == best).Select(s => s.Label).ToList();
        var names = first.Count == 1 ? first[0] : string.Join(", ", first[..^1]) + " et " + first[^1];
        return $"Sur {total.ToString("N0", Formats.French)} situations, " + string.Format(Formats.French, first.Count == 1 ? one : several, names)
            + $" ({best.ToString("N0", Formats.French)}{(first.Count == 1 ? "" : " chacune")}).";
    }

    /// <summary>1. New situations by year of counting and level (both margins: the one two-way table of the set).</summary>
    private static IndicatorResult NewSituations(IReadOnlyList<ProfileRow> profile, ObservatoryFilter filter, IReadOnlyList<Enquetes.TrendYear> survey)
    {
        var years = Enumerable.Range(filter.From.Year, filter.To.Year - filter.From.Year + 1).ToList();
        QualificationLevel?[] levels = [QualificationLevel.EnRisque, QualificationLevel.Averee, null];
        var cells = new int[years.Count, levels.Length];
        foreach (var row in profile)
        {
            cells[row.Year - filter.From.Year, Array.IndexOf(levels, row.Level)] += row.Count;
        }

        var table = new CountTable("Nouvelles situations par année et niveau", "Année",
            years.Select(y => y.ToString(Formats.French)).ToList(), ["En risque", "Avérée", "Non évaluée"], cells, hasRowTotals: true, hasColumnTotals: true);
        var tables = new List<IndicatorTable> { new(table, years.Count >= 3 ? ChartKind.Lines : ChartKind.Bars) };

        // Beside it, the yearly survey of the ASE services (module Enquêtes): the sums of the submitted
        // answers, for the years of the period that have an open or closed campaign.
        if (survey.Count > 0)
        {
            var answers = new int[survey.Count, 3];
            for (var i = 0; i < survey.Count; i++)
            {
                answers[i, 0] = survey[i].Situations;
                answers[i, 1] = survey[i].Girls;
                answers[i, 2] = survey[i].Boys;
            }

            tables.Add(new IndicatorTable(new CountTable(SurveyTableTitle, "Année", survey.Select(y => y.Year.ToString(Formats.French)).ToList(),
                ["Situations identifiées", "Filles en prostitution avérée", "Garçons en prostitution avérée"], answers, hasRowTotals: false, hasColumnTotals: false), null));
        }

        return new IndicatorResult(1, "nouvelles", "Nouvelles situations par année", tables, [],
            (v, _) =>
            {
                var own = v[0].Value(years.Count, levels.Length) is { } all
                    ? $"{all.ToString("N0", Formats.French)} situations nouvelles sur la période ({filter.Describe()})."
                    : null;
                return v.Count > 1 && SurveySentence(v[1], survey) is { } aside ? (own is null ? aside : own + " " + aside) : own;
            },
            "Chaque mineur compte une fois, l'année de son premier repérage. "
            + (survey.Count == 0
                ? "Aucune campagne de l'enquête annuelle auprès des services de l'ASE ne porte sur la période."
                : "Enquête ASE : sommes des réponses envoyées par les services interrogés"
                  + (filter.Territory is null ? "" : " du territoire")
                  + " (" + string.Join(", ", survey.Select(y => $"{y.Year} : {y.Answered} sur {y.Asked}")) + " services ont répondu) ; "
                  + "les services déclarent ce qu'ils ont identifié, Vigie compte les situations qui y sont ouvertes."));
    }

    public const string SurveyTableTitle = "Enquête ASE : situations identifiées par année";

    /// <summary>"Enquête ASE : 18 situations identifiées en 2021, 97 en 2022." from the visible counts only.</summary>
    private static string? SurveySentence(ProtectedTable view, IReadOnlyList<Enquetes.TrendYear> survey)
    {
        var shown = Enumerable.Range(0, survey.Count)
            .Select(r => (survey[r].Year, Count: view.Value(r, 0)))
            .Where(p => p.Count is not null)
            .Select(p => $"{p.Count!.Value.ToString("N0", Formats.French)} situations identifiées en {p.Year.ToString(Formats.French)}")
            .ToList();
        return shown.Count == 0 ? null : $"Enquête auprès des services de l'ASE : {string.Join(", ", shown)}.";
    }

    /// <summary>3. Distribution by year of birth, the most recent first (the presentation's order).</summary>
    private static IndicatorResult BirthYears(IReadOnlyList<ProfileRow> profile)
    {
        var rows = profile.GroupBy(r => r.BirthYear).Select(g => new { Year = g.Key, Count = g.Sum(r => r.Count) })
            .OrderByDescending(r => r.Year).ToList();
        var table = CountTable.Distribution("Année de naissance", "Année de naissance", SituationsColumn,
            rows.Select(r => (r.Year.ToString(Formats.French), r.Count)).ToList());
        return new IndicatorResult(3, "naissance", "Répartition par année de naissance", [new IndicatorTable(table, ChartKind.Bars)], [],
            (v, _) => Largest(v[0], "l'année de naissance la plus fréquente est {0}", "les années de naissance les plus fréquentes sont {0}", quote: false));
    }

    /// <summary>
    /// 4. Age at detection in months (detection month minus birth month: the birth day is encrypted), by
    /// whole years, and its median in years with one decimal, from a histogram the database groups.
    /// </summary>
    private static IndicatorResult AgeAtDetection(IReadOnlyList<ProfileRow> profile, int total)
    {
        var histogram = profile.Where(r => r.AgeInMonths is not null)
            .GroupBy(r => r.AgeInMonths!.Value).Select(g => new { Months = g.Key, Count = g.Sum(r => r.Count) }).ToList();
        var known = histogram.Sum(h => h.Count);
        var median = Medians.Median(histogram.Select(h => (h.Months, h.Count)));
        string[] labels = ["Moins de 13 ans", "13 ans", "14 ans", "15 ans", "16 ans", "17 ans", "18 ans et plus", Dimension.NotFilled];
        var bands = new int[labels.Length];
        foreach (var h in histogram)
        {
            bands[Math.Clamp((int)Math.Floor(h.Months / 12.0) - 12, 0, 6)] += h.Count;
        }

        bands[^1] = total - known;
        var table = CountTable.Distribution("Âge au repérage", "Âge au repérage", SituationsColumn, labels.Select((l, i) => (l, bands[i])).ToList());
        var figure = new IndicatorFigure("Âge médian au repérage", median is { } m ? Math.Round(m / 12.0, 1, MidpointRounding.AwayFromZero) : null, "ans", known);
        return new IndicatorResult(4, "age", "Âge au repérage", [new IndicatorTable(table, ChartKind.Bars)], [figure],
            (_, threshold) => figure.Value is null || (threshold > 0 && known < threshold)
                ? null
                : $"Les situations sont repérées autour de {figure.Display(threshold)} (âge médian, sur {known.ToString("N0", Formats.French)} situations dont l'âge au repérage est connu).",
            "Âge en mois révolus entre le mois de naissance et le mois du repérage (le jour de naissance est chiffré).");
    }

    /// <summary>5. Situations with a signalement, an IP, an OPP, the juge des enfants seized; median delay detection → signalement.</summary>
    private static IndicatorResult LegalSteps(LegalStepFigures figures, int total)
    {
        var withStep = figures.SituationsWithStep;
        var cells = new int[Steps.Length, 2];
        for (var i = 0; i < Steps.Length; i++)
        {
            cells[i, 0] = withStep.GetValueOrDefault(Steps[i].Kind);
            cells[i, 1] = total - cells[i, 0];
        }

        var delays = figures.DelaysInDays;
        var delayed = delays.Sum(d => d.Count);
        var median = Medians.Median(delays.Select(d => (d.Days, d.Count)));
        var figure = new IndicatorFigure("Délai médian entre le repérage et le signalement", median is { } m ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : null, "jours", delayed);
        var table = new CountTable("Suites données", "Démarche", Steps.Select(s => s.Label).ToList(), ["Oui", "Non"], cells, hasRowTotals: true, hasColumnTotals: false);
        return new IndicatorResult(5, "signalements", "Signalements et suites judiciaires", [new IndicatorTable(table, ChartKind.HorizontalBars)], [figure],
            (v, _) => Formats.OutOf(v[0].Value(0, 0), v[0].Value(0, 2)) is { } s ? s + " ont fait l'objet d'un signalement au parquet." : null,
            "Une situation compte une fois par démarche, quelle qu'en soit la date. Signalements et informations préoccupantes effectués par Vigie ou saisis comme étapes.");
    }

    /// <summary>6. Physical and sexual intrafamily violence (avéré or suspecté, shown apart).</summary>
    private static IndicatorResult Violence(IReadOnlyDictionary<string, int[]> counts)
    {
        var physical = counts["violences_physiques"];
        var sexual = counts["violences_sexuelles"];
        var columns = Dimensions.Single(d => d.Key == "violences_physiques").Categories.Select(c => c.Label).ToList();
        var cells = new int[2, columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            cells[0, c] = physical[c];
            cells[1, c] = sexual[c];
        }

        var averee = columns.IndexOf("Avéré");
        var suspected = columns.IndexOf("Suspecté");
        var table = new CountTable("Violences intrafamiliales", "Violences", ["Physiques", "Sexuelles"], columns, cells, hasRowTotals: true, hasColumnTotals: false);
        return new IndicatorResult(6, "violences", "Violences intrafamiliales", [new IndicatorTable(table, ChartKind.Bars)], [],
            (v, _) =>
            {
                int? Either(int row) => v[0].Value(row, averee) is { } a && v[0].Value(row, suspected) is { } s ? a + s : null;
                var all = v[0].Value(0, columns.Count);
                var first = Formats.OutOf(Either(0), all);
                return first is null
                    ? null
                    : first + " font état de violences physiques dans le cadre familial (avérées ou suspectées)"
                        + (Either(1) is { } sex ? $", {sex.ToString("N0", Formats.French)} de violences sexuelles." : ".");
            });
    }

    /// <summary>10. Victim-authors: proxénétisme, rabattage, either.</summary>
    private static IndicatorResult VictimAuthors(IReadOnlyDictionary<string, int[]> counts)
    {
        string[] keys = ["proxenetisme", "rabattage", "victime_auteur"];
        var cells = new int[3, 3];
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 3; c++)
            {
                cells[r, c] = counts[keys[r]][c];
            }
        }

        var table = new CountTable("Situations de victimes-auteurs", "Conduite", ["Proxénétisme", "Rabattage ou recrutement", "L'un ou l'autre"],
            ["Oui", "Non", Dimension.NotFilled], cells, hasRowTotals: true, hasColumnTotals: false);
        return new IndicatorResult(10, "victimes_auteurs", "Victimes-auteurs (proxénétisme, rabattage)", [new IndicatorTable(table, ChartKind.HorizontalBars)], [],
            (v, _) => Formats.OutOf(v[0].Value(2, 0), v[0].Value(2, 3)) is { } s ? s + " concernent un mineur à la fois victime et auteur (proxénétisme ou rabattage)." : null);
    }

    /// <summary>13. The commission's activity in the period (every situation: territory and level do not apply).</summary>
    private static IndicatorResult Commission(CommissionFigureSet f)
    {
        var rows = new List<(string, int)>
        {
            ("Séances ordinaires tenues", f.OrdinarySessionsHeld),
            ("Séances exceptionnelles tenues", f.ExceptionalSessionsHeld),
            ("Séances annulées", f.SessionsCancelled),
            ("Situations présentées", f.SituationsPresented),
            ("Situations présentées au moins deux fois", f.SituationsPresentedTwiceOrMore),
        };
        rows.AddRange(f.Decisions.Select(d => ("Décision : " + CommissionLabels.Decision(d.Key), d.Value)));
        rows.Add(("Actions à échéance", f.ActionsDue));
        rows.Add(("Actions faites dans les délais", f.ActionsDoneOnTime));
        var table = new CountTable("Activité de la commission", "Activité", rows.Select(r => r.Item1).ToList(), ["Nombre"],
            To2D(rows.Select(r => r.Item2).ToList()), hasRowTotals: false, hasColumnTotals: false);
        return new IndicatorResult(13, "commission", "Activité de la commission (CESMIVIP)", [new IndicatorTable(table, null)], [],
            (v, _) => v[0].Value(0, 0) is { } ordinary && v[0].Value(3, 0) is { } presented
                ? $"{ordinary.ToString("N0", Formats.French)} séances ordinaires tenues, {presented.ToString("N0", Formats.French)} situations présentées."
                : null,
            "Toutes les situations présentées sur la période : les filtres de territoire et de niveau ne s'appliquent pas à la commission.");
    }

    /// <summary>14. The mobile team's active file today against its capacity, and the proposals of the period.</summary>
    private async Task<IndicatorResult> MobileTeamAsync(CommissionFigureSet f, CancellationToken cancellationToken)
    {
        var active = await db.Accompaniments.CountAsync(a => a.Status == AccompanimentStatus.Acceptee, cancellationToken);
        var capacity = commission.Value.MobileTeamCapacity;
        List<(string, int)> rows =
        [
            ("Co-accompagnements proposés", f.AccompanimentsProposed),
            ("Acceptés par le jeune", f.AccompanimentsAccepted),
            ("Refusés par le jeune", f.AccompanimentsRefused),
            ("File active aujourd'hui", active),
        ];
        var table = new CountTable("Équipe mobile", "Co-accompagnement", rows.Select(r => r.Item1).ToList(), ["Nombre"],
            To2D(rows.Select(r => r.Item2).ToList()), hasRowTotals: false, hasColumnTotals: false);
        var today = DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        return new IndicatorResult(14, "equipe_mobile", "File active de l'équipe mobile", [new IndicatorTable(table, null)], [],
            (v, _) => v[0].Value(3, 0) is { } n
                ? $"Le {today.ToString("dd/MM/yyyy", Formats.French)}, l'équipe mobile accompagne {n.ToString("N0", Formats.French)} jeunes pour une capacité de {capacity.ToString("N0", Formats.French)}."
                : null,
            $"Capacité de l'équipe mobile : {capacity} (réglage). Propositions comptées à leur date, sur la période ; file active : aujourd'hui.");
    }

    /// <summary>
    /// 15. Facility occupancy: for each facility (active, or inactive with something to count), its
    /// places, the young people present today, those who stayed there during the period (at least one
    /// day) and the orientations proposed during the period. One GROUP BY on the orientations' day numbers.
    /// </summary>
    private async Task<IndicatorResult> FacilitiesAsync(ObservatoryFilter filter, CancellationToken cancellationToken)
    {
        var todayDate = DateOnly.FromDateTime(Platform.Web.ParisTime.ToLocal(clock.GetUtcNow().UtcDateTime));
        var today = todayDate.DayNumber;
        var from = filter.From.DayNumber;
        var until = filter.To.DayNumber + 1;
        var (first, last) = (filter.From, filter.To);
        var counts = await db.Orientations.AsNoTracking()
            .GroupBy(o => o.FacilityId)
            .Select(g => new
            {
                g.Key,
                Present = g.Sum(o => o.OccupiedFrom <= today && o.OccupiedUntil > today ? 1 : 0),
                Stayed = g.Sum(o => o.OccupiedFrom < until && o.OccupiedUntil > from ? 1 : 0),
                Proposed = g.Sum(o => o.ProposedOn >= first && o.ProposedOn <= last ? 1 : 0),
            })
            .ToDictionaryAsync(x => x.Key, cancellationToken);
        var facilities = await db.Facilities.AsNoTracking().OrderBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, f.Capacity, f.IsActive })
            .ToListAsync(cancellationToken);
        var rows = facilities
            .Select(f => (f.Name, Places: f.Capacity ?? 0, Count: counts.GetValueOrDefault(f.Id), f.IsActive))
            .Where(f => f.IsActive || (f.Count is { } c && (c.Present > 0 || c.Stayed > 0 || c.Proposed > 0)))
            .ToList();
        var cells = new int[rows.Count, 4];
        for (var r = 0; r < rows.Count; r++)
        {
            cells[r, 0] = rows[r].Places;
            cells[r, 1] = rows[r].Count?.Present ?? 0;
            cells[r, 2] = rows[r].Count?.Stayed ?? 0;
            cells[r, 3] = rows[r].Count?.Proposed ?? 0;
        }

        var table = new CountTable("Occupation des lieux d'accueil", "Lieu d'accueil", rows.Select(r => r.Name).ToList(),
            ["Places", "Jeunes présents aujourd'hui", "Jeunes accueillis sur la période", "Orientations proposées sur la période"],
            cells, hasRowTotals: false, hasColumnTotals: true);
        var date = todayDate.ToString("dd/MM/yyyy", Formats.French);
        return new IndicatorResult(15, "lieux_accueil", "Occupation des lieux d'accueil", [new IndicatorTable(table, null)], [],
            (v, _) =>
            {
                var total = v[0].Table.Rows;
                if (rows.Count == 0)
                {
                    return "Aucun lieu d'accueil n'est enregistré.";
                }

                static string N(int n) => n.ToString("N0", Formats.French);
                return v[0].Value(total, 1) is { } present && v[0].Value(total, 0) is { } places && v[0].Value(total, 2) is { } stayed
                    ? $"Le {date}, {N(present)} {(present > 1 ? "jeunes sont présents" : "jeune est présent")} dans les lieux d'accueil, qui comptent {N(places)} places ; "
                        + $"{N(stayed)} {(stayed > 1 ? "jeunes y ont été accueillis" : "jeune y a été accueilli")} sur la période."
                    : null;
            },
            "Tous les lieux d'accueil actifs (et ceux désactivés qui ont encore une activité) : les filtres de territoire et de niveau ne s'appliquent pas. "
            + "Un jeune est présent du jour de son arrivée jusqu'à la fin effective enregistrée ; « accueilli sur la période » : présent au moins un jour de la période. "
            + "Places : 0 quand elles ne sont pas comptées (lieux hors département).");
    }

    /// <summary>
    /// 16. People trained, distinct, by employer category and year of the period, and since the first
    /// session (the Formation module; territory and level do not apply).
    /// </summary>
    private async Task<IndicatorResult> PeopleTrainedAsync(ObservatoryFilter filter, CancellationToken cancellationToken)
    {
        var figures = await TrainingFigureSet.ComputeAsync(db, filter.From, filter.To, cancellationToken);
        var since = figures.FirstSession is { } first ? TrainingFigureSet.Since(first) : null;
        return new IndicatorResult(16, "formation", "Personnes formées (personnes différentes, par catégorie d'employeur)",
            [new IndicatorTable(figures.ByYearTable(), ChartKind.HorizontalBars), new IndicatorTable(figures.CumulativeTable(), ChartKind.HorizontalBars)], [],
            (v, _) => since is not null && v.Count > 1 && v[1].Value(v[1].Table.Rows, 0) is { } all
                ? $"{all.ToString("N0", Formats.French)} personnes différentes formées depuis {since}."
                : null,
            "Une personne compte une fois par année et une fois dans le cumul, quel que soit le nombre de sessions suivies, dans la catégorie de son employeur lors de sa dernière session de l'année (de la période, pour le cumul). Les filtres de territoire et de niveau ne s'appliquent pas aux formations.");
    }

    /// <summary>17. Completeness: how many situations have each variable filled in.</summary>
    private static IndicatorResult Completeness(IReadOnlyDictionary<string, int[]> counts, int total)
    {
        var dimension = Dimensions.Single(d => d.Key == "renseigne");
        var filled = counts["renseigne"];
        var cells = new int[filled.Length, 2];
        for (var r = 0; r < filled.Length; r++)
        {
            cells[r, 0] = filled[r];
            cells[r, 1] = total - filled[r];
        }

        var table = new CountTable("Complétude des données", "Variable", dimension.Categories.Select(c => c.Label).ToList(), ["Renseignée", "Non renseignée"],
            cells, hasRowTotals: true, hasColumnTotals: false);
        return new IndicatorResult(17, "completude", "Complétude des données", [new IndicatorTable(table, null)], [],
            (v, _) =>
            {
                var weak = Enumerable.Range(0, filled.Length)
                    .Where(r => v[0].Value(r, 0) is { } yes && v[0].Value(r, 2) is { } all && all > 0 && yes * 10 < all * 8)
                    .Select(r => dimension.Categories[r].Label.ToLowerInvariant()).ToList();
                return total == 0 ? null
                    : weak.Count == 0 ? "Chaque variable est renseignée pour au moins 80 % des situations (parmi les effectifs publiés)."
                    : "Variables renseignées pour moins de 80 % des situations : " + string.Join(", ", weak) + ".";
            },
            "Part des situations pour lesquelles chaque variable est renseignée dans l'évaluation en cours (une situation sans évaluation validée n'en renseigne aucune).");
    }

    private static int[,] To2D(List<int> values)
    {
        var cells = new int[values.Count, 1];
        for (var i = 0; i < values.Count; i++)
        {
            cells[i, 0] = values[i];
        }

        return cells;
    }
}

/// <summary>Two calendar days, as the parts the databases extract from their columns.</summary>
public sealed class DatePair
{
    public int FromYear { get; init; }

    public int FromMonth { get; init; }

    public int FromDay { get; init; }

    public int ToYear { get; init; }

    public int ToMonth { get; init; }

    public int ToDay { get; init; }
}

/// <summary>
/// Days between two dates in integer arithmetic only (the Fliegel–Van Flandern day number), so the
/// database computes delays without a date-difference function SQLite and PostgreSQL would spell apart.
/// </summary>
public static class DayNumber
{
    public static readonly Expression<Func<DatePair, int>> DaysBetween = Build();

    private static readonly Func<int, int, int, int> Compiled = Compile();

    /// <summary>The same day number in memory (tests check it against <see cref="DateOnly.DayNumber"/>).</summary>
    public static int Of(int year, int month, int day) => Compiled(year, month, day);

    private static Expression Of(Expression year, Expression month,
        Expression day)
    {
        static Expression C(int value) => Expression.Constant(value);
        static Expression e(Expression left, Expression right) => Expression.Add(left, right);
        static Expression minus(Expression left, Expression right) => Expression.Subtract(left, right);
        static Expression times(Expression left, Expression right) => Expression.Multiply(left, right);
        static Expression over(Expression left, Expression right) => Expression.Divide(left, right);

        // a = (14 − m) / 12; y′ = y + 4800 − a; m′ = m + 12a − 3
        // day number = d + (153 m′ + 2) / 5 + 365 y′ + y′/4 − y′/100 + y′/400 − 32045
        var a = over(minus(C(14), month), C(12));
        var y = minus(e(year, C(4800)), a);
        var m = minus(e(month, times(C(12), a)), C(3));
        return minus(
            e(e(e(e(e(day, over(e(times(C(153), m), C(2)), C(5))), times(C(365), y)), over(y, C(4))), over(y, C(400))), C(0)),
            e(over(y, C(100)), C(32045)));
    }

    private static Expression<Func<DatePair, int>> Build()
    {
        var pair = Expression.Parameter(typeof(DatePair), "p");
        Expression Part(string name) => Expression.Property(pair, name);
        var to = Of(Part(nameof(DatePair.ToYear)), Part(nameof(DatePair.ToMonth)), Part(nameof(DatePair.ToDay)));
        var from = Of(Part(nameof(DatePair.FromYear)), Part(nameof(DatePair.FromMonth)), Part(nameof(DatePair.FromDay)));
        return Expression.Lambda<Func<DatePair, int>>(Expression.Subtract(to, from), pair);
    }

    private static Func<int, int, int, int> Compile()
    {
        var y = Expression.Parameter(typeof(int), "y");
        var m = Expression.Parameter(typeof(int), "m");
        var d = Expression.Parameter(typeof(int), "d");
        return Expression.Lambda<Func<int, int, int, int>>(Of(y, m, d), y, m, d).Compile();
    }
}

/// <summary>Medians of grouped values (value, how many times), as the observatory's histograms give them.</summary>
public static class Medians
{
    /// <summary>The median (mean of the two middle values for an even count), or null without values.</summary>
    public static double? Median(IEnumerable<(int Value, int Count)> histogram)
    {
        var sorted = histogram.Where(h => h.Count > 0).OrderBy(h => h.Value).ToList();
        var n = sorted.Sum(h => h.Count);
        if (n == 0)
        {
            return null;
        }

        int At(int position)
        {
            var seen = 0;
            foreach (var (value, count) in sorted)
            {
                seen += count;
                if (position < seen)
                {
                    return value;
                }
            }

            return sorted[^1].Value;
        }

        return n % 2 == 1 ? At(n / 2) : (At(n / 2 - 1) + At(n / 2)) / 2.0;
    }
}
