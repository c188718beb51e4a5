using System.Globalization;
using Vigie.Web.Platform.Charts;
using Vigie.Web.Platform.Pdf;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Web.Features.Observatoire;

/// <summary>
/// The observatory's yearly report as a PDF: a cover, the contents with page numbers, each indicator
/// with its sentence in plain French, its chart (PNG) and its table, then the methodology and the data
/// completeness. Every table is protected: the report leaves Vigie. Laid out twice, the first pass
/// only to learn on which page each section starts.
/// </summary>
public static class YearlyReport
{
    private static readonly PdfTextStyle Cover = new(26, Bold: true);
    private static readonly PdfTextStyle Subtitle = new(14, Grey: 60);
    private static readonly PdfTextStyle H1 = new(16, Bold: true);
    private static readonly PdfTextStyle H2 = new(12, Bold: true);
    private static readonly PdfTextStyle Body = new(10);
    private static readonly PdfTextStyle Small = new(8.5, Grey: 70);
    private static readonly PdfTextStyle Cell = new(8.5);
    private static readonly PdfTextStyle CellBold = new(8.5, Bold: true);

    public static byte[] Render(ObservatoryReport report, int threshold, DateTime generatedAt, string organisation)
    {
        var views = report.Indicators.Select(i => i.Tables.Select(t => SmallCountProtection.Protect(t.Table, threshold)).ToList()).ToList();
        var charts = new Dictionary<(int, int), byte[]>();
        for (var i = 0; i < report.Indicators.Count; i++)
        {
            for (var t = 0; t < report.Indicators[i].Tables.Count; t++)
            {
                if (report.Indicators[i].Tables[t].Chart is { } kind)
                {
                    charts[(i, t)] = StatCharts.Png(views[i][t], kind, report.Indicators[i].Tables[t].Table.Title, 1600, 800);
                }
            }
        }

        IReadOnlyDictionary<string, int> pages = new Dictionary<string, int>();
        for (var pass = 0; pass < 2; pass++)
        {
            using var document = new PdfFlowDocument(PdfPageSetup.A4);
            Write(document, report, views, charts, threshold, generatedAt, organisation, pages);
            var title = $"Observatoire — rapport {Period(report.Filter)}";
            var pdf = document.Render(
                new PdfProperties(title, organisation, new DateTimeOffset(DateTime.SpecifyKind(generatedAt, DateTimeKind.Utc)), "Protection de l'enfance — prostitution des mineurs"),
                new PdfPageMarks($"{organisation} — {title}", (n, total) => $"page {n} / {total}"));
            if (pass == 1)
            {
                return pdf;
            }

            pages = document.AnchorPages.ToDictionary(p => p.Key, p => p.Value);
        }

        throw new InvalidOperationException("Unreachable.");
    }

    private static string Period(ObservatoryFilter filter) => filter.IsWholeYear ? filter.From.Year.ToString(CultureInfo.InvariantCulture) : filter.Describe();

    private static void Write(PdfFlowDocument doc, ObservatoryReport report, List<List<ProtectedTable>> views, Dictionary<(int, int), byte[]> charts,
        int threshold, DateTime generatedAt, string organisation, IReadOnlyDictionary<string, int> pages)
    {
        var filter = report.Filter;
        var french = CultureInfo.GetCultureInfo("fr-FR");

        // Cover.
        doc.Space(170);
        doc.Paragraph("Observatoire", Subtitle);
        doc.Space(6);
        doc.Paragraph($"Rapport annuel {Period(filter)}", Cover);
        doc.Space(10);
        doc.Paragraph("Mineurs victimes de prostitution ou en risque de l'être", Subtitle);
        doc.Space(40);
        doc.Paragraph(organisation, Body);
        doc.Paragraph($"Champ : {filter.Describe()}.", Body);
        doc.Paragraph($"{report.Population.ToString("N0", french)} situations, une par mineur.", Body);
        doc.Paragraph($"Produit par Vigie le {Platform.Web.ParisTime.Format(generatedAt)}.", Body);
        doc.Space(30);
        doc.Paragraph($"Les effectifs de 1 à {threshold - 1} sont masqués (« < {threshold} »), ainsi que les cases qui permettraient de les retrouver par différence (« s »). Aucune donnée ne permet d'identifier un mineur.", Small);

        // Contents.
        doc.PageBreak();
        doc.Heading("Sommaire", H1);
        doc.Space(6);
        var entries = report.Indicators.Select(i => ($"indicateur-{i.Number}", $"{i.Number}. {i.Title}"))
            .Append(("methodologie", "Méthodologie")).ToList();
        foreach (var (anchor, title) in entries)
        {
            var page = pages.TryGetValue(anchor, out var p) ? p.ToString(CultureInfo.InvariantCulture) : "…";
            doc.Columns([new PdfColumn(0, doc.ContentWidth - 40, [new PdfSpan(title, Body)]), new PdfColumn(doc.ContentWidth - 40, 40, [new PdfSpan(page, Body, PdfAlign.Right)])]);
        }

        // Indicators, each starting on a new page.
        for (var i = 0; i < report.Indicators.Count; i++)
        {
            var indicator = report.Indicators[i];
            doc.PageBreak();
            doc.Anchor($"indicateur-{indicator.Number}");
            doc.Heading($"{indicator.Number}. {indicator.Title}", H1);
            doc.Space(4);
            if (indicator.Describe(views[i], threshold) is { } sentence)
            {
                doc.Paragraph(sentence, Body);
                doc.Space(4);
            }

            foreach (var figure in indicator.Figures)
            {
                doc.Paragraph($"{figure.Label} : {figure.Display(threshold)} ({figure.Population.ToString("N0", french)} situations).", Body);
            }

            for (var t = 0; t < indicator.Tables.Count; t++)
            {
                if (charts.TryGetValue((i, t), out var png))
                {
                    doc.Space(8);
                    var width = doc.ContentWidth;
                    doc.Image(png, width, width / 2);
                }

                doc.Space(8);
                Table(doc, views[i][t]);
            }

            if (indicator.Note is { } note)
            {
                doc.Space(6);
                doc.Paragraph(note, Small);
            }
        }

        // Methodology.
        doc.PageBreak();
        doc.Anchor("methodologie");
        doc.Heading("Méthodologie", H1);
        string[] method =
        [
            "Population. Chaque mineur compte une fois : parmi les situations d'un même mineur (même identité chiffrée), seule la première est retenue. Une situation est comptée à la date de repérage de son évaluation en cours, à défaut au jour de son ouverture.",
            "Variables. Les indicateurs lisent les réponses de l'évaluation validée la plus récente de chaque situation (trame d'évaluation). Une situation sans évaluation validée compte dans les effectifs mais ne renseigne aucune variable (« Non renseigné », « Non évaluée »).",
            "Âges. Le jour de naissance étant chiffré, l'âge au repérage est calculé en mois entre le mois de naissance et le mois du repérage. L'âge médian est donné en années, à une décimale.",
            "Signalements et suites. Une situation compte une fois par démarche (signalement au parquet, information préoccupante, OPP, saisine du juge des enfants), quelle qu'en soit la date. Le délai médian va du repérage au premier signalement, en jours.",
            "Commission et équipe mobile. Toutes les situations présentées sur la période ; les filtres de territoire et de niveau ne s'y appliquent pas. La file active est celle du jour où le rapport est produit.",
            $"Protection des petits effectifs. Toute case de 1 à {threshold - 1} est masquée (« < {threshold} »), y compris les totaux ; d'autres cases sont masquées (« s ») jusqu'à ce qu'aucune case masquée ne puisse être recalculée à partir des totaux publiés, ni enfermée entre les bornes connues. Un zéro est publié. Une médiane calculée sur moins de {threshold} situations n'est pas publiée.",
            "Reproductibilité. Les chiffres sont calculés par la base de données au moment où le rapport est produit ; le même filtre donne les mêmes chiffres tant que les données ne changent pas.",
        ];
        foreach (var paragraph in method)
        {
            doc.Space(6);
            doc.Paragraph(paragraph, Body);
        }
    }

    /// <summary>A protected table: labels on the left, one right-aligned column per count, the total row in bold under a rule.</summary>
    private static void Table(PdfFlowDocument doc, ProtectedTable view)
    {
        var table = view.Table;
        var columns = table.ExtendedColumns;
        // Count columns 40 to 80 points wide (a two-word header wraps at its space), labels take the rest up to 45 %.
        var columnWidth = Math.Clamp((doc.ContentWidth - 150) / columns, 40, 80);
        var labelWidth = Math.Min(doc.ContentWidth * 0.45, doc.ContentWidth - (columns * columnWidth));
        var width = labelWidth + (columns * columnWidth);
        PdfColumn Label(string text, PdfTextStyle style) => new(0, labelWidth - 6, [new PdfSpan(text, style)]);
        PdfColumn Number(int c, string text, PdfTextStyle style) => new(labelWidth + (c * columnWidth), columnWidth - 4, [new PdfSpan(text, style, PdfAlign.Right)]);

        doc.KeepTogether(() =>
        {
            doc.Paragraph(table.Title, CellBold);
            var header = new List<PdfColumn> { Label(table.RowHeader, CellBold) };
            header.AddRange(table.ColumnLabels.Select((l, c) => Number(c, l, CellBold)));
            if (table.HasRowTotals)
            {
                header.Add(Number(table.Columns, "Total", CellBold));
            }

            doc.Columns(header);
            doc.Rule(0, width, 4, 0.6);
        });
        for (var r = 0; r < table.ExtendedRows; r++)
        {
            var total = table.IsTotalRow(r);
            if (total)
            {
                doc.Rule(0, width, 4, 0.6);
            }

            var style = total ? CellBold : Cell;
            var row = new List<PdfColumn> { Label(total ? "Total" : table.RowLabels[r], style) };
            for (var c = 0; c < table.ExtendedColumns; c++)
            {
                row.Add(Number(c, view.Display(r, c), table.IsTotalColumn(c) ? CellBold : style));
            }

            doc.Columns(row);
        }
    }
}
