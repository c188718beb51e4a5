using Microsoft.Extensions.Options;
using Vigie.Web.Features.Situations.Timeline;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Web.Features.Signalements;

public static class SignalementsServiceCollectionExtensions
{
    /// <summary>Settings (validated at start), drafting, sending, the outbox listener and the timeline source of signalements.</summary>
    public static WebApplicationBuilder AddSignalements(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignalementsOptions>()
            .Bind(builder.Configuration.GetSection(SignalementsOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SignalementsOptions>, SignalementsOptionsValidator>();
        builder.Services.AddScoped<DraftSignalement>();
        builder.Services.AddScoped<SignalementDocuments>();
        builder.Services.AddScoped<SendSignalement>();
        builder.Services.AddScoped<IOutboxListener, SignalementOutboxListener>();
        builder.Services.AddScoped<ITimelineSource, SignalementTimelineSource>();
        return builder;
    }
}
