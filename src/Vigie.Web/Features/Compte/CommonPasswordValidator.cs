using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Vigie.Web.Features.Compte;

/// <summary>
/// Refuses passwords found in a list of common passwords, also once stripped of the digits and
/// symbols people add around a word ("Azerty123456!"), and passwords built on the user's own name
/// or e-mail. Length (12+) is checked by Identity's own validator.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<VigieUser>
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<VigieUser> manager, VigieUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(Failed("PasswordCommon",
                "Ce mot de passe figure dans la liste des mots de passe courants : choisissez-en un autre, par exemple une phrase de plusieurs mots."));
        }

        var lower = password.ToLowerInvariant();
        var personal = new[] { user.Email?.Split('@')[0], user.UserName?.Split('@')[0] }
            .Concat((user.DisplayName ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(part => part is { Length: >= 4 });
        if (personal.Any(part => lower.Contains(part!.ToLowerInvariant(), StringComparison.Ordinal)))
        {
            return Task.FromResult(Failed("PasswordPersonal", "Le mot de passe ne doit pas contenir votre nom ou votre adresse e-mail."));
        }

        if (password.Distinct().Count() < 5)
        {
            return Task.FromResult(Failed("PasswordRepetitive", "Le mot de passe doit contenir au moins 5 caractères différents."));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = new string(lower.Where(char.IsLetter).ToArray());
        return List.Value.Contains(lower) || (core.Length > 0 && List.Value.Contains(core));
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Vigie.Web.Features.Compte.common-passwords.txt")
            ?? throw new InvalidOperationException("Liste des mots de passe courants introuvable.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
