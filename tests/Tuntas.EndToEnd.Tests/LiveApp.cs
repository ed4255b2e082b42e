using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>
/// The real app on Kestrel on a free loopback port over a throw-away database, and Debian's
/// Chromium driven by Playwright.
/// </summary>
public sealed class LiveApp : IAsyncDisposable
{
    public const string Password = "a-long-test-passphrase";

    /// <summary>
    /// Waits until the page's address matches <paramref name="glob"/> (<c>**</c> any text,
    /// <c>*</c> any text without a slash, everything else literal). Only the address is polled, not a
    /// load event: locators then wait for what they need, and a load event that fired before the wait
    /// began, or late on a busy two-core machine, cannot fail a journey.
    /// </summary>
    public static Task ArrivedAtAsync(IPage page, string glob)
    {
        var pattern = new System.Text.StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                pattern.Append(".*");
                i++;
            }
            else if (glob[i] == '*')
            {
                pattern.Append("[^/]*");
            }
            else
            {
                pattern.Append(System.Text.RegularExpressions.Regex.Escape(glob[i].ToString()));
            }
        }

        pattern.Append('$');
        return Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern.ToString()), new() { Timeout = 90_000 });
    }
    private const string ChromiumPath = "/usr/bin/chromium";

    private LiveApp(TestDatabase database, WebApplication app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        Database = database;
        App = app;
        Playwright = playwright;
        Browser = browser;
        BaseUrl = baseUrl;
    }

    public TestDatabase Database { get; }

    public WebApplication App { get; }

    public IPlaywright Playwright { get; }

    public IBrowser Browser { get; }

    public string BaseUrl { get; }

    /// <summary>
    /// Starts the app over the three test families, or over an empty register when <paramref name="withFamilies"/> is false (for the demo);
    /// <paramref name="settings"/> are extra command-line settings (<c>--Tuntas:Map:TileUrl=</c>).
    /// </summary>
    public static async Task<LiveApp> StartAsync(TestProvider provider, bool withFamilies = true, string[]? settings = null)
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs Debian's chromium package.");
        var database = await TestDatabase.CreateAsync(provider);
        if (withFamilies)
        {
            await using var db = database.CreateContext();
            db.Households.AddRange(Families.ThreeFamilies());
            await db.SaveChangesAsync();
        }

        var app = Tuntas.Web.TuntasWebApp.Build(["--urls", "http://127.0.0.1:0", .. settings ?? []], database.Uri, hostedByCli: true);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new LiveApp(database, app, playwright, browser, address.TrimEnd('/'));
    }

    public async Task CreateUserAsync(string name, Role role, string? region)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddUser>()
            .AddAsync(name, role, region is null ? null : RegionCode.From(region), Password, "test");
        Assert.True(added.Succeeded, added.Error?.English);
    }

    public Task<IPage> NewPageAsync() => NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID" });

    /// <summary>A page in a new browser context of its own (screen size, language, position).</summary>
    public async Task<IPage> NewPageAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();

        // Generous: the whole suite shares two cores with database servers and child processes.
        page.SetDefaultTimeout(90_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
