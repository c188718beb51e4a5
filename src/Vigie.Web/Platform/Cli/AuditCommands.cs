using System.Diagnostics;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Platform.Cli;

public static class AuditCommands
{
    /// <summary>Exit code 0 when the chain is whole, 2 when an entry is altered or missing.</summary>
    public static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output)
    {
        var verifier = services.GetRequiredService<AuditVerifier>();
        var watch = Stopwatch.StartNew();
        var result = await verifier.VerifyAsync();
        watch.Stop();
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Journal d'audit intact : {result.EntriesChecked} entrées vérifiées en {watch.Elapsed.TotalSeconds:0.00} s.");
            return 0;
        }

        await output.WriteLineAsync($"Journal d'audit ROMPU : {result.Problem}. Première entrée en cause : n° {result.FirstBrokenSequence} ({result.EntriesChecked} entrées intactes avant elle).");
        return 2;
    }
}
