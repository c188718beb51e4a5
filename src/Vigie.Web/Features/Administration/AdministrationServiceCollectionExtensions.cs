namespace Vigie.Web.Features.Administration;

public static class AdministrationServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAdministration(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CreateAccount>();
        return builder;
    }
}
