namespace Vigie.Web.Features.Situations;

/// <summary>The tabs shown on every page of one situation (<c>_SituationNav</c>), with the active one.</summary>
public sealed record SituationNav(Guid Id, string Active)
{
    public const string Fiche = "fiche";
    public const string Trame = "trame";
    public const string Evaluations = "evaluations";
    public const string Etapes = "etapes";
    public const string Signalements = "signalements";
    public const string Partage = "partage";
    public const string Chronologie = "chronologie";
    public const string Commission = "commission";
    public const string Orientations = "orientations";

    public static IEnumerable<(string Key, string Label, string Href)> Tabs(Guid id)
    {
        yield return (Fiche, "Fiche", $"/situations/{id}");
        yield return (Trame, "Trame d'évaluation", $"/situations/{id}/trame");
        yield return (Evaluations, "Évaluations validées", $"/situations/{id}/evaluations");
        yield return (Etapes, "Étapes et échéances", $"/situations/{id}/etapes");
        yield return (Signalements, "Signalements", $"/situations/{id}/signalements");
        yield return (Partage, "Partage", $"/situations/{id}/partage");
        yield return (Commission, "Commission", $"/situations/{id}/commission");
        yield return (Orientations, "Orientations", $"/situations/{id}/orientations");
        yield return (Chronologie, "Chronologie", $"/situations/{id}/chronologie");
    }
}
