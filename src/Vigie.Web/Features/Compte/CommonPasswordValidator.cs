using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Compte;

/// <summary>
/// Refuses passwords found in a list of common passwords, also once stripped of the digits and
/// symbols people add around a word ("Azerty123456!"), and passwords built on the user's own name
/// or e-mail. Length (12+) is checked by Identity's own validator.
/// </summary>
public sealed class CommonPasswordValidator(CommonPasswordList list) : IPasswordValidator<VigieUser>
{

    public Task<IdentityResult> ValidateAsync(UserManager<VigieUser> manager, VigieUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (list.IsCommon(password))
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

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

/// <summary>
/// The deny-list: the list shipped with Vigie, plus the operator's own file when
/// <c>Vigie:Accounts:CommonPasswordsFile</c> names one (one password per line, e.g. a larger public list).
/// </summary>
public sealed class CommonPasswordList
{
    private readonly HashSet<string> _entries = new(StringComparer.Ordinal);

    public CommonPasswordList(IOptions<AccountsOptions> options, IHostEnvironment environment)
    {
        using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Vigie.Web.Features.Compte.common-passwords.txt")
            ?? throw new InvalidOperationException("Liste des mots de passe courants introuvable."))
        {
            Add(new StreamReader(stream));
        }

        if (!string.IsNullOrWhiteSpace(options.Value.CommonPasswordsFile))
        {
            var path = Path.GetFullPath(options.Value.CommonPasswordsFile, environment.ContentRootPath);
            using var reader = new StreamReader(path);
            Add(reader);
        }
    }

    public int Count => _entries.Count;

    public bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var core = new string(lower.Where(char.IsLetter).ToArray());
        return _entries.Contains(lower) || (core.Length > 0 && _entries.Contains(core));
    }

    private void Add(TextReader reader)
    {
        using (reader)
        {
            while (reader.ReadLine() is { } line)
            {
                var entry = line.Trim();
                if (entry.Length > 0 && !entry.StartsWith("#!", StringComparison.Ordinal) && !entry.StartsWith("# ", StringComparison.Ordinal))
                {
                    _entries.Add(entry.ToLowerInvariant());
                }
            }
        }
    }
}
