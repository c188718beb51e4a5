using System.Security.Cryptography;
using System.Text;

namespace Vigie.Web.Features.Installation;

/// <summary>
/// The one-time secret of the setup link, printed in the log when the database has no account.
/// Held in memory only: a restart before setup prints a new one; setup kills it.
/// </summary>
public sealed class FirstRunToken
{
    private readonly Lock _lock = new();
    private string? _value;

    public string Issue()
    {
        lock (_lock)
        {
            _value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            return _value;
        }
    }

    public bool IsActive
    {
        get
        {
            lock (_lock)
            {
                return _value is not null;
            }
        }
    }

    public bool Matches(string? candidate)
    {
        lock (_lock)
        {
            return _value is not null && candidate is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(_value), Encoding.ASCII.GetBytes(candidate));
        }
    }

    /// <summary>Consumes the token: true for exactly one caller.</summary>
    public bool TryConsume(string? candidate)
    {
        lock (_lock)
        {
            if (!Matches(candidate))
            {
                return false;
            }

            _value = null;
            return true;
        }
    }
}
