using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>One field to render in a form, with the section's current values.</summary>
public sealed record TrameInputView(TrameField Field, IReadOnlyDictionary<string, string> Values)
{
    public string Value(TrameCell cell) => Values.TryGetValue(cell.Key, out var v) ? v : string.Empty;
}

/// <summary>Reads a section's values from a posted form, and puts the checks' messages beside the fields.</summary>
public static class TrameForm
{
    /// <summary>The values exactly as typed (line breaks normalised), for every cell of the section; other posted keys are ignored.</summary>
    public static Dictionary<string, string> Read(TrameSection section, IFormCollection form)
    {
        var values = new Dictionary<string, string>();
        foreach (var cell in section.Cells)
        {
            var posted = form[cell.InputName];
            var value = cell.Field.Kind == FieldKind.MultiChoice && cell.Part == CellPart.Value
                ? string.Join(",", posted.Where(v => !string.IsNullOrWhiteSpace(v)))
                : posted.ToString();
            if (value.Length > 0)
            {
                values[cell.Key] = value.Replace("\r\n", "\n", StringComparison.Ordinal);
            }
        }

        return values;
    }

    /// <summary>The cells whose value is beyond what a draft may keep (<see cref="TrameSchema.HardCap"/>).</summary>
    public static IEnumerable<TrameCell> OverHardCap(TrameSection section, IReadOnlyDictionary<string, string> values) =>
        section.Cells.Where(c => values.TryGetValue(c.Key, out var v) && v.Length > TrameSchema.HardCap);

    public static void Show(ModelStateDictionary modelState, IEnumerable<TrameError> errors)
    {
        foreach (var error in errors)
        {
            modelState.AddModelError(error.Cell.Key, error.Message);
        }
    }
}
