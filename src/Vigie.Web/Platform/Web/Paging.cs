using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Vigie.Web.Platform.Web;

public static class Paging
{
    /// <summary>The current request's path and filters, with another page number.</summary>
    public static string Link(HttpRequest request, int page) =>
        Link(request, new Dictionary<string, string?> { ["page"] = page.ToString(CultureInfo.InvariantCulture) });

    /// <summary>
    /// The current request's path and query string with some values replaced (a null value removes
    /// the parameter); empty parameters, as a GET form submits them, are left out.
    /// </summary>
    public static string Link(HttpRequest request, IReadOnlyDictionary<string, string?> changes)
    {
        var values = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !changes.ContainsKey(q.Key) && !string.IsNullOrEmpty(q.Value.ToString()))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        foreach (var (key, value) in changes)
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        return QueryHelpers.AddQueryString(request.PathBase + request.Path, values);
    }
}
