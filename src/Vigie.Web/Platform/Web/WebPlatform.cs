using System.Globalization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Vigie.Web.Features.Compte;


namespace Vigie.Web.Platform.Web;

public static class WebPlatform
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        // French text as UTF-8 in pages, not as &#xE9; entities.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Administration", Policies.Administration);
                o.Conventions.AuthorizeFolder("/Protection", Policies.AuditLog);
                o.Conventions.AuthorizeFolder("/Situations", Policies.Situations);
                o.Conventions.AuthorizeFolder("/Observatoire", Policies.Observatory);
            })
            .AddMvcOptions(o => FrenchModelBinding.Apply(o.ModelBindingMessageProvider));
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o => o.LowercaseUrls = true);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Behind a reverse proxy, list it in Vigie:ReverseProxy:KnownProxies so client IPs in the audit log are real.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("Vigie:ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        builder.Services.AddSecurityHeaderPolicies().SetDefaultPolicy(SecurityHeaders.Policy(builder.Environment));
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/erreur");
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        if (app.Environment.IsProduction())
        {
            app.UseMiddleware<HttpsOnlyMiddleware>();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(French),
            SupportedCultures = [French],
            SupportedUICultures = [French],
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseMiddleware<NoStoreMiddleware>();
        return app;
    }

    public static WebApplication MapWebPlatform(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
