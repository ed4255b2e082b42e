using Microsoft.Playwright;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>
/// A text pasted with a hidden text-direction character (U+202E) into the public form on a phone:
/// the form comes back with the reason under that field and everything typed still there.
/// </summary>
public class HiddenCharacterJourneyTests
{
    [Fact]
    public async Task PublicForm_WithAHiddenCharacter_ShowsTheReasonUnderTheField_AndKeepsWhatWasTyped()
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        var page = await live.NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID", ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        await page.GotoAsync(live.BaseUrl + "/publik/64.74");

        await page.Locator("#pub-village").SelectOptionAsync("64.74.01.1002");
        await page.Locator("#pub-desc").FillAsync("Keluarga ini tidak makan\u202E dua kali sehari.");
        await page.Locator("#pub-name").FillAsync("Siti Aminah");
        await page.Locator("#pub-contact").FillAsync("0812 5555 0101");
        await page.Locator("#usul form button[type=submit]").ClickAsync();

        var reason = page.Locator("#input-description-error");
        await Assertions.Expect(reason).ToContainTextAsync("karakter tersembunyi");
        await Assertions.Expect(reason).ToContainTextAsync("U+202E");
        await Assertions.Expect(page.Locator("#pub-name")).ToHaveValueAsync("Siti Aminah");
        await Assertions.Expect(page.Locator("#pub-contact")).ToHaveValueAsync("0812 5555 0101");
        await Assertions.Expect(page.Locator("#pub-village")).ToHaveValueAsync("64.74.01.1002");
        await Assertions.Expect(page.Locator("#usul .alert.ok")).ToHaveCountAsync(0);
    }
}
