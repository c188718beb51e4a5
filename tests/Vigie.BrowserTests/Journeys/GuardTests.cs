using Microsoft.Playwright;
using Vigie.BrowserTests.Infrastructure;

namespace Vigie.BrowserTests.Journeys;

/// <summary>
/// The checks every journey relies on (axe, CSP errors in the console, requests leaving the test
/// server) do fail when a page breaks the rules: a broken page is staged in the browser here.
/// </summary>
public sealed class GuardTests(Chromium chromium)
{
    [Fact(Timeout = 120_000)]
    public async Task Session_checks_report_a_critical_axe_violation_a_CSP_violation_and_a_request_elsewhere()
    {
        await using var server = VigieServer.Start();
        await using var browser = await BrowserSession.OpenAsync(chromium.Browser, server, "garde-fous", TestContext.Current.CancellationToken);
        var page = browser.Page;
        await browser.GotoAsync("/compte/connexion", "connexion");

        // An image without text alternative (axe "image-alt", critical) and an inline style (refused by the CSP).
        await page.EvaluateAsync("""
            () => {
                const image = document.createElement('img');
                image.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=';
                image.width = 20;
                image.height = 20;
                image.id = 'image-sans-alternative';
                document.querySelector('main').append(image);
                const style = document.createElement('style');
                style.textContent = 'main { outline: 1px solid red; }';
                document.head.append(style);
            }
            """);
        await browser.CheckPageAsync("connexion-degradee");
        // A navigation to another origin (loopback, never reached: the session refuses it).
        await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync("http://localhost:9/ailleurs"));

        var failure = await Assert.ThrowsAnyAsync<Exception>(browser.AssertCleanAsync);
        Assert.Contains("image-alt [critical]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("#image-sans-alternative", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Content Security Policy", failure.Message, StringComparison.Ordinal);
        Assert.Contains("http://localhost:9/ailleurs", failure.Message, StringComparison.Ordinal);
    }
}
