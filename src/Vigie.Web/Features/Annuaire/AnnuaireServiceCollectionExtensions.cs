using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Annuaire;

/// <summary>
/// Who may do what in the directory: every signed-in role reads it (professional contacts only,
/// never data about a minor); the Administrateur (ACCESS.md: "directory") and Coordination (which
/// runs the commission and knows the partners and resources) edit it.
/// </summary>
public static class AnnuairePolicies
{
    public const string Edit = "AnnuaireEdit";
}

/// <summary>The record types the directory writes in the audit log.</summary>
public static class AnnuaireAudit
{
    /// <summary>One entry with its contacts (record id: the entry's id).</summary>
    public const string Entry = "Annuaire.Fiche";

    /// <summary>The directory's list or a search of it (no record id; the query is not logged).</summary>
    public const string List = "Annuaire.Liste";
}

public static class AnnuaireServiceCollectionExtensions
{
    public static WebApplicationBuilder AddAnnuaire(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AnnuairePolicies.Edit, p => p.RequireRole(Roles.Administrateur, Roles.Coordination));
        return builder;
    }
}
