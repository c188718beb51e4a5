using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vigie.Web.Platform.Crypto;

/// <summary>One key of the field-encryption ring.</summary>
public sealed record FieldKey(int Id, byte[] Secret, DateTime CreatedAt);

/// <summary>
/// The keys that encrypt sensitive fields, kept in <c>field-keys.json</c> in the key folder. The
/// newest key encrypts; every key still in the ring decrypts, so a rotation never breaks old data.
/// </summary>
public sealed class FieldKeyRing
{
    public const string FileName = "field-keys.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    internal FieldKeyRing(IReadOnlyList<FieldKey> keys) => Keys = keys;

    public IReadOnlyList<FieldKey> Keys { get; }

    public FieldKey Current => Keys[^1];

    public FieldKey? Find(int id) => Keys.FirstOrDefault(k => k.Id == id);

    public static FieldKeyRing LoadOrCreate(KeyFolder folder, TimeProvider clock)
    {
        var path = Path.Combine(folder.Path, FileName);
        if (!File.Exists(path))
        {
            Write(path, [new FieldKey(1, RandomNumberGenerator.GetBytes(32), clock.GetUtcNow().UtcDateTime)], createNew: true);
        }

        return new FieldKeyRing(Read(path));
    }

    /// <summary>Adds a new current key (the old ones stay, to read what they encrypted) and returns the new ring.</summary>
    public static FieldKeyRing Rotate(KeyFolder folder, TimeProvider clock)
    {
        var path = Path.Combine(folder.Path, FileName);
        var keys = LoadOrCreate(folder, clock).Keys.ToList();
        keys.Add(new FieldKey(keys.Max(k => k.Id) + 1, RandomNumberGenerator.GetBytes(32), clock.GetUtcNow().UtcDateTime));
        Write(path, keys, createNew: false);
        return new FieldKeyRing(Read(path));
    }

    private static List<FieldKey> Read(string path)
    {
        var stored = JsonSerializer.Deserialize<List<StoredKey>>(File.ReadAllText(path))
            ?? throw new InvalidOperationException($"{FileName} est illisible.");
        var keys = stored.Select(k => new FieldKey(k.Id, Convert.FromBase64String(k.Key), k.Created)).OrderBy(k => k.Id).ToList();
        if (keys.Count == 0 || keys.Any(k => k.Secret.Length != 32))
        {
            throw new InvalidOperationException($"{FileName} doit contenir au moins une clé de 32 octets.");
        }

        return keys;
    }

    private static void Write(string path, IEnumerable<FieldKey> keys, bool createNew)
    {
        var json = JsonSerializer.Serialize(keys.Select(k => new StoredKey(k.Id, Convert.ToBase64String(k.Secret), k.CreatedAt)),
            Indented);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(json);
        }

        if (createNew && File.Exists(path))
        {
            File.Delete(temporary); // another process created it first: keep theirs
            return;
        }

        File.Move(temporary, path, overwrite: true);
    }

    private sealed record StoredKey(int Id, string Key, DateTime Created);
}

public sealed class FieldDecryptionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Authenticated encryption (AES-256-GCM) of one field value. The purpose (e.g. "Situation.Nom") is
/// bound to the ciphertext as associated data, so a value copied into another column does not
/// decrypt. Stored form: <c>v1.{keyId}.{base64url(nonce | ciphertext | tag)}</c>.
/// </summary>
public sealed class FieldCipher(FieldKeyRing ring) : IDisposable
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    // One AesGcm per key and thread: creating one per value (an OpenSSL context each time) was a
    // visible share of a page that decrypts a few hundred fields. An instance is not thread-safe;
    // each call uses its own thread's and never awaits in between.
    private readonly ThreadLocal<Dictionary<int, AesGcm>> _ciphers = new(() => [], trackAllValues: true);

    public void Dispose()
    {
        foreach (var ciphers in _ciphers.Values)
        {
            foreach (var aes in ciphers.Values)
            {
                aes.Dispose();
            }
        }

        _ciphers.Dispose();
    }

    private AesGcm CipherFor(FieldKey key)
    {
        var ciphers = _ciphers.Value!;
        if (!ciphers.TryGetValue(key.Id, out var aes))
        {
            aes = new AesGcm(key.Secret, TagSize);
            ciphers[key.Id] = aes;
        }

        return aes;
    }

    public string Encrypt(string plaintext, string purpose)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var key = ring.Current;
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + clear.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        CipherFor(key).Encrypt(nonce, clear, payload.AsSpan(NonceSize, clear.Length), payload.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(purpose));
        return $"v1.{key.Id.ToString(CultureInfo.InvariantCulture)}.{Base64Url(payload)}";
    }

    public string Decrypt(string stored, string purpose)
    {
        var (keyId, payload) = Parse(stored);
        var key = ring.Find(keyId) ?? throw new FieldDecryptionException($"Clé de chiffrement n° {keyId} absente du trousseau.");
        if (payload.Length < NonceSize + TagSize)
        {
            throw new FieldDecryptionException("Valeur chiffrée tronquée.");
        }

        var length = payload.Length - NonceSize - TagSize;
        var clear = new byte[length];
        try
        {
            CipherFor(key).Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize, length), payload.AsSpan(NonceSize + length), clear, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new FieldDecryptionException("Valeur chiffrée altérée ou déplacée d'un autre champ.", ex);
        }

        return Encoding.UTF8.GetString(clear);
    }

    /// <summary>True when the value was encrypted with an older key (to re-encrypt after a rotation).</summary>
    public bool IsOlderThanCurrentKey(string stored) => Parse(stored).KeyId != ring.Current.Id;

    private static (int KeyId, byte[] Payload) Parse(string stored)
    {
        var text = stored.AsSpan();
        var dot = text.Length > 3 && text.StartsWith("v1.") ? text[3..].IndexOf('.') : -1;
        if (dot < 0 || !int.TryParse(text.Slice(3, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var keyId))
        {
            throw new FieldDecryptionException("Format de valeur chiffrée inconnu.");
        }

        var encoded = text[(4 + dot)..];
        if (encoded.Contains('.'))
        {
            throw new FieldDecryptionException("Format de valeur chiffrée inconnu.");
        }

        try
        {
            return (keyId, System.Buffers.Text.Base64Url.DecodeFromChars(encoded));
        }
        catch (FormatException ex)
        {
            throw new FieldDecryptionException("Valeur chiffrée illisible.", ex);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
