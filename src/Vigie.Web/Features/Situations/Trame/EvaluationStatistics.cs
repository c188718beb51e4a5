using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>Settings of the trame (<c>Vigie:Trame</c>).</summary>
public sealed class TrameOptions
{
    public const string Section = "Vigie:Trame";

    /// <summary>Runaways in the last 12 months from which a minor is a "poly-fugueur" (DOMAIN.md §1.5).</summary>
    [Range(2, 100)]
    public int PolyRunawayThreshold { get; set; } = 3;
}

/// <summary>
/// The statistical variables of an evaluation (DOMAIN.md §6), read from the validated values into
/// the clear columns the observatory aggregates. Never a score: each column is one answer of the trame.
/// </summary>
public static class EvaluationStatistics
{
    public static void Fill(Evaluation evaluation, TrameState state, int polyRunawayThreshold)
    {
        var administrative = state.Section(TrameSchema.Administratif);
        var family = state.Section(TrameSchema.Famille);
        var detection = state.Section(TrameSchema.Reperage);
        var indicators = state.Section(TrameSchema.Indicateurs);
        var qualification = state.Section(TrameSchema.Qualification);

        evaluation.Level = Choice(qualification, "niveau") switch
        {
            "en_risque" => QualificationLevel.EnRisque,
            "averee" => QualificationLevel.Averee,
            _ => null,
        };
        evaluation.DetectedOn = TrameValidator.TryParseDate(Choice(detection, "date_reperage"), out var detectedOn) ? detectedOn : null;
        evaluation.DetectionSource = Choice(detection, "source");
        evaluation.FamilyStructure = Choice(family, "structure_familiale");
        evaluation.PhysicalViolence = Choice(family, "violences_physiques");
        evaluation.SexualViolence = Choice(family, "violences_sexuelles");
        evaluation.SiblingRank = Choice(family, "rang") == "rang_n" && TrameValidator.Number(family, "rang_n") is { } rank
            ? $"rang_{rank}"
            : Choice(family, "rang");
        evaluation.RunawaysLast12Months = TrameValidator.Number(indicators, "fugues_12_mois");
        evaluation.PolyRunaway = IsPolyRunaway(evaluation.RunawaysLast12Months, polyRunawayThreshold);
        evaluation.Proxenetisme = YesNo(qualification, "proxenetisme");
        evaluation.Rabattage = YesNo(qualification, "rabattage");
        evaluation.Protection = Choice(administrative, "protection");
        evaluation.Schooling = Choice(administrative, "scolarite");
        evaluation.LivingPlace = Choice(administrative, "lieu_de_vie");
        evaluation.UnaccompaniedMinor = YesNo(administrative, "mineur_non_accompagne");
    }

    /// <summary>Poly-fugue is information derived from the count and the setting; null when the count is not known.</summary>
    public static bool? IsPolyRunaway(int? runawaysLast12Months, int threshold) =>
        runawaysLast12Months is { } count ? count >= threshold : null;

    private static string? Choice(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && v.Trim().Length > 0 ? v.Trim() : null;

    private static bool? YesNo(IReadOnlyDictionary<string, string> values, string key) => Choice(values, key) switch
    {
        "oui" => true,
        "non" => false,
        _ => null,
    };
}
