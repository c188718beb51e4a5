namespace Vigie.Web.Features.Situations.Trame;

public static class TrameServiceCollectionExtensions
{
    public static WebApplicationBuilder AddTrame(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TrameOptions>()
            .Bind(builder.Configuration.GetSection(TrameOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CappedCounts>();
        builder.Services.AddOptions<SituationListOptions>()
            .Bind(builder.Configuration.GetSection(SituationListOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<TrameCodec>();
        builder.Services.AddScoped<TrameStore>();
        return builder;
    }
}
