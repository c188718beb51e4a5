using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Web.Features.Situations;

/// <summary>
/// The situations the user may see, filtered, sorted and paged by the database within
/// <see cref="SituationScope"/>. The name search goes through the blind index (names are encrypted:
/// there is no clear text to search); only the names of the rows shown (50 at most) are decrypted.
/// Filter values that do not parse are ignored.
/// </summary>
public sealed class IndexModel(VigieDbContext db, FieldCipher cipher, BlindIndex index, IAuditLog audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<SituationListOptions> listOptions, CappedCounts cappedCounts) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The sortable columns, by query-string key, with the direction a first click gives.</summary>
    public static readonly IReadOnlyDictionary<string, bool> SortKeys = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        [Sorts.Opening] = true,
        [Sorts.Status] = false,
        [Sorts.BirthYear] = false,
        [Sorts.Territory] = false,
        [Sorts.Organisation] = false,
        [Sorts.Level] = false,
    };

    [FromQuery(Name = "statut")]
    public string? Statut { get; set; }

    [FromQuery(Name = "niveau")]
    public string? Niveau { get; set; }

    [FromQuery(Name = "territoire")]
    public string? Territoire { get; set; }

    [FromQuery(Name = "organisation")]
    public string? Organisation { get; set; }

    [FromQuery(Name = "age")]
    public string? Age { get; set; }

    [FromQuery(Name = "retard")]
    public string? Retard { get; set; }

    [FromQuery(Name = "nom")]
    public string? Nom { get; set; }

    [FromQuery(Name = "tri")]
    public string? Tri { get; set; }

    [FromQuery(Name = "ordre")]
    public string? Ordre { get; set; }

    [FromQuery(Name = "page")]
    public string? PageNumber { get; set; }

    [TempData]
    public string? Status { get; set; }

    public int Numero { get; private set; } = 1;

    /// <summary>The rows matching, counted up to <see cref="SituationListOptions.MaxRows"/> (see <see cref="Capped"/>).</summary>
    public int Total { get; private set; }

    /// <summary>More rows match than can be browsed: <see cref="Total"/> is the cap, not the count.</summary>
    public bool Capped { get; private set; }

    public int Pages { get; private set; }

    /// <summary>The sort applied (a key of <see cref="SortKeys"/>) and its direction.</summary>
    public string Sort { get; private set; } = Sorts.Opening;

    public bool Descending { get; private set; } = true;

    public bool OverdueOnly { get; private set; }

    public int CurrentYear { get; private set; }

    /// <summary>Set when the name typed has no letter: the search is not applied.</summary>
    public string? NameError { get; private set; }

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        CurrentYear = now.Year;
        var query = Filter(db.Situations.AsNoTracking().VisibleTo(User, now), now);

        // The count stops one row past what can be browsed: its cost no longer grows with the table.
        var maxRows = listOptions.Value.MaxRows;
        var countKey = CappedCounts.Key(User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            string.Join('&', Request.Query.Where(q => q.Key is not ("page" or "tri" or "ordre")).OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value)));
        var counted = cappedCounts.IsCapped(countKey) ? maxRows + 1 : await query.Take(maxRows + 1).CountAsync();
        Capped = counted > maxRows;
        if (Capped)
        {
            cappedCounts.RememberCapped(countKey);
        }

        Total = Math.Min(counted, maxRows);
        Pages = Math.Max(1, (Total + PageSize - 1) / PageSize);
        Numero = int.TryParse(PageNumber, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page)
            ? Math.Clamp(page, 1, Pages)
            : 1;
        var found = await Order(query)
            .Skip((Numero - 1) * PageSize)
            .Take(PageSize)
            .Select(s => new
            {
                s.Id, s.CreatedAt, s.Status, s.Level, s.BirthYear, s.Territory, Organisation = s.ReferentOrganisation!.Name,
                s.LastNameEncrypted, s.FirstNameEncrypted,
            })
            .ToListAsync();
        Rows = found.Select(s => new Row(s.Id, Name(s.FirstNameEncrypted, s.LastNameEncrypted), s.CreatedAt, s.Status, s.Level,
            s.BirthYear, s.Territory, s.Organisation)).ToList();

        if (User.IsInRole(Roles.Coordination))
        {
            Organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
                .Select(o => new OrganisationOption(o.Id, o.Name)).ToListAsync();
        }

        // The page shows minors' names: the read is logged (which page of the list, never the filters typed).
        if (Rows.Count > 0)
        {
            await audit.RecordAsync(AuditAction.Read, AuditRecordType.SituationList, Numero.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private IQueryable<Situation> Filter(IQueryable<Situation> query, DateTime now)
    {
        if (Enum.TryParse<SituationStatus>(Statut, out var status) && Enum.IsDefined(status) && !int.TryParse(Statut, out _))
        {
            query = query.Where(s => s.Status == status);
        }

        if (Niveau == LevelNotEvaluated)
        {
            query = query.Where(s => s.Level == null);
        }
        else if (Enum.TryParse<QualificationLevel>(Niveau, out var level) && Enum.IsDefined(level) && !int.TryParse(Niveau, out _))
        {
            query = query.Where(s => s.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(Territoire))
        {
            var territory = Territoire.Trim().ToLower(System.Globalization.CultureInfo.InvariantCulture);
            query = query.Where(s => s.Territory != null && s.Territory.ToLower().Contains(territory));
        }

        if (Guid.TryParse(Organisation, out var organisation))
        {
            query = query.Where(s => s.ReferentOrganisationId == organisation);
        }

        if (AgeBands.Parse(Age) is { } band)
        {
            var (from, to) = AgeBands.BirthYears(band, now.Year);
            if (from is { } first)
            {
                query = query.Where(s => s.BirthYear >= first);
            }

            if (to is { } last)
            {
                query = query.Where(s => s.BirthYear <= last);
            }
        }

        OverdueOnly = Retard is "1" or "true" or "on";
        if (OverdueOnly)
        {
            // A range on one indexed column: NextDueAt is the earliest due date of the open steps,
            // kept by LegalStepDue whenever steps change (a subquery over the steps made the
            // filter cost tens of milliseconds at 100,000 situations).
            query = query.Where(s => s.NextDueAt < now);
        }

        if (!string.IsNullOrWhiteSpace(Nom))
        {
            if (BlindIndex.Normalise(Nom).Length == 0)
            {
                NameError = "Saisissez un nom de famille (des lettres) : la recherche n'a pas été appliquée.";
            }
            else
            {
                var fingerprint = index.ComputeName(Nom);
                query = query.Where(s => s.NameIndex == fingerprint);
            }
        }

        return query;
    }

    /// <summary>The chosen sort, then the id so that rows with equal keys keep one order across pages.</summary>
    private IOrderedQueryable<Situation> Order(IQueryable<Situation> query)
    {
        Sort = Tri is not null && SortKeys.ContainsKey(Tri) ? Tri : Sorts.Opening;
        Descending = Ordre switch
        {
            "asc" => false,
            "desc" => true,
            _ => SortKeys[Sort],
        };
        var ordered = Sort switch
        {
            Sorts.Status => By(query, s => s.Status == SituationStatus.Reperee ? 0
                : s.Status == SituationStatus.EnEvaluation ? 1
                : s.Status == SituationStatus.Signalee ? 2
                : s.Status == SituationStatus.SuivieEnCommission ? 3 : 4),
            Sorts.BirthYear => By(query, s => s.BirthYear),
            Sorts.Territory => By(query, s => s.Territory),
            Sorts.Organisation => By(query, s => s.ReferentOrganisation!.Name),
            Sorts.Level => By(query, s => s.Level == null ? 0 : s.Level == QualificationLevel.EnRisque ? 1 : 2),
            _ => By(query, s => s.CreatedAt),
        };
        return Descending ? ordered.ThenByDescending(s => s.Id) : ordered.ThenBy(s => s.Id);
    }

    private IOrderedQueryable<Situation> By<TKey>(IQueryable<Situation> query, System.Linq.Expressions.Expression<Func<Situation, TKey>> key) =>
        Descending ? query.OrderByDescending(key) : query.OrderBy(key);

    private string Name(string firstName, string lastName)
    {
        try
        {
            return Situation.DisplayName(cipher, firstName, lastName);
        }
        catch (FieldDecryptionException)
        {
            return "(identité illisible)";
        }
    }

    public string PageLink(int page) => Paging.Link(Request, page);

    /// <summary>The link of a column header: that sort (the other direction when it is the current one), back to page 1.</summary>
    public string SortLink(string key) => Paging.Link(Request, new Dictionary<string, string?>
    {
        ["tri"] = key,
        ["ordre"] = (key == Sort ? !Descending : SortKeys[key]) ? "desc" : "asc",
        ["page"] = null,
    });

    /// <summary>The aria-sort value of a column header (null: not sorted by it).</summary>
    public string? AriaSort(string key) => key == Sort ? (Descending ? "descending" : "ascending") : null;

    public const string LevelNotEvaluated = "NonEvaluee";

    public static class Sorts
    {
        public const string Opening = "ouverture";
        public const string Status = "statut";
        public const string BirthYear = "naissance";
        public const string Territory = "territoire";
        public const string Organisation = "organisation";
        public const string Level = "niveau";
    }

    public sealed record OrganisationOption(Guid Id, string Name);

    public sealed record Row(Guid Id, string Name, DateTime CreatedAt, SituationStatus Status, QualificationLevel? Level, int BirthYear,
        string? Territory, string Organisation);
}
