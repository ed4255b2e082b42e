using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Xunit.Abstractions;

namespace Tuntas.EndToEnd.Tests;

/// <summary>
/// On a shared village-office computer "Keluar" must sign out: from any page, in either language, on a
/// desk screen and on a phone, and after the antiforgery cookie has gone.
/// </summary>
public class SignOutJourneyTests(ITestOutputHelper output)
{
    private static readonly string[] Pages = ["/dasbor/64.74", "/keluarga/6474010101200001", "/verval"];

    private static async Task SignInAsync(IPage page, LiveApp live)
    {
        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.Locator("input[name=username]").FillAsync("dinsos.bontang");
        await page.Locator("input[name=password]").FillAsync(LiveApp.Password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/dasbor/**");
    }

    private static async Task SignOutAndCheckAsync(IPage page, LiveApp live, string at, string button)
    {
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true });
        // At the top of the page, without scrolling or opening anything: a phone shows it too.
        await Assertions.Expect(signOut).ToBeInViewportAsync();
        await signOut.ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/masuk");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "tuntas.auth");

        await page.GotoAsync(live.BaseUrl + at);
        await LiveApp.ArrivedAtAsync(page, "**/masuk?ReturnUrl=**");
    }

    [Theory]
    [InlineData("id", "Keluar", 1366, 768)]
    [InlineData("en", "Sign out", 1366, 768)]
    [InlineData("id", "Keluar", 360, 740)]
    [InlineData("en", "Sign out", 360, 740)]
    public async Task Keluar_FromTheDashboardAHouseholdAndAForm_SignsOut_AlsoWithoutTheAntiforgeryCookie(string language, string button, int width, int height)
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var page = await live.NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID", ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync($"{live.BaseUrl}/bahasa/{language}?returnUrl=/masuk");

        foreach (var at in Pages)
        {
            await SignInAsync(page, live);
            await page.GotoAsync(live.BaseUrl + at);
            if (at == Pages[0])
            {
                var shot = Path.Combine(Path.GetTempPath(), $"tuntas-sign-out-{language}-{width}.png");
                await page.ScreenshotAsync(new() { Path = shot });
                output.WriteLine(shot);
            }

            await SignOutAndCheckAsync(page, live, at, button);
        }

        // The antiforgery cookie expired or was cleared while the register stayed open.
        await SignInAsync(page, live);
        await page.GotoAsync(live.BaseUrl + Pages[1]);
        await page.Context.ClearCookiesAsync(new() { NameRegex = new Regex(@"^\.AspNetCore\.Antiforgery\.") });
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == "tuntas.auth");
        await SignOutAndCheckAsync(page, live, Pages[1], button);
    }
}
