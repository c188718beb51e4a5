using Microsoft.Extensions.Options;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Web.Features.Observatoire.Extract;

public static class PseudonymisedExtractServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPseudonymisedExtract(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PseudonymisedExtractOptions>()
            .Bind(builder.Configuration.GetSection(PseudonymisedExtractOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PseudonymisedExtractOptions>, PseudonymisedExtractOptionsValidator>();
        builder.Services.AddSingleton(sp => MinorPseudonym.Load(sp.GetRequiredService<IOptions<PseudonymisedExtractOptions>>(), sp.GetRequiredService<KeyFolder>()));
        builder.Services.AddScoped<PseudonymisedExtract>();
        return builder;
    }
}
