using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Protection;

/// <summary>The operator's command, run as a separate process exactly as documented.</summary>
public sealed class AuditCommandTests
{
    private static async Task<(int Code, string Output)> RunVigieAsync(VigieFactory factory, params string[] args)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd('/'))!);
        var webDll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Vigie.Web", "bin", configuration, "net10.0", "Vigie.Web.dll"));
        Assert.True(File.Exists(webDll), webDll);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(webDll)! };
        start.ArgumentList.Add(webDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Vigie__Database__Provider"] = TestDatabase.Provider;
        start.Environment["Vigie__Database__ConnectionString"] = factory.Database.ConnectionString;
        start.Environment["Vigie__Keys__Folder"] = factory.Database.KeysFolder;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    [Fact]
    public async Task Audit_verify_command_exits_0_on_a_whole_chain_and_2_naming_the_altered_entry()
    {
        using var factory = new VigieFactory();
        var writer = factory.Services.GetRequiredService<AuditChainWriter>();
        for (var i = 0; i < 12; i++)
        {
            await writer.AppendAsync(new AuditRecord(AuditAction.Read, AuditOutcome.Success, "u", "Situation", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        }

        var (intact, intactOutput) = await RunVigieAsync(factory, "audit", "verify");
        Assert.True(intact == 0, intactOutput);
        Assert.Contains("Journal d'audit intact : 12 entrées", intactOutput, StringComparison.Ordinal);

        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Outcome\" = 'Failure' WHERE \"Sequence\" = 9"));
        var (broken, brokenOutput) = await RunVigieAsync(factory, "audit", "verify");
        Assert.True(broken == 2, brokenOutput);
        Assert.Contains("entrée n° 9 altérée", brokenOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_command_is_refused_with_the_list_of_commands()
    {
        using var factory = new VigieFactory();
        _ = factory.Services;

        var (code, output) = await RunVigieAsync(factory, "audit", "supprimer");

        Assert.Equal(64, code);
        Assert.Contains("Commandes : audit verify, database migrate, keys rotate", output, StringComparison.Ordinal);
    }
}
