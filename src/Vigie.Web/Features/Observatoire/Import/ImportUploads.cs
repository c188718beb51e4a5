using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>An analysed file waiting for its commit, and what the dry run was asked for.</summary>
public sealed record ImportUpload(string UserId, Guid OrganisationId, DateTime ExpiresAt, byte[] Content);

/// <summary>
/// Keeps the uploaded file between the dry run and the commit without trusting the client: the form
/// carries only a random token; the file sits in <c>{DataFolder}/imports/{token}.bin</c>, encrypted
/// and authenticated with ASP.NET Core data protection (key ring in the key folder) under a purpose
/// that names the user, so another account cannot read it even with the token. The payload carries
/// its expiry (an hour by default) and the organisation chosen; the commit deletes it, and every new
/// upload sweeps the folder of files past their lifetime.
/// </summary>
public sealed class ImportUploads(IDataProtectionProvider protection, IOptions<DatabaseOptions> database, IHostEnvironment environment,
    IOptions<ImportOptions> options, TimeProvider clock)
{
    private const string Purpose = "Vigie.Observatoire.Import.Fichier";

    private string Folder => Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "imports");

    public async Task<string> SaveAsync(string userId, Guid organisationId, byte[] content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Sweep();
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expires = clock.GetUtcNow().UtcDateTime.AddMinutes(options.Value.UploadLifetimeMinutes);
        using var payload = new MemoryStream(content.Length + 64);
        await using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(expires.Ticks);
            writer.Write(organisationId.ToByteArray());
            writer.Write(content);
        }

        var sealedBytes = Protector(userId).Protect(payload.ToArray());
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var file = new FileStream(PathOf(token), fileOptions))
        {
            await file.WriteAsync(sealedBytes, cancellationToken);
        }

        return token;
    }

    /// <summary>The upload of this user, or null when the token is unknown, expired, or another user's.</summary>
    public async Task<ImportUpload?> LoadAsync(string userId, string? token, CancellationToken cancellationToken = default)
    {
        if (!IsToken(token) || !File.Exists(PathOf(token!)))
        {
            return null;
        }

        byte[] clear;
        try
        {
            clear = Protector(userId).Unprotect(await File.ReadAllBytesAsync(PathOf(token!), cancellationToken));
        }
        catch (CryptographicException)
        {
            return null;
        }

        var expires = new DateTime(BitConverter.ToInt64(clear, 0), DateTimeKind.Utc);
        if (expires <= clock.GetUtcNow().UtcDateTime)
        {
            Delete(token);
            return null;
        }

        return new ImportUpload(userId, new Guid(clear.AsSpan(8, 16)), expires, clear[24..]);
    }

    public void Delete(string? token)
    {
        if (IsToken(token))
        {
            File.Delete(PathOf(token!));
        }
    }

    private void Sweep()
    {
        var limit = clock.GetUtcNow().UtcDateTime.AddMinutes(-options.Value.UploadLifetimeMinutes);
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bin"))
        {
            if (File.GetLastWriteTimeUtc(file) < limit)
            {
                File.Delete(file);
            }
        }
    }

    private IDataProtector Protector(string userId) => protection.CreateProtector(Purpose, userId);

    private string PathOf(string token) => Path.Combine(Folder, token + ".bin");

    /// <summary>32 lower-case hex digits: nothing else ever becomes part of a path.</summary>
    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
