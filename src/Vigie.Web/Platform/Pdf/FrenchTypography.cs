using System.Text;

namespace Vigie.Web.Platform.Pdf;

/// <summary>
/// French typography for the PDF files. <see cref="Label"/> is for Vigie's own wording (titles,
/// labels, fixed sentences): a no-break space (U+00A0) before « : » and inside « », a narrow no-break
/// space (U+202F) before ; ! ?. <see cref="TypedText"/> is for what people typed: kept as it is but
/// for line endings and tabs. The line breaker of <see cref="PdfFlowDocument"/> then never starts a
/// line with one of those marks, whichever kind of text they come from.
/// </summary>
public static class FrenchTypography
{
    public const char NoBreakSpace = '\u00A0';
    public const char NarrowNoBreakSpace = '\u202F';

    /// <summary>Spaces a tab stands for (the PDF has no tab stops).</summary>
    public const int TabWidth = 4;

    /// <summary>
    /// Vigie's own wording with French spacing. A space before the mark becomes the no-break one; a
    /// mark glued to a word gets one only when it ends the text or a space follows it, so "10:30",
    /// "https://" or "?page=2" are left alone.
    /// </summary>
    public static string Label(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var space = SpaceBefore(c);
            if (space is not null)
            {
                var atEnd = i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]);
                var trimmed = TrimTrailingSpaces(result);
                if (result.Length > 0 && !NoSpaceAfter(result[^1]) && (trimmed > 0 || atEnd))
                {
                    result.Append(space.Value);
                }

                result.Append(c);
            }
            else if (c == '«')
            {
                result.Append(c).Append(NoBreakSpace);
                while (i + 1 < text.Length && text[i + 1] is ' ' or NoBreakSpace or NarrowNoBreakSpace)
                {
                    i++;
                }
            }
            else if (c == '»')
            {
                TrimTrailingSpaces(result);
                result.Append(NoBreakSpace).Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>
    /// What a person typed, as it will be printed: line endings become "\n" (CR LF, CR, and the
    /// Unicode line and paragraph separators), a tab becomes <see cref="TabWidth"/> spaces, and
    /// other control characters, which no font draws, are dropped. Nothing else changes.
    /// </summary>
    public static string TypedText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    result.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\u2028' or '\u2029' or '\u0085':
                    result.Append('\n');
                    break;
                case '\t':
                    result.Append(' ', TabWidth);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>The marks a line must not start with: they stay on the line of the word before them.</summary>
    public static bool BindsToPreviousWord(char c) => c is ':' or ';' or '!' or '?' or '»';

    /// <summary>The marks a line must not end with: they go to the line of the word after them.</summary>
    public static bool BindsToNextWord(char c) => c is '«';

    private static char? SpaceBefore(char c) => c switch
    {
        ':' => NoBreakSpace,
        ';' or '!' or '?' => NarrowNoBreakSpace,
        _ => null,
    };

    // "?!" and "(?)" take no space inside.
    private static bool NoSpaceAfter(char c) => c is '(' or '[' or '«' or ':' or ';' or '!' or '?' || char.IsWhiteSpace(c);

    private static int TrimTrailingSpaces(StringBuilder text)
    {
        var removed = 0;
        while (text.Length > 0 && text[^1] is ' ' or NoBreakSpace or NarrowNoBreakSpace)
        {
            text.Length--;
            removed++;
        }

        return removed;
    }
}
