using System.ComponentModel.DataAnnotations;

namespace Vigie.Web.Features.Situations;

/// <summary>Settings of the situations list (<c>Vigie:Situations:List</c>).</summary>
public sealed class SituationListOptions
{
    public const string Section = "Vigie:Situations:List";

    /// <summary>
    /// Pages that can be browsed for one filter and sort (of <see cref="IndexModel.PageSize"/> rows).
    /// The list counts at most this many pages' rows plus one: beyond, it says "plus de …" and asks for a
    /// narrower filter or the other sort order. Counting every matching row cost PostgreSQL about
    /// 15 ms per request at 100,000 situations, and a page that deep serves nobody.
    /// </summary>
    [Range(2, 10_000)]
    public int MaxPages { get; set; } = 200;

    public int MaxRows => MaxPages * IndexModel.PageSize;
}
