using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Compte;

/// <summary>Logs every refusal of a signed-in user, and sends a missing step-up to the confirmation page.</summary>
public sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            var needsStepUp = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<StepUpRequirement>().Any() == true
                && authorizeResult.AuthorizationFailure.FailedRequirements.Count() == 1;
            if (needsStepUp)
            {
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect("/compte/confirmation?retour=" + Uri.EscapeDataString(returnUrl));
                return;
            }

            var audit = context.RequestServices.GetRequiredService<IAuditLog>();
            await audit.RecordAsync(AuditAction.AccessDenied, AuditRecordType.Route, context.Request.Path.Value, AuditOutcome.Denied);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
