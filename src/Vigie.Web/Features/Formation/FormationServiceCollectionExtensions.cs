using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Formation.Import;

namespace Vigie.Web.Features.Formation;

public static class FormationServiceCollectionExtensions
{
    /// <summary>Trainings (pages under /formation): Coordination manages them; the figures are also the Observatoire role's.</summary>
    public static WebApplicationBuilder AddFormation(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(FormationPolicies.Manage, p => p.RequireRole(Roles.Coordination))
            .AddPolicy(FormationPolicies.Figures, p => p.RequireRole(Roles.Coordination, Roles.Observatoire));
        builder.Services.AddScoped<AttendanceImporter>();
        builder.Services.AddScoped<DuplicateReview>();
        return builder;
    }
}
