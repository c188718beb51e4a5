using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// The first text of each section, taken from a validated evaluation (pure: values in, texts out).
/// Labels are the trame's; values are shown as the evaluation page shows them; free texts are
/// copied verbatim (the minor's words above all).
/// </summary>
public static class SignalementPrefill
{
    /// <summary>Measures of trame §1 decided by a judge: the juge des enfants is then a recipient too.</summary>
    public static readonly IReadOnlySet<string> JudicialMeasures =
        new HashSet<string>(StringComparer.Ordinal) { "placement_opp", "placement_jugement", "aemo", "aemo_h", "pjj_civile", "pjj_penale" };

    private static readonly string[] ParentParts = ["nom", "lien", "adresse", "telephone"];

    public static bool HasJudicialMeasure(IReadOnlyDictionary<string, Dictionary<string, string>> sections) =>
        Value(sections, TrameSchema.Administratif, "protection") is { } protection && JudicialMeasures.Contains(protection.Trim());

    public static SignalementContent From(IReadOnlyDictionary<string, Dictionary<string, string>> sections)
    {
        var content = new SignalementContent();
        content[SignalementContent.Faits] = Join(
            Lines(sections, TrameSchema.Reperage, "date_reperage", "source", "source_organisation", "faits_date", "faits_lieu"),
            Value(sections, TrameSchema.Reperage, "faits"));
        content[SignalementContent.Parole] = Value(sections, TrameSchema.Reperage, "parole") ?? string.Empty;
        content[SignalementContent.Indicateurs] = Indicators(sections);
        content[SignalementContent.Famille] = Join(
            Lines(sections, TrameSchema.Famille, "structure_familiale", "fratrie_nombre", "rang", "rang_n", "violences_physiques", "violences_sexuelles"),
            Parents(sections),
            Lines(sections, TrameSchema.Famille, "parents_informes_date", "parents_non_informes_motif"));
        content[SignalementContent.Actions] = ActionsTaken(sections);
        content[SignalementContent.Analyse] = Join(
            Lines(sections, TrameSchema.Qualification, "niveau", "proxenetisme", "rabattage", "emprise", "carence_soins"),
            Value(sections, TrameSchema.Analyse, "analyse"),
            Value(sections, TrameSchema.Reperage, "hypotheses") is { } hypotheses ? $"Hypothèses : {hypotheses}" : null);
        content[SignalementContent.Mesures] = Join(
            Lines(sections, TrameSchema.Analyse, "mesures"),
            Value(sections, TrameSchema.Analyse, "mesures_precision"));
        return content;
    }

    /// <summary>Every indicator suspecté or avéré, with its level, the date first seen and the comment.</summary>
    private static string Indicators(IReadOnlyDictionary<string, Dictionary<string, string>> sections)
    {
        var section = TrameSchema.Find(TrameSchema.Indicateurs)!;
        var lines = new List<string>();
        foreach (var field in section.Fields)
        {
            if (field.Kind != FieldKind.Indicator)
            {
                if (Line(sections, section, field) is { } count)
                {
                    lines.Add(count);
                }

                continue;
            }

            var level = Value(sections, section.Key, field.Key);
            if (level is not ("suspecte" or "avere"))
            {
                continue;
            }

            var line = $"{field.Label} : {field.OptionLabel(level)}";
            var cells = field.Cells.ToList();
            if (Value(sections, section.Key, cells[1].Key) is { } date)
            {
                line += $", observé pour la première fois le {TrameDisplay.Text(cells[1], date)}";
            }

            if (Value(sections, section.Key, cells[2].Key) is { } comment)
            {
                line += $" — {comment}";
            }

            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    private static string? Parents(IReadOnlyDictionary<string, Dictionary<string, string>> sections)
    {
        var section = TrameSchema.Find(TrameSchema.Administratif)!;
        var blocks = new List<string>();
        for (var n = 1; n <= TrameSchema.ParentSlots; n++)
        {
            var parts = ParentParts
                .Select(p => section.Field($"titulaire{n}_{p}"))
                .OfType<TrameField>()
                .Select(f => Value(sections, section.Key, f.Key) is { } raw ? $"{f.Label} : {TrameDisplay.Text(f.Cells.First(), raw)}" : null)
                .OfType<string>()
                .ToList();
            if (parts.Count > 0)
            {
                blocks.Add($"Titulaire de l'autorité parentale {n} — {string.Join(" ; ", parts)}");
            }
        }

        return blocks.Count == 0 ? null : string.Join('\n', blocks);
    }

    private static string ActionsTaken(IReadOnlyDictionary<string, Dictionary<string, string>> sections)
    {
        var section = TrameSchema.Find(TrameSchema.Actions)!;
        var lines = new List<string>();
        foreach (var (key, label, _) in TrameSchema.ActionKinds)
        {
            var dateField = section.Field($"action_{key}_date")!;
            var date = Value(sections, section.Key, dateField.Key);
            var precision = Value(sections, section.Key, $"action_{key}_precision");
            if (date is null && precision is null)
            {
                continue;
            }

            var line = label;
            if (date is not null)
            {
                line += $", le {TrameDisplay.Text(dateField.Cells.First(), date)}";
            }

            if (precision is not null)
            {
                line += $" : {precision}";
            }

            lines.Add(line);
        }

        return string.Join('\n', lines);
    }

    private static string? Lines(IReadOnlyDictionary<string, Dictionary<string, string>> sections, string sectionKey, params string[] fields)
    {
        var section = TrameSchema.Find(sectionKey)!;
        var lines = fields.Select(section.Field).OfType<TrameField>().Select(f => Line(sections, section, f)).OfType<string>().ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string? Line(IReadOnlyDictionary<string, Dictionary<string, string>> sections, TrameSection section, TrameField field) =>
        Value(sections, section.Key, field.Key) is { } raw ? $"{field.Label} : {TrameDisplay.Text(field.Cells.First(), raw)}" : null;

    private static string? Value(IReadOnlyDictionary<string, Dictionary<string, string>> sections, string section, string key) =>
        sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    private static string Join(params string?[] blocks) =>
        string.Join("\n\n", blocks.Where(b => !string.IsNullOrWhiteSpace(b)));
}
