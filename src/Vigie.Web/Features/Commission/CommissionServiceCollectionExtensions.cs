using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Commission;

public static class CommissionServiceCollectionExtensions
{
    /// <summary>Settings (validated at start) and the services of the commission, its actions and the co-accompaniments.</summary>
    public static WebApplicationBuilder AddCommission(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CommissionOptions>()
            .Bind(builder.Configuration.GetSection(CommissionOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CommissionOptions>, CommissionOptionsValidator>();
        builder.Services.AddScoped<Actions.ActionReminders>();
        builder.Services.AddHostedService<Actions.ActionReminderBackgroundService>(); // idle when RemindersInBackground is off
        builder.Services.AddScoped<Situations.Timeline.ITimelineSource, CommissionTimelineSource>();
        return builder;
    }
}
