using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

/// <summary>
/// Step-up: a sensitive action (sending a signalement, an export, emergency access) asks for a
/// fresh authenticator code. Either put <c>[Authorize(Policy = Policies.RecentStepUp)]</c> on the
/// page (the user is sent to the confirmation page and back), or call <see cref="VerifyAsync"/>
/// with a code typed in the action's own form.
/// </summary>
public sealed class StepUp(
    UserManager<VigieUser> users,
    SignInManager<VigieUser> signIn,
    IAuditLog audit,
    TimeProvider clock)
{
    public async Task<bool> VerifyAsync(ClaimsPrincipal principal, string? code, string purpose)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var ok = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        await audit.RecordAsync(ok ? AuditAction.StepUpSucceeded : AuditAction.StepUpFailed, AuditRecordType.StepUp, purpose,
            ok ? AuditOutcome.Success : AuditOutcome.Failure);
        if (!ok)
        {
            // Wrong codes count toward the lockout like wrong passwords.
            await users.AccessFailedAsync(user);
            return false;
        }

        await users.ResetAccessFailedCountAsync(user);
        // Re-issue the session with the time of this confirmation.
        var stamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(VigieClaimTypes.StepUpAt, stamp)]);
        return true;
    }
}

public sealed class StepUpRequirement : IAuthorizationRequirement;

public sealed class StepUpHandler(TimeProvider clock, IOptions<AccountsOptions> options) : AuthorizationHandler<StepUpRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StepUpRequirement requirement)
    {
        var value = context.User.FindFirstValue(VigieClaimTypes.StepUpAt);
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (age >= TimeSpan.Zero && age <= TimeSpan.FromMinutes(options.Value.StepUpMinutes))
            {
                context.Succeed(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
