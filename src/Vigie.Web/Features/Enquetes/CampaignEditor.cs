using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;

namespace Vigie.Web.Features.Enquetes;

/// <summary>What the campaign form shows beside the typed fields: the organisations that can be asked.</summary>
public sealed record CampaignEditor(CampaignForm Form, IReadOnlyList<CampaignEditor.Service> Services, bool QuestionsEditable, bool YearEditable)
{
    /// <summary>Active organisations, ASE services first (those a survey usually asks), then the others, by name; plus those already asked.</summary>
    public static async Task<List<Service>> ServicesAsync(VigieDbContext db, IReadOnlyCollection<Guid> asked) =>
        (await db.Organisations.AsNoTracking()
            .Where(o => o.IsActive || asked.Contains(o.Id))
            .Select(o => new Service(o.Id, o.Name, o.Kind, o.Territory))
            .ToListAsync())
        .OrderBy(o => o.Kind == OrganisationKind.Ase ? 0 : 1).ThenBy(o => o.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
        .ToList();

    public sealed record Service(Guid Id, string Name, OrganisationKind Kind, string? Territory);
}
