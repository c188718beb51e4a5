using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Administration;

public sealed record NewAccount(string DisplayName, string Email, string? JobTitle, Guid OrganisationId, IReadOnlyCollection<string> Roles);

public sealed record CreatedAccount(VigieUser? User, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => User is not null;
}

/// <summary>Creates an account with its roles; used by the setup page, the administration and the demo.</summary>
public sealed class CreateAccount(UserManager<VigieUser> users, IAuditLog audit, TimeProvider clock)
{
    public async Task<CreatedAccount> ExecuteAsync(NewAccount account, string password, bool mustChangePassword)
    {
        var unknown = account.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0 || account.Roles.Count == 0)
        {
            return new CreatedAccount(null, [new IdentityError { Code = "Roles", Description = "Choisissez au moins un rôle valide." }]);
        }

        var user = new VigieUser
        {
            DisplayName = account.DisplayName.Trim(),
            UserName = account.Email.Trim(),
            Email = account.Email.Trim(),
            EmailConfirmed = true,
            JobTitle = string.IsNullOrWhiteSpace(account.JobTitle) ? null : account.JobTitle.Trim(),
            OrganisationId = account.OrganisationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            MustChangePassword = mustChangePassword,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new CreatedAccount(null, created.Errors.ToList());
        }

        var roles = await users.AddToRolesAsync(user, account.Roles);
        if (!roles.Succeeded)
        {
            return new CreatedAccount(null, roles.Errors.ToList());
        }

        await audit.RecordAsync(AuditAction.AccountCreated, AuditRecordType.Account, user.Id);
        return new CreatedAccount(user, []);
    }

    /// <summary>A random password an administrator hands over once; the user must replace it.</summary>
    public static string TemporaryPassword()
    {
        // No look-alike characters (0/O, 1/l/I): it is read aloud or copied by hand.
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var chars = Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray();
        return string.Join('-', chars.Chunk(5).Select(c => new string(c)));
    }
}
