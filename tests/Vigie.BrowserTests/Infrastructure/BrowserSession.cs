using System.Collections.Concurrent;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Vigie.BrowserTests.Infrastructure;

/// <summary>
/// A private browser context on one test server. Every page the test reaches goes through
/// <see cref="CheckPageAsync"/>: a full-page screenshot and an axe scan. The session also records
/// console errors and any request that would leave the test server, for <see cref="AssertCleanAsync"/>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly HashSet<string> BlockingImpacts = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    private readonly IBrowserContext _context;
    private readonly string _screenshots;
    private readonly ConcurrentQueue<string> _consoleErrors = new();
    private readonly ConcurrentQueue<string> _foreignRequests = new();
    private readonly List<string> _accessibilityProblems = [];
    private readonly List<string> _checkedPages = [];
    private CancellationTokenRegistration _onTimeout;

    private BrowserSession(IBrowserContext context, IPage page, string screenshots)
    {
        _context = context;
        Page = page;
        _screenshots = screenshots;
    }

    public IPage Page { get; }

    /// <summary>
    /// Screenshots go to bin/…/screenshots/<paramref name="name"/>/NN-step.png. When
    /// <paramref name="cancellation"/> fires (the test's timeout), the context is closed, which ends any
    /// Playwright call still waiting.
    /// </summary>
    public static async Task<BrowserSession> OpenAsync(IBrowser browser, VigieServer server, string name, CancellationToken cancellation)
    {
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        if (Directory.Exists(screenshots))
        {
            Directory.Delete(screenshots, recursive: true);
        }

        Directory.CreateDirectory(screenshots);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page, screenshots);
        session._onTimeout = cancellation.Register(() => _ = context.CloseAsync());

        // Nothing but the test server: any other request is refused and reported.
        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(
            url => !url.StartsWith(origin + "/", StringComparison.Ordinal) && url != origin,
            async route =>
            {
                session._foreignRequests.Enqueue(route.Request.Url);
                await route.AbortAsync();
            });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session._consoleErrors.Enqueue($"{page.Url} : {message.Text}");
            }
        };
        page.PageError += (_, error) => session._consoleErrors.Enqueue($"{page.Url} : exception JavaScript : {error}");
        return session;
    }

    /// <summary>Opens a path of the test server and expects a 200.</summary>
    public async Task GotoAsync(string pathAndQuery, string step)
    {
        var response = await Page.GotoAsync(pathAndQuery);
        Assert.NotNull(response);
        Assert.True(response.Status == 200, $"GET {pathAndQuery} → {response.Status}");
        await CheckPageAsync(step);
    }

    /// <summary>Screenshot and axe scan of the page now shown; serious and critical violations are kept for <see cref="AssertCleanAsync"/>.</summary>
    public async Task CheckPageAsync(string step)
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var index = _checkedPages.Count + 1;
        _checkedPages.Add($"{step} ({Page.Url})");
        await Page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, $"{index:00}-{step}.png"), FullPage = true });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = await Page.RunAxe();
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"[{index:00} {step}] {Page.Url} — axe ({watch.ElapsedMilliseconds} ms) : {result.Violations.Length} violation(s), {result.Passes.Length} règle(s) respectée(s)");
        foreach (var violation in result.Violations)
        {
            var targets = string.Join(" ; ", violation.Nodes.Select(n => n.Target?.ToString()));
            var line = $"{step} ({Page.Url}) : {violation.Id} [{violation.Impact}] {targets} — {violation.Help}";
            output?.WriteLine("    " + line);
            if (violation.Impact is not null && BlockingImpacts.Contains(violation.Impact))
            {
                _accessibilityProblems.Add(line);
            }
        }
    }

    /// <summary>
    /// Fails, with one message listing every problem, on serious or critical axe violations on any
    /// checked page, on Content Security Policy errors in the console, and on requests to anything
    /// but the test server.
    /// </summary>
    public async Task AssertCleanAsync()
    {
        Assert.True(_checkedPages.Count > 0, "Aucune page vérifiée.");
        // Console messages arrive asynchronously: let the last page's reports land first.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var output = TestContext.Current.TestOutputHelper;
        foreach (var error in _consoleErrors)
        {
            output?.WriteLine("console : " + error);
        }

        var problems = new List<string>();
        if (_accessibilityProblems.Count > 0)
        {
            problems.Add("Violations d'accessibilité graves ou critiques (axe) :\n" + string.Join("\n", _accessibilityProblems));
        }

        var csp = _consoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        if (csp.Count > 0)
        {
            problems.Add("Violations de la Content Security Policy dans la console :\n" + string.Join("\n", csp));
        }

        if (!_foreignRequests.IsEmpty)
        {
            problems.Add("Requêtes hors du serveur de test (refusées) :\n" + string.Join("\n", _foreignRequests));
        }

        Assert.True(problems.Count == 0, string.Join("\n\n", problems));
    }

    public async ValueTask DisposeAsync()
    {
        await _onTimeout.DisposeAsync();
        // The last page shown, to see where a failing test stopped.
        if (!Page.IsClosed)
        {
            try
            {
                await Page.ScreenshotAsync(new() { Path = Path.Combine(_screenshots, "99-derniere-page.png"), FullPage = true, Timeout = 10_000 });
            }
            catch (PlaywrightException)
            {
                // The context may be closing after a timeout: the earlier screenshots remain.
            }
        }

        await _context.CloseAsync();
        await _context.DisposeAsync();
    }
}
