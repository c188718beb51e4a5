using System.Text.Json;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Situations.Trame;

/// <summary>
/// Splits a section's values between the clear JSON (statistical choices, numbers, dates) and the
/// encrypted JSON (every secret cell of the schema), and back. Empty values and keys unknown to the
/// schema are not stored.
/// </summary>
public sealed class TrameCodec(FieldCipher cipher)
{
    public (string ClearJson, string SecretEncrypted) EncodeSection(TrameSection section, IReadOnlyDictionary<string, string> values, string purpose)
    {
        var (clear, secret) = Split(section, values);
        return (JsonSerializer.Serialize(clear), secret.Count == 0 ? string.Empty : cipher.Encrypt(JsonSerializer.Serialize(secret), purpose));
    }

    public Dictionary<string, string> DecodeSection(string clearJson, string secretEncrypted, string purpose)
    {
        var values = Read<Dictionary<string, string>>(clearJson);
        if (secretEncrypted.Length > 0)
        {
            foreach (var (key, value) in Read<Dictionary<string, string>>(cipher.Decrypt(secretEncrypted, purpose)))
            {
                values[key] = value;
            }
        }

        return values;
    }

    /// <summary>Every section at once, as an evaluation stores them: {"section": {"key": "value"}}.</summary>
    public (string ClearJson, string SecretEncrypted) EncodeAll(IReadOnlyDictionary<string, Dictionary<string, string>> sections, string purpose)
    {
        var clear = new Dictionary<string, Dictionary<string, string>>();
        var secret = new Dictionary<string, Dictionary<string, string>>();
        foreach (var section in TrameSchema.Sections)
        {
            var (c, s) = Split(section, sections.TryGetValue(section.Key, out var v) ? v : []);
            clear[section.Key] = c;
            secret[section.Key] = s;
        }

        return (JsonSerializer.Serialize(clear), cipher.Encrypt(JsonSerializer.Serialize(secret), purpose));
    }

    public Dictionary<string, Dictionary<string, string>> DecodeAll(string clearJson, string secretEncrypted, string purpose)
    {
        var all = Read<Dictionary<string, Dictionary<string, string>>>(clearJson);
        if (secretEncrypted.Length > 0)
        {
            foreach (var (section, values) in Read<Dictionary<string, Dictionary<string, string>>>(cipher.Decrypt(secretEncrypted, purpose)))
            {
                var target = all.TryGetValue(section, out var existing) ? existing : all[section] = [];
                foreach (var (key, value) in values)
                {
                    target[key] = value;
                }
            }
        }

        return all;
    }

    private static (Dictionary<string, string> Clear, Dictionary<string, string> Secret) Split(TrameSection section, IReadOnlyDictionary<string, string> values)
    {
        var clear = new Dictionary<string, string>();
        var secret = new Dictionary<string, string>();
        foreach (var cell in section.Cells)
        {
            if (values.TryGetValue(cell.Key, out var value) && !string.IsNullOrEmpty(value))
            {
                (cell.Secret ? secret : clear)[cell.Key] = value;
            }
        }

        return (clear, secret);
    }

    private static T Read<T>(string json)
        where T : new() =>
        string.IsNullOrWhiteSpace(json) ? new T() : JsonSerializer.Deserialize<T>(json) ?? new T();
}
