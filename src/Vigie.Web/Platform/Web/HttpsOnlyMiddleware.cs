namespace Vigie.Web.Platform.Web;

/// <summary>
/// Outside Development and tests, Vigie is served over HTTPS only (its cookies are Secure). A plain
/// HTTP request — direct, or through a proxy that is not trusted or sends no X-Forwarded-Proto — is
/// sent to HTTPS (GET/HEAD) or refused with a French explanation, instead of failing further on.
/// </summary>
public sealed class HttpsOnlyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Health probes usually come from a local supervisor over plain HTTP.
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health"))
        {
            await next(context);
            return;
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            var request = context.Request;
            context.Response.Redirect($"https://{request.Host}{request.PathBase}{request.Path}{request.QueryString}", permanent: false, preserveMethod: true);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(
            "Vigie n'accepte que les connexions HTTPS. Si un proxy termine le TLS, il doit envoyer X-Forwarded-Proto et figurer dans Vigie:ReverseProxy:KnownProxies.");
    }
}
