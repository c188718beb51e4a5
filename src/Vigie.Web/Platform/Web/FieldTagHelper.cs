using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Vigie.Web.Platform.Web;

/// <summary>
/// <c>vigie-for="Input.Name"</c> on a hand-written input, select or textarea: ties it to its error
/// message: when, when the field has an error, marks it (<c>aria-invalid</c>,
/// <c>aria-describedby="{id}-error"</c> and the error class), as the built-in tag helpers do for <c>asp-for</c>.
/// </summary>
[HtmlTargetElement("input", Attributes = AttributeName, TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = AttributeName)]
[HtmlTargetElement("textarea", Attributes = AttributeName)]
public sealed class FieldTagHelper : TagHelper
{
    private const string AttributeName = "vigie-for";

    [HtmlAttributeName(AttributeName)]
    public string Field { get; set; } = string.Empty;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var id = output.Attributes["id"]?.Value?.ToString() ?? TagBuilder.CreateSanitizedId(Field, "_");
        if (ViewContext.ViewData.ModelState.TryGetValue(Field, out var entry) && entry.Errors.Count > 0)
        {
            // The message is then rendered in the element "{id}-error" beside the field.
            output.Attributes.SetAttribute("aria-describedby", id + "-error");
            output.Attributes.SetAttribute("aria-invalid", "true");
            output.AddClass("input-validation-error", System.Text.Encodings.Web.HtmlEncoder.Default);
        }
    }
}
