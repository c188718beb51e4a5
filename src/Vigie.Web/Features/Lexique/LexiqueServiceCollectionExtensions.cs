using Vigie.Web.Features.Compte;

namespace Vigie.Web.Features.Lexique;

/// <summary>Who may do what in the lexique: every signed-in role reads it (no personal data in it); Coordination edits it.</summary>
public static class LexiquePolicies
{
    /// <summary>Creating, editing, retiring and restoring terms: Coordination.</summary>
    public const string Edit = "LexiqueEdit";
}

/// <summary>The record types the lexique writes in the audit log.</summary>
public static class LexiqueAudit
{
    /// <summary>One term (record id: the term's id).</summary>
    public const string Term = "Lexique.Terme";

    /// <summary>The printable glossary, as a page or a PDF (no record id).</summary>
    public const string Glossary = "Lexique.Glossaire";
}

public static class LexiqueServiceCollectionExtensions
{
    public static WebApplicationBuilder AddLexique(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LexiqueLinks>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(LexiquePolicies.Edit, p => p.RequireRole(Roles.Coordination));
        return builder;
    }
}
