using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Formation;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Tests.Observatoire;

/// <summary>
/// Each indicator against values worked out by hand from data sets built for them. Every test uses its
/// own territory, so the tests of the class share one database without seeing each other's minors.
/// </summary>
public sealed class IndicatorTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    /// <summary>
    /// The presentation's CESMIVIP figures: 57 situations, 49 girls, median age at detection 15.5 years,
    /// 31 with a signalement, 40 with physical and 19 with sexual family violence. Ages at detection
    /// (months): 28 minors from 150 to 177, one at 186, 28 from 187 to 214, so the 29th of 57 is 186
    /// months = 15 years 6 months. Physical violence: 25 avéré + 15 suspecté; sexual: 10 + 9.
    /// </summary>
    [Fact]
    public async Task The_presentation_CESMIVIP_figures_are_reproduced()
    {
        var org = await factory.CreateOrganisationAsync();
        var detected = new DateOnly(2023, 3, 15);
        var minors = Enumerable.Range(0, 57).Select(i =>
        {
            var months = i < 28 ? 150 + i : i == 28 ? 186 : 187 + (i - 29);
            return new Minor($"Cesmivip{i}", detected.AddMonths(-months), detected, i < 49 ? Sex.Fille : Sex.Garcon)
            {
                PhysicalViolence = i < 25 ? "avere" : i < 40 ? "suspecte" : "non_observe",
                SexualViolence = i < 10 ? "avere" : i < 19 ? "suspecte" : "non_observe",
                SignalementOn = i % 57 < 31 ? detected.AddDays(20) : null,
            };
        });
        await ObservatoryFixtures.AddAsync(factory, org, "CESMIVIP", minors);

        var report = await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2023, "CESMIVIP"));

        Assert.Equal(57, report.Population);
        var sex = report.Indicator(2).Column();
        Assert.Equal(49, sex["Filles"]);
        Assert.Equal(8, sex["Garçons"]);
        Assert.Equal(15.5, report.Indicator(4).Figures[0].Value);
        Assert.Equal(57, report.Indicator(4).Figures[0].Population);
        var steps = report.Indicator(5).Tables[0].Table;
        Assert.Equal("Signalement au parquet", steps.RowLabels[0]);
        Assert.Equal(31, steps.Value(0, 0));
        Assert.Equal(26, steps.Value(0, 1));
        var violence = report.Indicator(6).Tables[0].Table;
        var avere = violence.ColumnLabels.ToList().IndexOf("Avéré");
        var suspecte = violence.ColumnLabels.ToList().IndexOf("Suspecté");
        Assert.Equal(40, violence.Value(0, avere) + violence.Value(0, suspecte));
        Assert.Equal(19, violence.Value(1, avere) + violence.Value(1, suspecte));

        var exact = Views(report, 2);
        Assert.Equal("49 des 57 situations concernent des filles.", report.Indicator(2).Describe(exact, 0));
        Assert.StartsWith("40 des 57 situations font état de violences physiques", report.Indicator(6).Describe(Views(report, 6), 0));
        Assert.Contains("19 de violences sexuelles", report.Indicator(6).Describe(Views(report, 6), 0));
        Assert.Equal("31 des 57 situations ont fait l'objet d'un signalement au parquet.", report.Indicator(5).Describe(Views(report, 5), 0));
        Assert.Contains("15,5 ans", report.Indicator(4).Describe([], 0));
    }

    [Fact]
    public async Task A_minor_with_two_situations_counts_once_at_the_first_detection()
    {
        var first = await factory.CreateOrganisationAsync();
        var second = await factory.CreateOrganisationAsync();
        var birth = new DateOnly(2009, 4, 2);
        await ObservatoryFixtures.AddAsync(factory, second, "Doublons", [new Minor("Martin", birth, new DateOnly(2024, 5, 1)) { FirstName = "Léa" }]);
        await ObservatoryFixtures.AddAsync(factory, first, "Doublons", [new Minor("MARTIN", birth, new DateOnly(2024, 2, 1)) { FirstName = "Lea" }]);
        await ObservatoryFixtures.AddAsync(factory, first, "Doublons", [new Minor("Martin", birth, new DateOnly(2024, 3, 1)) { FirstName = "Inès" }]);

        var year = await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2024, "Doublons"));
        var may = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2024, 4, 1), new DateOnly(2024, 12, 31), "Doublons", null));
        var february = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29), "Doublons", null));

        Assert.Equal(2, year.Population); // Léa (twice, accents and case aside) and Inès
        Assert.Equal(0, may.Population); // Léa's second file is not a new minor
        Assert.Equal(1, february.Population);
    }

    [Fact]
    public async Task Territory_level_and_period_filters_narrow_the_population()
    {
        var org = await factory.CreateOrganisationAsync();
        await ObservatoryFixtures.AddAsync(factory, org, "Filtre A",
        [
            new Minor("FiltreA1", new DateOnly(2010, 1, 1), new DateOnly(2024, 1, 1), Level: QualificationLevel.EnRisque),
            new Minor("FiltreA2", new DateOnly(2010, 1, 1), new DateOnly(2024, 12, 31), Level: QualificationLevel.Averee),
            new Minor("FiltreA3", new DateOnly(2010, 1, 1), new DateOnly(2025, 1, 1), Level: QualificationLevel.Averee),
        ]);
        await ObservatoryFixtures.AddAsync(factory, org, "Filtre B", [new Minor("FiltreB1", new DateOnly(2010, 1, 1), new DateOnly(2024, 6, 1))]);

        Assert.Equal(2, (await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2024, "Filtre A"))).Population);
        Assert.Equal(1, (await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2024, "Filtre A", QualificationLevel.Averee))).Population);
        Assert.Equal(1, (await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2024, "Filtre B"))).Population);
        var twoYears = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), "Filtre A", null));
        Assert.Equal(3, twoYears.Population);

        // Indicator 1: years × level with both margins.
        var table = twoYears.Indicator(1).Tables[0].Table;
        Assert.Equal(["2024", "2025"], table.RowLabels);
        Assert.Equal(1, table.Value(0, 0)); // 2024 en risque
        Assert.Equal(1, table.Value(0, 1)); // 2024 avérée
        Assert.Equal(1, table.Value(1, 1)); // 2025 avérée
        Assert.Equal(2, table.Value(2, 1)); // avérée, both years
        Assert.Equal(3, table.Value(2, 3)); // grand total
    }

    /// <summary>Delays detection → first signalement: 2 days (28/02 → 01/03/2024, a leap year), 10, 20 and 40 days; median (10 + 20) / 2 = 15.</summary>
    [Fact]
    public async Task The_median_delay_to_the_signalement_is_computed_in_days_by_the_database()
    {
        var org = await factory.CreateOrganisationAsync();
        var january = new DateOnly(2024, 1, 10);
        await ObservatoryFixtures.AddAsync(factory, org, "Délais",
        [
            new Minor("Delai1", new DateOnly(2009, 1, 1), new DateOnly(2024, 2, 28)) { SignalementOn = new DateOnly(2024, 3, 1) },
            new Minor("Delai2", new DateOnly(2009, 1, 1), january) { SignalementOn = new DateOnly(2024, 1, 20) },
            new Minor("Delai3", new DateOnly(2009, 1, 1), january) { SignalementOn = new DateOnly(2024, 1, 30) },
            new Minor("Delai4", new DateOnly(2009, 1, 1), january) { SignalementOn = new DateOnly(2024, 2, 19), OppOn = new DateOnly(2024, 2, 20) },
            new Minor("Delai5", new DateOnly(2009, 1, 1), january),
        ]);

        var report = await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2024, "Délais"));

        var delay = report.Indicator(5).Figures[0];
        Assert.Equal(15.0, delay.Value);
        Assert.Equal(4, delay.Population);
        var steps = report.Indicator(5).Tables[0].Table;
        Assert.Equal(4, steps.Value(0, 0));
        Assert.Equal(1, steps.Value(0, 1));
        Assert.Equal(1, steps.Value(2, 0)); // one OPP
        Assert.Equal(5, steps.Value(2, 2)); // each row's total is the population
    }

    [Fact]
    public async Task Distributions_count_each_answer_and_what_is_not_filled_in()
    {
        var org = await factory.CreateOrganisationAsync();
        var on = new DateOnly(2024, 6, 1);
        await ObservatoryFixtures.AddAsync(factory, org, "Répartitions",
        [
            new Minor("Rep1", new DateOnly(2008, 3, 1), on) { FamilyStructure = "monoparentale_mere", SiblingRank = "aine", Runaways = 4, Proxenetisme = true, Rabattage = false, Protection = "aemo" },
            new Minor("Rep2", new DateOnly(2008, 7, 1), on) { FamilyStructure = "monoparentale_mere", SiblingRank = "rang_4", Runaways = 1, Proxenetisme = false, Rabattage = false },
            new Minor("Rep3", new DateOnly(2010, 1, 1), on, Sex.Garcon) { FamilyStructure = "biparentale", Rabattage = true },
            new Minor("Rep4", new DateOnly(2011, 1, 1), on, Level: null) { Evaluated = false },
        ]);

        var report = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), "Répartitions", null));

        Assert.Equal(4, report.Population);
        var births = report.Indicator(3).Column();
        Assert.Equal(["2011", "2010", "2008"], report.Indicator(3).Tables[0].Table.RowLabels); // most recent first
        Assert.Equal(2, births["2008"]);
        var family = report.Indicator(7).Column();
        Assert.Equal(2, family["Monoparentale (mère)"]);
        Assert.Equal(1, family["Biparentale"]);
        Assert.Equal(1, family[Dimension.NotFilled]);
        var rank = report.Indicator(8).Column();
        Assert.Equal(1, rank["Aîné"]);
        Assert.Equal(1, rank["Autre rang"]);
        Assert.Equal(2, rank[Dimension.NotFilled]);
        var poly = report.Indicator(9).Column();
        Assert.Equal(1, poly["Poly-fugueur"]);
        Assert.Equal(1, poly["Pas de poly-fugue"]);
        var victims = report.Indicator(10).Tables[0].Table;
        Assert.Equal(1, victims.Value(0, 0)); // proxénétisme oui
        Assert.Equal(1, victims.Value(1, 0)); // rabattage oui
        Assert.Equal(2, victims.Value(2, 0)); // either
        Assert.Equal(1, victims.Value(2, 1)); // both no: Rep2
        Assert.Equal(1, victims.Value(2, 2)); // Rep4, nothing filled in
        Assert.Equal("Sur 4 situations, la structure familiale la plus fréquente est « Monoparentale (mère) » (2).",
            report.Indicator(7).Describe(Views(report, 7), 0));
        Assert.Equal("Sur 4 situations, les rangs les plus fréquents sont « Aîné » et « Autre rang » (1 chacune).",
            report.Indicator(8).Describe(Views(report, 8), 0));
        var level = report.Indicator(12).Column();
        Assert.Equal(3, level["En risque de prostitution"]);
        Assert.Equal(1, level["Non évaluée"]);
        var completeness = report.Indicator(17).Tables[0].Table;
        var protection = completeness.RowLabels.ToList().IndexOf("Mesure de protection");
        Assert.Equal(1, completeness.Value(protection, 0));
        Assert.Equal(3, completeness.Value(protection, 1));
        var familyRow = completeness.RowLabels.ToList().IndexOf("Structure familiale");
        Assert.Equal(3, completeness.Value(familyRow, 0));
    }

    /// <summary>Ages in months: 13 y 0 m, 14 y 11 m, 15 y 0 m, 17 y 6 m → bands 13, 14, 15, 17; median (179 + 180) / 2 months = 14.96 → 15.0 years.</summary>
    [Fact]
    public async Task Ages_at_detection_are_banded_by_whole_years_from_the_birth_month()
    {
        var org = await factory.CreateOrganisationAsync();
        var on = new DateOnly(2024, 6, 20);
        await ObservatoryFixtures.AddAsync(factory, org, "Âges",
        [
            new Minor("Age1", new DateOnly(2011, 6, 30), on),
            new Minor("Age2", new DateOnly(2009, 7, 1), on),
            new Minor("Age3", new DateOnly(2009, 6, 1), on),
            new Minor("Age4", new DateOnly(2006, 12, 25), on),
            new Minor("Age5", new DateOnly(2006, 12, 25), null),
        ]);

        var report = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31), "Âges", null));

        var bands = report.Indicator(4).Column();
        Assert.Equal(1, bands["13 ans"]);
        Assert.Equal(1, bands["14 ans"]);
        Assert.Equal(1, bands["15 ans"]);
        Assert.Equal(1, bands["17 ans"]);
        Assert.Equal(1, bands[Dimension.NotFilled]); // no detection date: counted at its opening day, age unknown
        Assert.Equal(15.0, report.Indicator(4).Figures[0].Value);
        Assert.Equal(4, report.Indicator(4).Figures[0].Population);
        Assert.Equal("non publié (moins de 5 situations)", report.Indicator(4).Figures[0].Display(5));
    }

    /// <summary>
    /// 15. Facility occupancy, today T (Paris) and the period T − 30 … T. STEP (8 places): Léa present
    /// since T − 10 (no end), Inès stayed T − 20 … T − 6 (left on T − 5), Maya's proposal of T − 3 is
    /// pending, Sofia's of T − 2 refused, Anaïs left on T − 40 (before the period, proposed T − 60).
    /// So: present 1, stayed during the period 2 (Léa, Inès), proposed during the period 4. A
    /// deactivated facility with nothing to count is left out; a deactivated one with a stay stays in.
    /// </summary>
    [Fact]
    public async Task Facility_occupancy_counts_who_is_present_today_and_who_stayed_in_the_period()
    {
        var today = DateOnly.FromDateTime(Vigie.Web.Platform.Web.ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime));
        var org = await factory.CreateOrganisationAsync();
        var situation = await Vigie.Tests.Situations.SituationFixtures.OpenAsync(factory, org, "Accueil", "Indicateur", new DateOnly(2010, 1, 1));
        var step = await Vigie.Tests.Accueil.AccueilFixtures.FacilityAsync(factory, "STEP indicateur 15", 8);
        await Vigie.Tests.Accueil.AccueilFixtures.FacilityAsync(factory, "Foyer fermé sans activité", 4, active: false);
        var closed = await Vigie.Tests.Accueil.AccueilFixtures.FacilityAsync(factory, "Foyer fermé avec activité", 4, active: false);
        async Task Stay(Guid facility, int start, int? end, Vigie.Web.Features.Accueil.OrientationOutcome? outcome = null, int? proposed = null) =>
            await Vigie.Tests.Accueil.AccueilFixtures.OrientationAsync(factory, situation, facility, today.AddDays(start), end is { } e ? today.AddDays(e) : null,
                outcome, proposed is { } p ? today.AddDays(p) : null);
        await Stay(step, -10, null, proposed: -12);                                              // Léa
        await Stay(step, -20, -5, proposed: -25);                                                // Inès
        await Stay(step, -3, null, Vigie.Web.Features.Accueil.OrientationOutcome.EnAttente);     // Maya
        await Stay(step, -2, null, Vigie.Web.Features.Accueil.OrientationOutcome.Refuse);        // Sofia
        await Stay(step, -50, -40, proposed: -60);                                               // Anaïs
        await Stay(closed, -45, -25, proposed: -45);

        var report = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(today.AddDays(-30), today, null, null));

        var indicator = report.Indicator(15);
        var table = indicator.Tables[0].Table;
        var row = table.RowLabels.ToList().IndexOf("STEP indicateur 15");
        Assert.Equal("8 1 2 4", string.Join(" ", Enumerable.Range(0, 4).Select(c => table.Value(row, c))));
        Assert.DoesNotContain("Foyer fermé sans activité", table.RowLabels);
        var closedRow = table.RowLabels.ToList().IndexOf("Foyer fermé avec activité");
        Assert.Equal("4 0 1 0", string.Join(" ", Enumerable.Range(0, 4).Select(c => table.Value(closedRow, c))));
        Assert.StartsWith($"Le {today:dd/MM/yyyy}, 1 jeune est présent dans les lieux d'accueil, qui comptent 12 places ; 3 jeunes y ont été accueillis",
            indicator.Describe(Views(report, 15), 0), StringComparison.Ordinal);
    }

    /// <summary>
    /// 16. People trained. December 2020: A and B (établissement) and C (santé). March 2021: A again, now at
    /// the Métropole, and D (justice). September 2021: A (Métropole) and B (établissement) again. In 2021:
    /// A, B and D, three people (A once, at the Métropole, their last employer of the year); since December
    /// 2020: four. In 2020: A, B, C, and A still counted at the établissement.
    /// </summary>
    [Fact]
    public async Task People_trained_are_counted_once_by_employer_category_and_year_and_since_the_first_session()
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            var december = TrainingSession.Create(new DateOnly(2020, 12, 3), TrainingKind.Sensibilisation, "Éducateurs", "Coordination", "Lyon", 180, "test", now);
            var march = TrainingSession.Create(new DateOnly(2021, 3, 1), TrainingKind.Sensibilisation, "Éducateurs", "Coordination", "Lyon", 180, "test", now);
            var september = TrainingSession.Create(new DateOnly(2021, 9, 1), TrainingKind.Approfondissement, "Éducateurs", "Coordination", "Lyon", 360, "test", now);
            var a = TrainedPerson.Create("Anne", "Formée", "anne@indicateur.test", "Métropole de Lyon", EmployerCategory.Metropole, march.Date, now);
            var b = TrainedPerson.Create("Bruno", "Formé", "bruno@indicateur.test", "MECS", EmployerCategory.Etablissement, september.Date, now);
            var c = TrainedPerson.Create("Chloé", "Formée", null, "Hôpital", EmployerCategory.Sante, december.Date, now);
            var d = TrainedPerson.Create("David", "Formé", null, "Tribunal", EmployerCategory.Justice, march.Date, now);
            db.AddRange(december, march, september, a, b, c, d);
            db.AddRange(
                TrainingParticipation.Record(december.Id, a.Id, "MECS", EmployerCategory.Etablissement, "test", now),
                TrainingParticipation.Record(december.Id, b.Id, "MECS", EmployerCategory.Etablissement, "test", now),
                TrainingParticipation.Record(december.Id, c.Id, "Hôpital", EmployerCategory.Sante, "test", now),
                TrainingParticipation.Record(march.Id, a.Id, "Métropole de Lyon", EmployerCategory.Metropole, "test", now),
                TrainingParticipation.Record(march.Id, d.Id, "Tribunal", EmployerCategory.Justice, "test", now),
                TrainingParticipation.Record(september.Id, a.Id, "Métropole de Lyon", EmployerCategory.Metropole, "test", now),
                TrainingParticipation.Record(september.Id, b.Id, "MECS", EmployerCategory.Etablissement, "test", now));
            await db.SaveChangesAsync();
        });

        var year2021 = (await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2021))).Indicator(16);
        var year2020 = (await ObservatoryFixtures.ComputeAsync(factory, ObservatoryFilter.Year(2020))).Indicator(16);

        var byYear = year2021.Column(0);
        Assert.Equal(1, byYear["Métropole"]);
        Assert.Equal(1, byYear["Établissement"]);
        Assert.Equal(1, byYear["Justice"]);
        Assert.Equal(0, byYear["Santé"]);
        Assert.Equal(3, Total(year2021, 0));
        var since = year2021.Column(1);
        Assert.Equal(1, since["Métropole"]);
        Assert.Equal(1, since["Établissement"]);
        Assert.Equal(1, since["Santé"]);
        Assert.Equal(1, since["Justice"]);
        Assert.Equal(4, Total(year2021, 1));
        Assert.Equal("4 personnes différentes formées depuis décembre 2020.", year2021.Describe(Views(year2021), 0));

        Assert.Equal(2, year2020.Column(0)["Établissement"]);
        Assert.Equal(0, year2020.Column(0)["Métropole"]);
        Assert.Equal(3, Total(year2020, 1));
        Assert.Equal("3 personnes différentes formées depuis décembre 2020.", year2020.Describe(Views(year2020), 0));
    }

    [Fact]
    public void Day_numbers_follow_the_calendar()
    {
        var origin = new DateOnly(1990, 1, 1);
        var offset = DayNumber.Of(1990, 1, 1) - origin.DayNumber;
        for (var day = origin; day < new DateOnly(2031, 1, 1); day = day.AddDays(1))
        {
            Assert.Equal(day.DayNumber + offset, DayNumber.Of(day.Year, day.Month, day.Day));
        }
    }

    [Fact]
    public void Medians_of_grouped_values()
    {
        Assert.Null(Medians.Median([]));
        Assert.Equal(7.0, Medians.Median([(7, 1)]));
        Assert.Equal(2.0, Medians.Median([(1, 1), (2, 1), (9, 1)]));
        Assert.Equal(5.5, Medians.Median([(9, 1), (1, 1), (2, 0), (5, 1), (6, 1)])); // 1, 5, 6, 9
        Assert.Equal(3.0, Medians.Median([(3, 4), (100, 1)]));
    }

    /// <summary>
    /// The ASE survey beside indicator 1, with the Lyon orders of size: fewer than 20 situations in 2021, nearly 100 in
    /// 2022. Two services of the territory answer 7 + 11 = 18 (girls 2 + 3 = 5, boys 1 + 0 = 1) in 2021 and 45 + 52 = 97
    /// (girls 12 + 15 = 27, boys 3 + 4 = 7) in 2022. Left out: a service of another territory (50 in 2021), a draft
    /// answer (30 in 2022) and the 2023 campaign, still a draft. The observatory itself counts 2 then 3 new situations.
    /// </summary>
    [Fact]
    public async Task The_ASE_survey_trend_is_shown_beside_the_new_situations_of_indicator_1()
    {
        const string territory = "Enquête ASE";
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var first = Web.Features.Administration.Organisation.Create("ASE Nord", Web.Features.Administration.OrganisationKind.Ase, territory, null, null, now);
        var second = Web.Features.Administration.Organisation.Create("ASE Sud", Web.Features.Administration.OrganisationKind.Ase, territory, null, null, now);
        var elsewhere = Web.Features.Administration.Organisation.Create("ASE Ailleurs", Web.Features.Administration.OrganisationKind.Ase, "Ailleurs", null, null, now);
        await factory.WithDbAsync(async db =>
        {
            db.Organisations.AddRange(first, second, elsewhere);
            await db.SaveChangesAsync();
        });
        var services = new[] { first.Id, second.Id, elsewhere.Id };
        var y2021 = await Enquetes.SurveyFixtures.CampaignAsync(factory, 2021, services);
        var y2022 = await Enquetes.SurveyFixtures.CampaignAsync(factory, 2022, services);
        await Enquetes.SurveyFixtures.CampaignAsync(factory, 2023, services, open: false);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, y2021, first.Id, situations: 7, girls: 2, boys: 1);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, y2021, second.Id, situations: 11, girls: 3, boys: 0);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, y2021, elsewhere.Id, situations: 50, girls: 10, boys: 10);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, y2022, first.Id, situations: 45, girls: 12, boys: 3);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, y2022, second.Id, situations: 52, girls: 15, boys: 4);
        await Enquetes.SurveyFixtures.AnswerAsync(factory, y2022, elsewhere.Id, situations: 30, girls: 1, boys: 1, submit: false);
        await ObservatoryFixtures.AddAsync(factory, first.Id, territory,
        [
            new Minor("EnqueteA", new DateOnly(2006, 1, 1), new DateOnly(2021, 3, 1)),
            new Minor("EnqueteB", new DateOnly(2006, 2, 1), new DateOnly(2021, 9, 1)),
            new Minor("EnqueteC", new DateOnly(2007, 3, 1), new DateOnly(2022, 2, 1)),
            new Minor("EnqueteD", new DateOnly(2007, 4, 1), new DateOnly(2022, 5, 1)),
            new Minor("EnqueteE", new DateOnly(2007, 5, 1), new DateOnly(2022, 11, 1)),
        ]);

        var report = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31), territory, null));

        var indicator = report.Indicator(1);
        Assert.Equal(2, indicator.Tables.Count);
        var own = indicator.Tables[0].Table;
        Assert.Equal(2, own.Value(0, 3)); // 2021, all levels
        Assert.Equal(3, own.Value(1, 3)); // 2022
        var survey = indicator.Tables[1].Table;
        Assert.Equal(Observatory.SurveyTableTitle, survey.Title);
        Assert.Equal(["2021", "2022"], survey.RowLabels);
        Assert.Equal([18, 5, 1], Enumerable.Range(0, 3).Select(c => survey.Value(0, c)));
        Assert.Equal([97, 27, 7], Enumerable.Range(0, 3).Select(c => survey.Value(1, c)));
        Assert.Contains("2021 : 2 sur 2", indicator.Note, StringComparison.Ordinal);
        Assert.Equal("5 situations nouvelles sur la période (du 01/01/2021 au 31/12/2023, territoire : Enquête ASE). "
            + "Enquête auprès des services de l'ASE : 18 situations identifiées en 2021, 97 situations identifiées en 2022.",
            indicator.Describe(Views(report, 1), 0));

        // Leaving Vigie, the survey table is protected like the others: 1 boy in 2021 is hidden.
        var published = SmallCountProtection.Protect(survey, 5);
        Assert.Null(published.Value(0, 2));
        Assert.Equal(97, published.Value(1, 0));

        // Without a territory, the third service counts too (18 + 50 in 2021).
        var everywhere = await ObservatoryFixtures.ComputeAsync(factory, new ObservatoryFilter(new DateOnly(2021, 1, 1), new DateOnly(2022, 12, 31), null, null));
        Assert.Equal(68, everywhere.Indicator(1).Tables[1].Table.Value(0, 0));
    }

    private static List<ProtectedTable> Views(ObservatoryReport report, int number) => Views(report.Indicator(number));

    /// <summary>The total row of a one-column table.</summary>
    private static int Total(IndicatorResult indicator, int table) => indicator.Tables[table].Table.Value(indicator.Tables[table].Table.Rows, 0);

    private static List<ProtectedTable> Views(IndicatorResult indicator) => indicator.Tables.Select(t => ProtectedTable.Exact(t.Table)).ToList();
}
