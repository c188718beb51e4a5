using BenchmarkDotNet.Attributes;
using Vigie.Web.Features.Signalements.Documents;

namespace Vigie.Bench;

/// <summary>
/// Times <see cref="SignalementPdf.Render"/> on a typical signalement (about two pages) and on a
/// ten-page one, fonts already loaded (the first render of the process pays for reading DejaVu Sans
/// from the assembly, once).
/// </summary>
public class SignalementPdfBenchmarks
{
    public const string Watermark = "Téléchargé par Camille EXEMPLE le 29/11/2026 à 11:30";

    private readonly PdfRenderOptions _options = new(SignalementSamples.CreatedAt);
    private SignalementDocument _typical = null!;
    private SignalementDocument _long = null!;

    [GlobalSetup]
    public void Setup()
    {
        _typical = SignalementSamples.Typical();
        _long = SignalementSamples.TenPages();
    }

    [Benchmark(Baseline = true, Description = "Typical signalement (2 pages)")]
    public int Typical() => SignalementPdf.Render(_typical, _options).Length;

    [Benchmark(Description = "Ten-page signalement")]
    public int TenPages() => SignalementPdf.Render(_long, _options).Length;

    [Benchmark(Description = "Ten-page signalement, watermarked")]
    public int TenPagesWatermarked() =>
        SignalementPdf.Render(_long, _options with { Watermark = Watermark }).Length;
}
