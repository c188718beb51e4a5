namespace Vigie.Web.Features.Signalements.Documents;

/// <summary>What is sent: a signalement to the parquet, or an information préoccupante to the CRIP.</summary>
public enum SignalementDocumentKind
{
    Signalement,
    InformationPreoccupante,
}

/// <summary>
/// Everything the PDF of a signalement or an information préoccupante shows, already chosen and
/// worded: <see cref="SignalementPdf"/> lays it out and adds nothing but fixed labels. Text typed by
/// people (section paragraphs, values) is printed as typed.
/// </summary>
/// <param name="Reference">e.g. "SIG-2026-000123", in the footer of every page.</param>
/// <param name="Place">The town the document is written in ("Lyon"), before the date.</param>
/// <param name="Date">The date of the document, Paris calendar.</param>
/// <param name="Minor">The minor's identity block, label and value pairs ("Nom", "Prénom(s)", "Né(e) le"…).</param>
/// <param name="Sections">Numbered sections, rendered in the order given, empty ones included.</param>
public sealed record SignalementDocument(
    SignalementDocumentKind Kind,
    string Reference,
    DocumentSender Sender,
    IReadOnlyList<DocumentRecipient> To,
    IReadOnlyList<DocumentRecipient> Copy,
    string Place,
    DateOnly Date,
    IReadOnlyList<LabelledValue> Minor,
    IReadOnlyList<DocumentSection> Sections,
    IReadOnlyList<DocumentAuthor> Authors)
{
    public const string SignalementTitle = "Signalement — mineur(e) victime ou en risque de prostitution";
    public const string InformationPreoccupanteTitle = "Information préoccupante — mineur(e) en risque de prostitution";

    public string Title => Kind == SignalementDocumentKind.Signalement ? SignalementTitle : InformationPreoccupanteTitle;

    /// <summary>"Signalement" or "Information préoccupante", as in the footer.</summary>
    public string KindName => Kind == SignalementDocumentKind.Signalement ? "Signalement" : "Information préoccupante";
}

/// <summary>The sending organisation, top left of the first page.</summary>
public sealed record DocumentSender(string Organisation, IReadOnlyList<string> AddressLines, string? Phone, string? Email);

/// <summary>A recipient ("À") or a recipient in copy ("Copie à"): name, then address lines.</summary>
public sealed record DocumentRecipient(string Name, IReadOnlyList<string> AddressLines);

/// <summary>A numbered section: its number, title and paragraphs (none: the section says so).</summary>
public sealed record DocumentSection(int Number, string Title, IReadOnlyList<DocumentParagraph> Paragraphs);

/// <summary>A paragraph of a section: plain text, or a list of label and value pairs.</summary>
public abstract record DocumentParagraph;

/// <summary>Text as typed: line breaks kept, "\r\n" and tabs normalised.</summary>
public sealed record TextParagraph(string Text) : DocumentParagraph;

/// <summary>Label and value pairs, e.g. the indicators observed and what was seen of each.</summary>
public sealed record LabelledList(IReadOnlyList<LabelledValue> Items) : DocumentParagraph;

/// <summary>A label (Vigie's wording) and a value (as typed).</summary>
public sealed record LabelledValue(string Label, string Value);

/// <summary>An author, who signs: name, function, organisation and contact details.</summary>
public sealed record DocumentAuthor(string Name, string Function, string Organisation, string? Phone, string? Email);

/// <summary>When the PDF is made (document information, never the clock) and an optional watermark for every page.</summary>
public sealed record PdfRenderOptions(DateTimeOffset CreatedAt, string? Watermark = null);
