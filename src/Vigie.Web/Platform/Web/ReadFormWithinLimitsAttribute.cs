using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Vigie.Web.Platform.Web;

/// <summary>
/// Reads a posted form with the given per-value limit, after authorization and before the
/// antiforgery check. A form beyond the limits answers 413, which the error page explains in
/// French, rather than an antiforgery failure or an exception.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadFormWithinLimitsAttribute(int valueLengthLimit) : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int ValueLengthLimit { get; } = valueLengthLimit;

    /// <summary>After the authorization filters (order 0), before antiforgery (order 1000).</summary>
    public int Order => 500;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (context.Result is not null || !request.HasFormContentType)
        {
            return;
        }

        context.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { ValueLengthLimit = ValueLengthLimit }));
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
