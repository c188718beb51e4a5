namespace Vigie.Web.Features.Observatoire.Import;

public static class SituationImportServiceCollectionExtensions
{
    /// <summary>The import of historical situations (pages under /observatoire/import, Coordination only).</summary>
    public static WebApplicationBuilder AddSituationImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .Bind(builder.Configuration.GetSection(ImportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<SituationImporter>();
        builder.Services.AddSingleton<ImportUploads>();
        return builder;
    }
}
