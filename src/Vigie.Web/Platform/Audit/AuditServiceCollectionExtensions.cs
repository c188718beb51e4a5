using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Platform.Audit;

public static class AuditServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>()
            .Bind(builder.Configuration.GetSection(AuditOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => AuditKey.Load(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>(),
            sp.GetRequiredService<KeyFolder>()));
        builder.Services.AddSingleton<AuditChainWriter>();
        builder.Services.AddSingleton<AuditVerifier>();
        builder.Services.AddScoped<IAuditLog, AuditLog>();
        return builder;
    }
}
