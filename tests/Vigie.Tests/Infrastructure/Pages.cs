using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Vigie.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms as a browser would, antiforgery token included.</summary>
public static class Pages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>GETs the page, takes the antiforgery token of its form (the one posting to handler, if given) and posts the fields.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? handler = null, string? formPage = null)
    {
        var page = await client.GetAsync(formPage ?? url);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {formPage ?? url} → {(int)page.StatusCode}");
        var document = await ParseAsync(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"Pas de jeton antiforgery dans {url}");
        return await PostAsync(client, url, fields, token, handler);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields, string token, string? handler = null)
    {
        var all = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        var target = handler is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}handler={handler}";
        return client.PostAsync(target, new FormUrlEncodedContent(all));
    }

    public static async Task<string> TokenAsync(HttpClient client, string url)
    {
        var document = await GetDocumentAsync(client, url);
        return document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    public static string Text(this IHtmlDocument document, string selector) =>
        document.QuerySelector(selector)?.TextContent.Trim() ?? string.Empty;
}
