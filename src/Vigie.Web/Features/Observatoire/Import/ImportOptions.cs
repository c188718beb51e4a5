using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>Settings of the import of historical situations (<c>Vigie:Import</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Vigie:Import";

    /// <summary>Largest file accepted, in bytes (10 MB: about 50,000 lines of the template).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How long an analysed file waits for its commit, encrypted on the server.</summary>
    [Range(1, 24 * 60)]
    public int UploadLifetimeMinutes { get; set; } = 60;

    /// <summary>Lines written per SaveChanges within the commit's one transaction.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2000;
}
