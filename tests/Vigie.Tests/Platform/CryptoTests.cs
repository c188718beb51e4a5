using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Platform;

public sealed class CryptoTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigie-crypto-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));

    private KeyFolder Folder() => new(Options.Create(new KeysOptions { Folder = _folder }), new TestHostEnvironment());

    [Fact]
    public void A_field_round_trips_and_leaves_no_clear_text()
    {
        var cipher = new FieldCipher(FieldKeyRing.LoadOrCreate(Folder(), _clock));

        var stored = cipher.Encrypt("Léa « Loulou » Martin", "Situation.Nom");

        Assert.StartsWith("v1.1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Martin", stored, StringComparison.Ordinal);
        Assert.Equal("Léa « Loulou » Martin", cipher.Decrypt(stored, "Situation.Nom"));
        Assert.NotEqual(stored, cipher.Encrypt("Léa « Loulou » Martin", "Situation.Nom")); // a fresh nonce each time
        Assert.Equal(string.Empty, cipher.Decrypt(cipher.Encrypt(string.Empty, "x"), "x"));
    }

    [Fact]
    public void An_altered_or_moved_value_does_not_decrypt()
    {
        var cipher = new FieldCipher(FieldKeyRing.LoadOrCreate(Folder(), _clock));
        var stored = cipher.Encrypt("06 12 34 56 78", "Situation.Telephone");
        var bytes = stored.ToCharArray();
        bytes[^3] = bytes[^3] == 'A' ? 'B' : 'A';

        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt(new string(bytes), "Situation.Telephone"));
        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt(stored, "Situation.Nom"));
        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt("en clair", "Situation.Nom"));
        Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt("v1.9." + stored.Split('.')[2], "Situation.Telephone"));
        var keyId = stored.Split('.')[1];
        foreach (var malformed in new[] { "v1.", "v1..abc", $"v1.{keyId}.", $"v1.{keyId}.!!!*", $"v1.{keyId}.{stored.Split('.')[2]}.x", $"v2.{keyId}.{stored.Split('.')[2]}", "v1.-1.abc" })
        {
            Assert.Throws<FieldDecryptionException>(() => cipher.Decrypt(malformed, "Situation.Telephone"));
        }
    }

    [Fact]
    public async Task Values_encrypted_and_decrypted_on_many_threads_at_once_come_back_intact()
    {
        using var cipher = new FieldCipher(FieldKeyRing.LoadOrCreate(Folder(), _clock));
        // The cipher keeps one AES-GCM instance per key and thread: concurrent callers must not share one.
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                var text = $"valeur {t}-{i} « Léa »";
                Assert.Equal(text, cipher.Decrypt(cipher.Encrypt(text, "p"), "p"));
            }
        }, TestContext.Current.CancellationToken));
        await Task.WhenAll(tasks);
    }

    [Fact]
    public void After_a_rotation_new_values_use_the_new_key_and_old_values_still_decrypt()
    {
        var before = new FieldCipher(FieldKeyRing.LoadOrCreate(Folder(), _clock));
        var old = before.Encrypt("ancien", "p");

        _clock.Advance(TimeSpan.FromDays(365));
        var ring = FieldKeyRing.Rotate(Folder(), _clock);
        var after = new FieldCipher(FieldKeyRing.LoadOrCreate(Folder(), _clock));

        Assert.Equal(2, ring.Current.Id);
        Assert.Equal("ancien", after.Decrypt(old, "p"));
        Assert.True(after.IsOlderThanCurrentKey(old));
        var fresh = after.Encrypt("nouveau", "p");
        Assert.StartsWith("v1.2.", fresh, StringComparison.Ordinal);
        Assert.False(after.IsOlderThanCurrentKey(fresh));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, FieldKeyRing.FileName)));
        }
    }

    [Theory]
    [InlineData("DUPONT", "Élodie", "dupont", "elodie")]
    [InlineData("D'Almeida", "Éloïse-Marie", "D ALMEIDA", "eloise marie")]
    [InlineData("  Ben  Salah ", "Inès", "ben salah", "INES")]
    public void Equal_identities_typed_differently_share_a_fingerprint(string lastA, string firstA, string lastB, string firstB)
    {
        var index = BlindIndex.Load(Folder());
        var birth = new DateOnly(2010, 3, 14);

        Assert.Equal(index.Compute(lastA, firstA, birth), index.Compute(lastB, firstB, birth));
    }

    [Fact]
    public void Fingerprints_differ_by_birth_date_and_by_key_and_hold_no_name()
    {
        var index = BlindIndex.Load(Folder());
        var other = new BlindIndex(Encoding.UTF8.GetBytes(new string('k', 32)));
        var a = index.Compute("Martin", "Léa", new DateOnly(2010, 3, 14));

        Assert.NotEqual(a, index.Compute("Martin", "Léa", new DateOnly(2010, 3, 15)));
        Assert.NotEqual(a, other.Compute("Martin", "Léa", new DateOnly(2010, 3, 14)));
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.Equal(a, BlindIndex.Load(Folder()).Compute("MARTIN", "lea", new DateOnly(2010, 3, 14)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
