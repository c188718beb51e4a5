using AngleSharp.Html.Dom;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations.Trame;

namespace Vigie.Tests.Situations;

/// <summary>Fills the trame through its pages, as a professional would.</summary>
public static class TrameFixtures
{
    public static readonly DateOnly Birth = new(2010, 4, 2);

    /// <summary>A trame that passes every check: the required fields and a few more.</summary>
    public static Dictionary<string, Dictionary<string, string>> Complete() => new()
    {
        [TrameSchema.EnTete] = new()
        {
            ["auteur1_nom"] = "Claire Dubois", ["auteur1_fonction"] = "Éducatrice spécialisée", ["auteur1_organisation"] = "MECS Les Tilleuls",
            ["auteur1_telephone"] = "04 72 00 00 00", ["auteur1_courriel"] = "claire.dubois@example.org",
        },
        [TrameSchema.Administratif] = new()
        {
            ["mineur_non_accompagne"] = "non", ["lieu_de_vie"] = "mecs", ["scolarite"] = "absenteisme", ["protection"] = "placement_ase",
        },
        [TrameSchema.Famille] = new()
        {
            ["structure_familiale"] = "monoparentale_mere", ["fratrie_nombre"] = "3", ["rang"] = "aine",
            ["violences_physiques"] = "suspecte", ["violences_sexuelles"] = "inconnu", ["parents_informes_date"] = "2024-05-02",
        },
        [TrameSchema.Reperage] = new()
        {
            ["date_reperage"] = "2024-03-15", ["source"] = "etablissement", ["faits"] = "Retours tardifs, argent liquide.",
            ["parole"] = "« Je gère, c'est mon copain qui m'aide. »",
        },
        [TrameSchema.Indicateurs] = new() { ["fugues_12_mois"] = "4", ["argent_inexplique"] = "avere", ["argent_inexplique.date"] = "2024-02-10" },
        [TrameSchema.Qualification] = new() { ["niveau"] = "averee", ["proxenetisme"] = "non", ["rabattage"] = "oui" },
        [TrameSchema.Analyse] = new() { ["analyse"] = "Mise en danger avérée, emprise d'un adulte." },
    };

    public static readonly Dictionary<string, string> Confirmation = new() { ["date_validation"] = "2024-06-01", ["auteurs_confirment"] = "auteur1" };

    /// <summary>A situation of a new organisation, and one of its professionals logged in.</summary>
    public static async Task<(HttpClient Client, Guid Id, TestUser User)> OpenAsync(VigieFactory factory)
    {
        var org = await factory.CreateOrganisationAsync();
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var client = await factory.LoginAsync(user);
        var id = await SituationFixtures.OpenAsync(factory, org, "Morel", "Léna", Birth);
        return (client, id, user);
    }

    public static string SectionUrl(Guid id, string section) => $"/situations/{id}/trame/{section}";

    /// <summary>Opens the section's page and saves the values with its antiforgery and draft tokens.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, string section, Dictionary<string, string> values, string? jeton = null)
    {
        var url = SectionUrl(id, section);
        var page = await Pages.GetDocumentAsync(client, url);
        return await PostAsync(client, url, page, values, jeton);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlDocument page, Dictionary<string, string> values, string? jeton = null, string? handler = null)
    {
        var fields = values.ToDictionary(kv => "v." + kv.Key, kv => kv.Value);
        fields["jeton"] = jeton ?? page.QuerySelector("input[name=jeton]")!.GetAttribute("value")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return Pages.PostAsync(client, url, fields, token, handler);
    }

    public static async Task<HttpResponseMessage> ValidateAsync(HttpClient client, Guid id, Dictionary<string, string> confirmation)
    {
        var url = $"/situations/{id}/trame";
        var page = await Pages.GetDocumentAsync(client, url);
        return await PostAsync(client, url, page, confirmation, handler: "Validate");
    }

    public static async Task FillAsync(HttpClient client, Guid id, Dictionary<string, Dictionary<string, string>> trame)
    {
        foreach (var (section, values) in trame)
        {
            var response = await SaveAsync(client, id, section, values);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect,
                $"{section} : {(await Pages.ParseAsync(response)).Text("#form-errors")}");
        }
    }
}
