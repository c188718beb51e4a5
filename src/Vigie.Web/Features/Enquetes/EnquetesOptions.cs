using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Enquetes;

/// <summary>Settings of the yearly surveys (section <c>Vigie:Enquetes</c>), checked at start.</summary>
public sealed class EnquetesOptions
{
    public const string Section = "Vigie:Enquetes";

    /// <summary>The automatic reminder goes to the services that have not submitted this many days before the closing day.</summary>
    public int ReminderDaysBeforeClosing { get; set; } = 7;

    /// <summary>How often the reminder job looks for services to remind (minutes).</summary>
    public int ReminderIntervalMinutes { get; set; } = 60;

    /// <summary>Whether this instance runs the reminder job in the background (off in tests, which call it themselves).</summary>
    public bool RemindersInBackground { get; set; } = true;
}

internal sealed class EnquetesOptionsValidator : IValidateOptions<EnquetesOptions>
{
    public ValidateOptionsResult Validate(string? name, EnquetesOptions options)
    {
        var errors = new List<string>();
        if (options.ReminderDaysBeforeClosing is < 0 or > 90)
        {
            errors.Add("Vigie:Enquetes:ReminderDaysBeforeClosing doit être compris entre 0 et 90.");
        }

        if (options.ReminderIntervalMinutes is < 1 or > 1440)
        {
            errors.Add("Vigie:Enquetes:ReminderIntervalMinutes doit être compris entre 1 et 1440.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>Authorization policy of the surveys' management pages.</summary>
public static class SurveyPolicies
{
    /// <summary>Campaigns, services' status, results, reminders and trend: Coordination.</summary>
    public const string Coordination = "SurveysCoordination";
}

public static class EnquetesServiceCollectionExtensions
{
    /// <summary>Settings (validated at start), the policy, the reminders (a background job) and the navigation's check.</summary>
    public static WebApplicationBuilder AddEnquetes(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnquetesOptions>()
            .Bind(builder.Configuration.GetSection(EnquetesOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EnquetesOptions>, EnquetesOptionsValidator>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SurveyPolicies.Coordination, p => p.RequireRole(Compte.Roles.Coordination));
        builder.Services.AddScoped<SurveyNotices>();
        builder.Services.AddScoped<SurveyReminders>();
        builder.Services.AddHostedService<SurveyReminderBackgroundService>(); // idle when RemindersInBackground is off
        builder.Services.AddScoped<SurveyInbox>();
        return builder;
    }
}
