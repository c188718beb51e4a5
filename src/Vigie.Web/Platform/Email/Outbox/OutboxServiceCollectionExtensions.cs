using Microsoft.Extensions.Options;

namespace Vigie.Web.Platform.Email.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>The outbox sender: transport, dispatcher, wake-up signal, resolution, and the background service.</summary>
    public static WebApplicationBuilder AddOutbox(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboxOptions>()
            .Bind(builder.Configuration.GetSection(OutboxOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.MaxDelaySeconds >= o.BaseDelaySeconds,
                "Vigie:Mail:Outbox:MaxDelaySeconds doit être au moins égal à BaseDelaySeconds.")
            .Validate<IOptions<MailOptions>>((o, mail) => o.LeaseSeconds >= 3 * mail.Value.TimeoutSeconds,
                "Vigie:Mail:Outbox:LeaseSeconds doit valoir au moins trois fois Vigie:Mail:TimeoutSeconds (une remise ne doit pas survivre à son bail).")
            .ValidateOnStart();
        builder.Services.AddSingleton<PickupOutboxTransport>();
        builder.Services.AddSingleton<SmtpOutboxTransport>();
        builder.Services.AddSingleton<IOutboxTransport>(sp =>
            sp.GetRequiredService<IOptions<MailOptions>>().Value.Transport == MailTransportKind.Smtp
                ? sp.GetRequiredService<SmtpOutboxTransport>()
                : sp.GetRequiredService<PickupOutboxTransport>());
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddScoped<OutboxResolution>();
        builder.Services.AddHostedService<OutboxBackgroundService>(); // idle when Background is off

        return builder;
    }
}
