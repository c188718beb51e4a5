using Vigie.Web.Features.Situations.LegalSteps;

namespace Vigie.Web.Features.Situations.Timeline;

public static class TimelineServiceCollectionExtensions
{
    /// <summary>The timeline sources of the situations module; later modules register theirs the same way.</summary>
    public static WebApplicationBuilder AddSituationTimeline(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ITimelineSource, SituationEventTimelineSource>();
        builder.Services.AddScoped<ITimelineSource, LegalStepTimelineSource>();
        builder.Services.AddScoped<ITimelineSource, EvaluationTimelineSource>();
        return builder;
    }
}
