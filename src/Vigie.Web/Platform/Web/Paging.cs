using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Vigie.Web.Platform.Web;

public static class Paging
{
    /// <summary>The current request's path and filters, with another page number.</summary>
    public static string Link(HttpRequest request, int page)
    {
        var values = QueryHelpers.ParseQuery(request.QueryString.Value).Where(q => q.Key != "page")
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        values["page"] = page.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, values);
    }
}
