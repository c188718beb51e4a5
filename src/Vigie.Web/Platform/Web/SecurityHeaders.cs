namespace Vigie.Web.Platform.Web;

/// <summary>Strict CSP (no inline script or style, no third-party origin) and the usual protective headers.</summary>
public static class SecurityHeaders
{
    public static Action<HeaderPolicyCollection> Policy(IHostEnvironment environment) => policy =>
    {
        policy.AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyNoReferrer()
            .AddCrossOriginOpenerPolicy(x => x.SameOrigin())
            .AddCrossOriginResourcePolicy(x => x.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicy(p =>
            {
                p.AddCamera().None();
                p.AddMicrophone().None();
                p.AddGeolocation().None();
                p.AddPayment().None();
            })
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
                csp.AddBaseUri().Self();
                csp.AddObjectSrc().None();
            });
        if (environment.IsProduction())
        {
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 63_072_000);
        }
    };
}
