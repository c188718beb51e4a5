namespace Vigie.Web.Platform.Web;

/// <summary>What the <c>_Pager</c> partial needs: the current page, the page count, the navigation's accessible name and the link to a page.</summary>
public sealed record Pager(int Page, int Pages, string Label, Func<int, string> Link);
