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
            await navigated.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            page.FrameNavigated -= OnNavigated;
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
