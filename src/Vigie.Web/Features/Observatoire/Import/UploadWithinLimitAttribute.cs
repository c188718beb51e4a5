using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Vigie.Web.Features.Observatoire.Import;

/// <summary>
/// Reads the import form with the file size limit (<see cref="ImportOptions.MaxFileBytes"/> plus the
/// other fields), after authorization and before antiforgery, like <c>ReadFormWithinLimits</c>. A
/// body beyond it is not read: the user is sent back to the page, which says the file is too large
/// (rather than a bare 413, or a 500 from an exception deep in the form reader).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadWithinLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TooLargeQuery = "trop-volumineux";

    /// <summary>Room for the other fields and the multipart boundaries.</summary>
    private const int Margin = 64 * 1024;

    public int Order => 500;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (context.Result is not null || !HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }

        long limit = http.RequestServices.GetRequiredService<IOptions<ImportOptions>>().Value.MaxFileBytes + Margin;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            context.Result = TooLarge(request);
            return;
        }

        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = 4096 }));
        try
        {
            await request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            context.Result = TooLarge(request);
        }
    }

    private static RedirectResult TooLarge(HttpRequest request) =>
        new RedirectResult($"{request.Path}?{TooLargeQuery}=1", permanent: false, preserveMethod: false);
}
