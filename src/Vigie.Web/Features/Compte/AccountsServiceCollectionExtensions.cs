using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Compte;

public static class AccountsServiceCollectionExtensions
{
    public const string EnrolmentScheme = "Vigie.Enrolment";
    public const string LoginPath = "/compte/connexion";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccountsOptions>()
            .Bind(builder.Configuration.GetSection(AccountsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var settings = builder.Configuration.GetSection(AccountsOptions.Section).Get<AccountsOptions>() ?? new AccountsOptions();
        var production = builder.Environment.IsProduction();

        services.AddIdentity<VigieUser, IdentityRole>(o =>
            {
                // NIST 800-63B: length and a deny-list, no composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Tokens.AuthenticatorTokenProvider = TotpTokenProvider.Name;
            })
            .AddEntityFrameworkStores<VigieDbContext>()
            .AddUserStore<VigieUserStore>()
            .AddTokenProvider<TotpTokenProvider>(TotpTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<VigieClaimsPrincipalFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = production ? "__Host-vigie" : "vigie";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(settings.IdleTimeoutMinutes);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/compte/deconnexion";
            o.AccessDeniedPath = "/compte/acces-refuse";
            o.ReturnUrlParameter = "retour";
            // A refusal is a 403 rendered by the error page, not a redirect that hides the status.
            // Every request re-checks the security stamp (one query by primary key): a password, role,
            // organisation or MFA change, a deactivation or a logout elsewhere ends the user's other
            // sessions at once. This replaces Identity's validator, which rebuilt and re-issued the
            // whole principal (several queries and a new cookie) on every request.
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = production ? "__Host-vigie-2fa" : "vigie-2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.AddAuthentication().AddCookie(EnrolmentScheme, o =>
        {
            o.Cookie.Name = production ? "__Host-vigie-enrol" : "vigie-enrol";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(10);
            o.SlidingExpiration = false;
            o.LoginPath = LoginPath;
            o.ReturnUrlParameter = "retour";
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = production ? "__Host-vigie-af" : "vigie-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthorizationBuilder()
            // Deny by default: a page or endpoint without [AllowAnonymous] needs a signed-in user.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrateur))
            .AddPolicy(Policies.AuditLog, p => p.RequireRole(Roles.Dpo))
            .AddPolicy(Policies.Situations, p => p.RequireRole(Roles.Professionnel, Roles.Coordination))
            .AddPolicy(Policies.Commission, p => p.RequireRole(Roles.Coordination, Roles.MembreCommission, Roles.Professionnel))
            .AddPolicy(Policies.CommissionCoordination, p => p.RequireRole(Roles.Coordination))
            .AddPolicy(Policies.Accompaniments, p => p.RequireRole(Roles.Coordination, Roles.EquipeMobile))
            .AddPolicy(Policies.Actions, p => p.RequireRole(Roles.Professionnel, Roles.Coordination, Roles.MembreCommission, Roles.EquipeMobile))
            .AddPolicy(Policies.Observatory, p => p.RequireRole(Roles.Coordination, Roles.Observatoire))
            .AddPolicy(Policies.SituationImport, p => p.RequireRole(Roles.Coordination))
            .AddPolicy(Policies.RecentStepUp, p => p.RequireAuthenticatedUser().AddRequirements(new StepUpRequirement()));
        services.AddSingleton<IAuthorizationHandler, StepUpHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var isLogin = HttpMethods.IsPost(http.Request.Method)
                    && http.Request.Path.StartsWithSegments("/compte", StringComparison.OrdinalIgnoreCase);
                if (!isLogin)
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var limit = http.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.LoginAttemptsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            o.OnRejected = async (context, token) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(
                    "Trop de tentatives depuis cette adresse. Patientez une minute avant de réessayer.", token);
            };
        });

        services.AddSingleton<CommonPasswordList>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<StepUp>();
        return builder;
    }
}
