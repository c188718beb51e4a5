using Microsoft.AspNetCore.Mvc.RazorPages;
using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Accueil;

/// <summary>Authorization policies of the Accueil module.</summary>
public static class AccueilPolicies
{
    /// <summary>Reading the facilities and their occupancy, orienting a situation: those who orient (Professionnel) and Coordination.</summary>
    public const string Facilities = "AccueilFacilities";

    /// <summary>Creating, editing, deactivating a facility: Coordination.</summary>
    public const string ManageFacilities = "AccueilManageFacilities";
}

public static class AccueilServiceCollectionExtensions
{
    /// <summary>The facilities, their occupancy and the orientations of situations (DOMAIN.md §4).</summary>
    public static WebApplicationBuilder AddAccueil(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccueilPolicies.Facilities, p => p.RequireRole(Roles.Coordination, Roles.Professionnel))
            .AddPolicy(AccueilPolicies.ManageFacilities, p => p.RequireRole(Roles.Coordination));
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Accueil", AccueilPolicies.Facilities));
        builder.Services.AddScoped<Occupancy>();
        builder.Services.AddScoped<SituationOrientations>();
        builder.Services.AddScoped<Situations.Timeline.ITimelineSource, OrientationTimelineSource>();
        return builder;
    }
}
