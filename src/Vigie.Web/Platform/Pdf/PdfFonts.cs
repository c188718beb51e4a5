using System.Reflection;
using PdfSharp.Fonts;

namespace Vigie.Web.Platform.Pdf;

/// <summary>
/// The one font of Vigie's PDF files: DejaVu Sans, embedded in this assembly (Fonts/, licence beside
/// it), so that a PDF looks the same on every server whatever fonts it has. PDFsharp finds no font on
/// Linux by itself ("No appropriate font found") and accepts one resolver per process, set before
/// any font is used: <see cref="EnsureRegistered"/> sets it once, and any later call is a no-op, from
/// any thread (tests render in parallel in one process).
/// </summary>
public static class PdfFonts
{
    /// <summary>The family name every <see cref="PdfSharp.Drawing.XFont"/> of Vigie uses.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly DejaVuFontResolver Resolver = new();
    private static readonly Lock Gate = new();
    private static volatile bool _registered;

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

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = Resolver;
            }
            else if (current is not DejaVuFontResolver)
            {
                throw new InvalidOperationException(
                    $"Another PDFsharp font resolver ({current.GetType().FullName}) is registered: Vigie's PDF files need {nameof(PdfFonts)}' own.");
            }

            _registered = true;
        }
    }

    /// <summary>
    /// Every family name resolves to DejaVu Sans (only one is shipped); bold and italic pick the
    /// matching face, so PDFsharp never has to simulate a style.
    /// </summary>
    private sealed class DejaVuFontResolver : IFontResolver
    {
        private const string Regular = "DejaVuSans";
        private const string Bold = "DejaVuSans-Bold";
        private const string Oblique = "DejaVuSans-Oblique";
        private const string BoldOblique = "DejaVuSans-BoldOblique";

        private static readonly Dictionary<string, Lazy<byte[]>> Faces = new(StringComparer.Ordinal)
        {
            [Regular] = Load(Regular),
            [Bold] = Load(Bold),
            [Oblique] = Load(Oblique),
            [BoldOblique] = Load(BoldOblique),
        };

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new((bold, italic) switch
            {
                (true, true) => BoldOblique,
                (true, false) => Bold,
                (false, true) => Oblique,
                _ => Regular,
            });

        public byte[]? GetFont(string faceName) =>
            Faces.TryGetValue(faceName, out var face) ? face.Value : null;

        private static Lazy<byte[]> Load(string face) => new(() =>
        {
            var name = $"Vigie.Web.Platform.Pdf.Fonts.{face}.ttf";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The embedded font {name} is missing from the assembly.");
            using var copy = new MemoryStream(checked((int)stream.Length));
            stream.CopyTo(copy);
            return copy.ToArray();
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }
}
