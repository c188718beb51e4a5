using Microsoft.Playwright;

namespace Vigie.BrowserTests.Infrastructure;

public static class Navigation
{
    /// <summary>
    /// Clicks and waits until the page shows a new document. For forms whose answer is the same
    /// address with the same elements (a refused login), where waiting for an element proves nothing.
    /// </summary>
    public static async Task ClickAndWaitForNewDocumentAsync(this ILocator target, IPage page)
    {
        var navigated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnNavigated(object? sender, IFrame frame)
        {
            if (frame == page.MainFrame)
            {
                navigated.TrySetResult();
            }
        }

        page.FrameNavigated += OnNavigated;
        try
        {
            await target.ClickAsync();
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>
    /// Clicks, waits for the new document, then checks where it landed. Used instead of a click
    /// followed by <c>WaitForURLAsync</c>, which can miss a navigation that finishes before it starts
    /// waiting on a loaded machine.
    /// </summary>
    public static async Task ClickAndWaitForUrlAsync(this ILocator target, IPage page, Func<string, bool> expected)
    {
        await target.ClickAndWaitForNewDocumentAsync(page);
        if (!expected(page.Url))
        {
            throw new InvalidOperationException($"Après le clic, la page est {page.Url}, qui n'est pas l'adresse attendue.");
        }
    }

    public static Task ClickAndWaitForUrlAsync(this ILocator target, IPage page, System.Text.RegularExpressions.Regex expected) =>
        target.ClickAndWaitForUrlAsync(page, url => expected.IsMatch(url));
}
