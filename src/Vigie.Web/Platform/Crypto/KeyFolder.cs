using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Platform.Crypto;

public sealed class KeysOptions
{
    public const string Section = "Vigie:Keys";

    /// <summary>Folder holding the secrets that must never sit in the database. Relative to the content root unless absolute.</summary>
    [Required]
    public string Folder { get; set; } = "data/keys";
}

/// <summary>The key folder: secrets created on first start with owner-only permissions.</summary>
public sealed class KeyFolder
{
    public KeyFolder(IOptions<KeysOptions> options, IHostEnvironment environment)
    {
        Path = System.IO.Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);
        Directory.CreateDirectory(Path);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public byte[] ReadOrCreateSecret(string fileName, int length)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        if (File.Exists(file))
        {
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }

        var secret = RandomNumberGenerator.GetBytes(length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(file, options);
            writer.Write(Convert.ToBase64String(secret));
            return secret;
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(file).Trim());
        }
    }
}

public static class CryptoServiceCollectionExtensions
{
    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeysOptions>()
            .Bind(builder.Configuration.GetSection(KeysOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<KeyFolder>();
        builder.Services.AddSingleton(sp => FieldKeyRing.LoadOrCreate(sp.GetRequiredService<KeyFolder>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<FieldCipher>();
        builder.Services.AddSingleton(sp => BlindIndex.Load(sp.GetRequiredService<KeyFolder>()));

        // The data-protection key ring (cookies, antiforgery, encrypted MFA secrets) lives in the key folder too.
        var folder = Path.GetFullPath(
            builder.Configuration[$"{KeysOptions.Section}:Folder"] ?? "data/keys",
            builder.Environment.ContentRootPath);
        builder.Services.AddDataProtection()
            .SetApplicationName("Vigie")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(folder, "data-protection")));
        return builder;
    }
}
