using System.Globalization;
using System.Text;
using Vigie.Web.Features.Commission.Live;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Commission.Minutes;

/// <summary>
/// The draft of the minutes, written from what the session recorded: plain text with simple
/// headings (a line starting with "# " is a heading, "## " a sub-heading), which Coordination then
/// edits. The PDF reads the same headings.
/// </summary>
public static class MinutesDraft
{
    public const int MaxLength = 200_000;

    public static string Write(SessionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var session = record.Session;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Compte rendu de la séance n° {session.Number}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Date : {ParisTime.Format(session.StartsAt)}\n");
        text.Append(CultureInfo.InvariantCulture, $"Lieu : {session.Place ?? "non précisé"}\n");
        text.Append(CultureInfo.InvariantCulture, $"Séance : {CommissionLabels.Kind(session.Kind)}\n\n");

        text.Append("# Présences\n\n");
        if (record.Invitations.Count == 0)
        {
            text.Append("Aucune personne invitée.\n\n");
        }

        foreach (var institution in record.ByInstitution)
        {
            var present = institution.Count(i => i.Attendance == Attendance.Present);
            text.Append(CultureInfo.InvariantCulture, $"## {institution.Key} ({present} présent(s) sur {institution.Count()})\n");
            foreach (var person in institution)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {person.PersonName} ({CommissionLabels.Role(person.Role)}) : {CommissionLabels.Attendance(person.Attendance)}\n");
            }

            text.Append('\n');
        }

        text.Append("# Situations examinées\n\n");
        if (record.Items.Count == 0)
        {
            text.Append("Aucune situation à l'ordre du jour.\n\n");
        }

        foreach (var item in record.Items)
        {
            var marks = new List<string>();
            if (item.Urgent)
            {
                marks.Add("urgent");
            }

            if (item.Representation)
            {
                marks.Add("représentée");
            }

            text.Append(CultureInfo.InvariantCulture, $"## {item.Position}. {item.Title}{(marks.Count > 0 ? $" ({string.Join(", ", marks)})" : "")}\n\n");
            Block(text, "Informations partagées", item.Shared);
            Block(text, "Avis de la commission", item.Advice);
            text.Append("Décisions :\n");
            if (item.Decisions.Count == 0)
            {
                text.Append("- aucune\n");
            }

            foreach (var decision in item.Decisions)
            {
                var on = decision.RepresentOn is { } day ? $" le {Day(day)}" : string.Empty;
                var detail = decision.Detail is null ? string.Empty : $" : {decision.Detail}";
                text.Append(CultureInfo.InvariantCulture, $"- {CommissionLabels.Decision(decision.Kind)}{on}{detail}\n");
            }

            text.Append("\nActions :\n");
            if (item.Actions.Count == 0)
            {
                text.Append("- aucune\n");
            }

            foreach (var action in item.Actions)
            {
                var owner = action.OwnerName is null ? action.Organisation : $"{action.OwnerName} ({action.Organisation})";
                text.Append(CultureInfo.InvariantCulture, $"- {action.Description} — responsable : {owner} — échéance : {Day(action.DueOn)}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"\nDate de revoyure : {(item.ReviewOn is { } review ? Day(review) : "non fixée")}\n\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The text cut into headings (level 1 for "# ", 2 for "## ") and paragraphs (level 0: lines up to a blank one), for the page and the PDF.</summary>
    public static IReadOnlyList<(int Level, string Text)> Blocks(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blocks = new List<(int Level, string Text)>();
        var paragraph = new List<string>();
        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add((0, string.Join('\n', paragraph)));
                paragraph.Clear();
            }
        }

        foreach (var line in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var level = line.StartsWith("## ", StringComparison.Ordinal) ? 2 : line.StartsWith("# ", StringComparison.Ordinal) ? 1 : 0;
            if (level > 0)
            {
                Flush();
                blocks.Add((level, line[(level + 1)..].Trim()));
            }
            else if (line.Trim().Length == 0)
            {
                Flush();
            }
            else
            {
                paragraph.Add(line);
            }
        }

        Flush();
        return blocks;
    }

    private static void Block(StringBuilder text, string title, string? value)
    {
        text.Append(CultureInfo.InvariantCulture, $"{title} :\n{(string.IsNullOrWhiteSpace(value) ? "non renseigné" : value.Trim())}\n\n");
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
