using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// The <see cref="Situations.SituationEvent"/> kinds of the signalements module (detail: the
/// signalement's id); <see cref="SignalementTimelineSource"/> tells them on the timeline.
/// </summary>
public static class SignalementEvents
{
    public const string Prefix = "signalement-";
    public const string Drafted = "signalement-redige";
    public const string Validated = "signalement-valide";
    public const string Sent = "signalement-envoye";
    public const string Accepted = "signalement-effectue";
    public const string Failed = "signalement-echec";
    public const string Uncertain = "signalement-a-verifier";
    public const string ParquetReference = "signalement-reference";
    public const string Resolved = "signalement-resolu";

    public static readonly string[] All = [Drafted, Validated, Sent, Accepted, Failed, Uncertain, ParquetReference, Resolved];
}

/// <summary>French words for a signalement's kind and status.</summary>
public static class SignalementLabels
{
    public static string Kind(SignalementKind kind) =>
        kind == SignalementKind.Signalement ? "Signalement au parquet des mineurs" : "Information préoccupante à la CRIP";

    public static string ShortKind(SignalementKind kind) =>
        kind == SignalementKind.Signalement ? "Signalement" : "Information préoccupante";

    /// <summary>The status in words: brouillon, en cours d'envoi, effectué le …, échec, à vérifier.</summary>
    public static string Status(SignalementStatus status, DateTime? acceptedAt) => status switch
    {
        SignalementStatus.Brouillon => "Brouillon",
        SignalementStatus.EnEnvoi => "En cours d'envoi",
        SignalementStatus.Effectue => acceptedAt is { } at ? $"Effectué le {ParisTime.Format(at)}" : "Effectué",
        SignalementStatus.Echec => "Échec de l'envoi",
        SignalementStatus.AVerifier => "À vérifier",
        _ => status.ToString(),
    };

    /// <summary>The badge class of a status (the words say it too).</summary>
    public static string Badge(SignalementStatus status) => status switch
    {
        SignalementStatus.Effectue => "badge--success",
        SignalementStatus.Echec or SignalementStatus.AVerifier => "badge--denied",
        _ => "badge--failure",
    };
}
