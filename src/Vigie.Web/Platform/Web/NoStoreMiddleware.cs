namespace Vigie.Web.Platform.Web;

/// <summary>Nothing Vigie renders may sit in a browser or proxy cache: every response but static assets is no-store.</summary>
public sealed class NoStoreMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            if (!context.Response.Headers.ContainsKey("Cache-Control") || context.User.Identity?.IsAuthenticated == true)
            {
                context.Response.Headers.CacheControl = "no-store, no-cache, max-age=0";
                context.Response.Headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
