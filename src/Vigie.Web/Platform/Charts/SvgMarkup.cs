using System.Xml.Linq;

namespace Vigie.Web.Platform.Charts;

/// <summary>
/// Turns ScottPlot's SVG document into markup to inline in a page: the XML declaration and fixed
/// size go, a viewBox, role="img" and a &lt;title&gt; come in, and ids get a per-chart prefix so that
/// the clip paths of twenty charts on one page do not resolve to each other's.
/// </summary>
internal static class SvgMarkup
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Xlink = "http://www.w3.org/1999/xlink";

    /// <summary>Browsers without DejaVu Sans fall back to Verdana, of similar widths, then any sans-serif.</summary>
    private const string FontFamily = ChartFont.Family + ", Verdana, sans-serif";

    public static string ForInlineHtml(string svg, string title, string id, int width, int height)
    {
        var root = XDocument.Parse(svg).Root
            ?? throw new InvalidOperationException("ScottPlot returned no SVG element.");

        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants())
        {
            if (element.Attribute("id") is { } attribute)
            {
                var fresh = $"{id}-{renamed.Count}";
                renamed[attribute.Value] = fresh;
                attribute.Value = fresh;
            }
        }

        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            Check(element);
            foreach (var attribute in element.Attributes().ToList())
            {
                if (attribute.IsNamespaceDeclaration)
                {
                    if (attribute.Value == Xlink.NamespaceName)
                    {
                        attribute.Remove();
                    }

                    continue;
                }

                if (attribute.Name.LocalName == "font-family")
                {
                    attribute.Value = FontFamily;
                }
                else if (attribute.Value.Contains("url(#", StringComparison.Ordinal))
                {
                    attribute.Value = Rename(attribute.Value, renamed);
                }
            }

            // Skia writes each text on its own indented lines; the glyph positions are for the text alone.
            if (element.Name == Svg + "text")
            {
                foreach (var node in element.Nodes().OfType<XText>())
                {
                    node.Value = node.Value.Trim();
                }
            }
        }

        root.SetAttributeValue("width", null);
        root.SetAttributeValue("height", null);
        root.SetAttributeValue("viewBox", $"0 0 {width} {height}");
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", id + "-title");
        root.AddFirst(new XElement(Svg + "title", new XAttribute("id", id + "-title"), title));
        return root.ToString(SaveOptions.DisableFormatting | SaveOptions.OmitDuplicateNamespaces);
    }

    private static string Rename(string value, Dictionary<string, string> renamed)
    {
        foreach (var (old, fresh) in renamed)
        {
            value = value.Replace($"url(#{old})", $"url(#{fresh})", StringComparison.Ordinal);
        }

        return value;
    }

    /// <summary>
    /// What the page's CSP or an inline &lt;svg&gt; cannot take. ScottPlot emits none of it today; a
    /// new version that did should fail here, in the tests, not silently in a browser.
    /// </summary>
    private static void Check(XElement element)
    {
        var name = element.Name.LocalName;
        if (name is "script" or "style" or "foreignObject" or "image" or "use")
        {
            throw new InvalidOperationException($"Unexpected <{name}> in ScottPlot's SVG.");
        }

        foreach (var attribute in element.Attributes())
        {
            var local = attribute.Name.LocalName;
            if (!attribute.IsNamespaceDeclaration && (local == "style" || local == "href" || local.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            {
                throw new InvalidOperationException($"Unexpected attribute {local} in ScottPlot's SVG.");
            }
        }
    }
}
