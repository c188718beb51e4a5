using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Vigie.BrowserTests.Infrastructure.Chromium))]

// One journey at a time: each runs its own server, hashes passwords and renders pages in Chromium;
// several at once on a 2-core CI machine made a page take more than the navigation timeout.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Vigie.BrowserTests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the whole run (Playwright cannot download its own browser here);
/// each test opens a private context in it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium n'est pas lancé.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} est absent : installez le paquet Debian chromium (test.sh le fait).");
        }

        // Expect(...) waits up to this long for a page to show what a step expects.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Timeout = 30_000,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
