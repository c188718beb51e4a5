using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace Vigie.Web.Platform.Charts;

/// <summary>
/// DejaVu Sans for every text of a chart: the faces embedded for the PDF files (Platform/Pdf/Fonts),
/// handed to ScottPlot through a font resolver, so that a chart is measured and drawn the same on every
/// server whatever fonts it has installed. ScottPlot's resolver list is a plain static list read on
/// every typeface lookup: <see cref="EnsureRegistered"/> changes it once, under a lock, before any
/// chart is drawn, and every entry point of <see cref="StatCharts"/> calls it first.
/// </summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();
    private static volatile bool _registered;

    public static SKTypeface Regular { get; } = Load("DejaVuSans");

    public static SKTypeface Bold { get; } = Load("DejaVuSans-Bold");

    public static void EnsureRegistered()
    {
        if (_registered)
        {
            return;
        }

        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            Fonts.FontResolvers.Insert(0, new Resolver());
            Fonts.Default = Family;
            Fonts.Sans = Family;
            _registered = true;
        }
    }

    /// <summary>The width of <paramref name="text"/> in logical pixels, as ScottPlot will draw it.</summary>
    public static float Measure(string text, float size, bool bold = false)
    {
        using var font = new SKFont(bold ? Bold : Regular, size);
        return font.MeasureText(text);
    }

    private static SKTypeface Load(string face)
    {
        var name = $"Vigie.Web.Platform.Pdf.Fonts.{face}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {name} could not be read.");
    }

    /// <summary>Only DejaVu Sans is answered; any other name falls through to ScottPlot's own resolvers.</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold : Regular) : null;
    }
}
