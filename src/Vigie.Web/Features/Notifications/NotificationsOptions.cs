namespace Vigie.Web.Features.Notifications;

/// <summary>Settings of the <c>Vigie</c> section that notifications read.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Vigie";

    /// <summary>
    /// The address users reach Vigie at (e.g. <c>https://vigie.example.fr</c>), to put absolute
    /// links in e-mails. Without it, e-mails give the path and ask the reader to log in to Vigie.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Empty, or an absolute http(s) address without query or fragment.</summary>
    public bool IsValid() =>
        string.IsNullOrWhiteSpace(PublicUrl)
        || (Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}
