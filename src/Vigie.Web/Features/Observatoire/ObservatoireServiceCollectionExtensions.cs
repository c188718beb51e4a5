namespace Vigie.Web.Features.Observatoire;

public static class ObservatoireServiceCollectionExtensions
{
    /// <summary>The observatory's settings (validated at start) and its computation.</summary>
    public static WebApplicationBuilder AddObservatoire(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObservatoireOptions>()
            .Bind(builder.Configuration.GetSection(ObservatoireOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<Observatory>();
        builder.Services.AddSingleton<Platform.Charts.ChartCache>();
        return builder;
    }
}
