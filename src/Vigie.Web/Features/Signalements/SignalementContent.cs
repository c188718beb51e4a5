using System.Text.Json;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Signalements;

/// <summary>One drafted section: its key in the content, its title on the page and in the PDF.</summary>
public sealed record SignalementSectionDefinition(string Key, string Title, string Hint);

/// <summary>
/// The drafted text of a signalement, one text per section, kept as one JSON document encrypted
/// with <see cref="Signalement.ContentPurpose"/>. Every section is free text, pre-filled from the
/// evaluation and editable; Vigie never rewrites what the authors typed.
/// </summary>
public sealed class SignalementContent
{
    /// <summary>Longest accepted text of one section.</summary>
    public const int MaxLength = 100_000;

    public const string Faits = "faits";
    public const string Parole = "parole";
    public const string Indicateurs = "indicateurs";
    public const string Famille = "famille";
    public const string Actions = "actions";
    public const string Analyse = "analyse";
    public const string Mesures = "mesures";

    public static readonly IReadOnlyList<SignalementSectionDefinition> Sections =
    [
        new(Faits, "Faits", "Uniquement des faits : qui a vu ou entendu quoi, quand et où."),
        new(Parole, "Parole du mineur", "Les mots du mineur, tels qu'il les a dits, entre guillemets."),
        new(Indicateurs, "Indicateurs observés", "Chaque indicateur suspecté ou avéré, avec sa date et son commentaire."),
        new(Famille, "Situation familiale", "Titulaires de l'autorité parentale, fratrie, violences intrafamiliales, information des parents."),
        new(Actions, "Actions déjà engagées", "Avec leurs dates."),
        new(Analyse, "Analyse", "L'appréciation des auteurs ; les hypothèses, distinctes des faits."),
        new(Mesures, "Mesures demandées", "Ce que les auteurs demandent au destinataire."),
    ];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public Dictionary<string, string> Texts { get; set; } = [];

    public string this[string key]
    {
        get => Texts.TryGetValue(key, out var text) ? text : string.Empty;
        set => Texts[key] = value;
    }

    public string Encrypt(FieldCipher cipher) => cipher.Encrypt(JsonSerializer.Serialize(this, Json), Signalement.ContentPurpose);

    public static SignalementContent Decrypt(FieldCipher cipher, string encrypted) =>
        string.IsNullOrEmpty(encrypted) ? new SignalementContent()
            : JsonSerializer.Deserialize<SignalementContent>(cipher.Decrypt(encrypted, Signalement.ContentPurpose), Json) ?? new SignalementContent();

    /// <summary>Whether two contents hold the same texts (an unchanged save keeps the validations).</summary>
    public bool SameAs(SignalementContent other) =>
        Sections.All(s => string.Equals(Normalise(this[s.Key]), Normalise(other[s.Key]), StringComparison.Ordinal));

    /// <summary>Browsers post line breaks as CRLF: compare and store them as LF.</summary>
    public static string Normalise(string? text) => (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}

/// <summary>A recipient chosen from the settings when the draft was created; <see cref="Copy"/>: in Cc.</summary>
public sealed record SignalementRecipient(RecipientRole Role, string Name, string Email, IReadOnlyList<string> AddressLines, bool Copy)
{
    private static readonly JsonSerializerOptions Json = new();

    public static string ToJson(IReadOnlyList<SignalementRecipient> recipients) => JsonSerializer.Serialize(recipients, Json);

    public static IReadOnlyList<SignalementRecipient> FromJson(string json) =>
        JsonSerializer.Deserialize<List<SignalementRecipient>>(json, Json) ?? [];

    /// <summary>
    /// A signalement goes to the parquet des mineurs (and the juge des enfants when a judicial
    /// measure runs), the CRIP in copy; an information préoccupante goes to the CRIP alone.
    /// </summary>
    public static IReadOnlyList<SignalementRecipient> Choose(SignalementKind kind, RecipientsEntry entry, bool judicialMeasure)
    {
        if (kind == SignalementKind.InformationPreoccupante)
        {
            return [Of(RecipientRole.Crip, entry.Crip, copy: false)];
        }

        var list = new List<SignalementRecipient> { Of(RecipientRole.ParquetDesMineurs, entry.Parquet, copy: false) };
        if (judicialMeasure && entry.JugeDesEnfants is { } judge)
        {
            list.Add(Of(RecipientRole.JugeDesEnfants, judge, copy: false));
        }

        list.Add(Of(RecipientRole.Crip, entry.Crip, copy: true));
        return list;
    }

    public string RoleLabel => Role switch
    {
        RecipientRole.ParquetDesMineurs => "Parquet des mineurs",
        RecipientRole.JugeDesEnfants => "Juge des enfants",
        _ => "CRIP",
    };

    private static SignalementRecipient Of(RecipientRole role, RecipientOptions options, bool copy) =>
        new(role, options.Name.Trim(), options.Email.Trim(), [.. options.AddressLines], copy);
}
