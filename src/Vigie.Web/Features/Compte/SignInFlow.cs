using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

public enum PasswordStep
{
    Failed,
    NeedsCode,
    NeedsEnrolment,
}

/// <summary>
/// The first step of login. Every failure (unknown account, wrong password, locked or deactivated
/// account) gives the same answer after the same work, so the page never tells whether an account exists.
/// </summary>
public sealed class SignInFlow(
    UserManager<VigieUser> users,
    SignInManager<VigieUser> signIn,
    IPasswordHasher<VigieUser> hasher,
    IAuditLog audit,
    IHttpContextAccessor http)
{
    // A real hash of a random password: verifying against it costs what a real verification costs.
    private static readonly string TimingHash = new PasswordHasher<VigieUser>().HashPassword(
        new VigieUser { DisplayName = "-" }, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    public async Task<PasswordStep> CheckPasswordAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            hasher.VerifyHashedPassword(new VigieUser { DisplayName = "-" }, TimingHash, password);
            await audit.RecordAsync(AuditAction.LoginFailed, AuditRecordType.Account, null, AuditOutcome.Failure);
            return PasswordStep.Failed;
        }

        if (!user.IsActive || await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, TimingHash, password);
            await audit.RecordAsync(AuditAction.LoginFailed, AuditRecordType.Account, user.Id, AuditOutcome.Failure, actorId: user.Id);
            return PasswordStep.Failed;
        }

        const bool wasLocked = false;
        if (!user.TwoFactorEnabled)
        {
            // Not enrolled yet: the password alone opens only the enrolment page.
            var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            if (check.Succeeded)
            {
                await StartEnrolmentAsync(user);
                return PasswordStep.NeedsEnrolment;
            }

            await RecordFailureAsync(user, check, wasLocked);
            return PasswordStep.Failed;
        }

        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return PasswordStep.NeedsCode;
        }

        if (result.Succeeded)
        {
            // Cannot happen for an enrolled user; never leave a session opened by a password alone.
            await signIn.SignOutAsync();
        }

        await RecordFailureAsync(user, result, wasLocked);
        return PasswordStep.Failed;
    }

    /// <summary>Logs the outcome of the second step (code or recovery code).</summary>
    public async Task RecordSecondStepAsync(VigieUser? user, SignInResult result, bool recoveryCode)
    {
        if (user is null)
        {
            return;
        }

        if (result.Succeeded)
        {
            if (recoveryCode)
            {
                await audit.RecordAsync(AuditAction.RecoveryCodeUsed, AuditRecordType.Account, user.Id, actorId: user.Id);
            }

            await audit.RecordAsync(AuditAction.LoginSucceeded, AuditRecordType.Account, user.Id, actorId: user.Id);
            return;
        }

        await RecordFailureAsync(user, result, wasLocked: false);
    }

    private async Task RecordFailureAsync(VigieUser user, SignInResult result, bool wasLocked)
    {
        await audit.RecordAsync(AuditAction.LoginFailed, AuditRecordType.Account, user.Id, AuditOutcome.Failure, actorId: user.Id);
        if (result.IsLockedOut && !wasLocked)
        {
            await audit.RecordAsync(AuditAction.LockedOut, AuditRecordType.Account, user.Id, AuditOutcome.Denied, actorId: user.Id);
        }
    }

    private async Task StartEnrolmentAsync(VigieUser user)
    {
        // The key is created before the cookie: creating it renews the security stamp the cookie carries.
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        var identity = new ClaimsIdentity(AccountsServiceCollectionExtensions.EnrolmentScheme);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(users.Options.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user)));
        await http.HttpContext!.SignInAsync(AccountsServiceCollectionExtensions.EnrolmentScheme, new ClaimsPrincipal(identity));
    }

    /// <summary>The user who proved their password and must now enrol, or null when the enrolment cookie is stale.</summary>
    public async Task<VigieUser?> GetEnrollingUserAsync()
    {
        var context = http.HttpContext!;
        var result = await context.AuthenticateAsync(AccountsServiceCollectionExtensions.EnrolmentScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return null;
        }

        var user = await users.FindByIdAsync(id);
        var stamp = result.Principal!.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        if (user is null || !user.IsActive || user.TwoFactorEnabled || stamp != await users.GetSecurityStampAsync(user))
        {
            return null;
        }

        return user;
    }

    public Task EndEnrolmentAsync() => http.HttpContext!.SignOutAsync(AccountsServiceCollectionExtensions.EnrolmentScheme);
}
