namespace Vigie.Web.Features.Compte;

/// <summary>A user whose password was set by an administrator may only change it (or log out) until they do.</summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string ClaimType = "vigie:must-change-password";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(ClaimType, "1"))
        {
            var path = context.Request.Path;
            var allowed = path.StartsWithSegments("/compte/mot-de-passe") || path.StartsWithSegments("/compte/deconnexion")
                || path.StartsWithSegments("/erreur") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js")
                || path.StartsWithSegments("/health");
            if (!allowed)
            {
                context.Response.Redirect("/compte/mot-de-passe");
                return;
            }
        }

        await next(context);
    }
}
