using System.Text;
using Microsoft.Playwright;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.EndToEnd.Tests;

/// <summary>
/// The limits people meet in the browser: an upload over the size limit, an account disabled and
/// given a new password by an administrator, and too many household searches in a minute.
/// Low limits are set through configuration, as an office would set them.
/// </summary>
public class LimitsJourneyTests
{
    private static async Task<IPage> SignedInAsync(LiveApp live, string user, string password, string language, int width, int height, string landing = "**/dasbor**")
    {
        var page = await live.NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID", ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync($"{live.BaseUrl}/bahasa/{language}?returnUrl=/masuk");
        await SignInAsync(page, live, user, password);
        await LiveApp.ArrivedAtAsync(page, landing);
        return page;
    }

    private static async Task SignInAsync(IPage page, LiveApp live, string user, string password)
    {
        await page.GotoAsync(live.BaseUrl + "/masuk");
        await page.Locator("input[name=username]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(password);
        await page.Locator("form button[type=submit]").ClickAsync();
    }

    [Theory]
    [InlineData("id", "Berkas terlalu besar", "batasnya 1 MB", "Kembali ke halaman unggah", 1366, 768)]
    [InlineData("en", "File too large", "the limit is 1 MB", "Back to the upload page", 360, 740)]
    public async Task Impor_AnOversizedFile_ShowsTheLimitInWords_AndTheFormStillWorks(string language, string title, string limit, string back, int width, int height)
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, settings: ["--Tuntas:Uploads:MaxMegabytes=1"]);
        await live.CreateUserAsync("operator.bontangkuala", Role.Operator, "64.74.01.1001");
        var page = await SignedInAsync(live, "operator.bontangkuala", LiveApp.Password, language, width, height);

        await page.GotoAsync(live.BaseUrl + "/impor");
        var big = new StringBuilder("no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan\n");
        while (big.Length < 1_300_000)
        {
            big.Append("6474010101200001,64.74.01.1001,6474011708850002,Budi Santoso,L,1985-08-17,Kepala Keluarga\n");
        }

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "besar.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(big.ToString()) });
        await page.Locator("form[action*='handler=Check'] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(limit);

        await page.GetByRole(AriaRole.Link, new() { Name = back }).ClickAsync();
        await LiveApp.ArrivedAtAsync(page, "**/impor");
        var small = "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan\n6474010101209999,64.74.01.1001,6474015708900099,Rina Wati,P,1990-08-17,Kepala Keluarga\n";
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "kecil.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(small) });
        await page.Locator("form[action*='handler=Check'] button[type=submit]").ClickAsync();

        // The check ran: the file is ready to import.
        await Assertions.Expect(page.Locator("input[name=upload]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync(title);
    }

    [Theory]
    [InlineData("id", "Dinonaktifkan", "Aktif", "Nonaktifkan", "Aktifkan", "Ganti kata sandi")]
    [InlineData("en", "Disabled", "Active", "Disable", "Enable", "Set password")]
    public async Task AdminPengguna_DisableStopsSignIn_EnableAndANewPasswordLetTheUserBackIn(string language, string disabled, string active, string disable, string enable, string reset)
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite);
        await live.CreateUserAsync("admin.prov", Role.Admin, null);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var admin = await SignedInAsync(live, "admin.prov", LiveApp.Password, language, 1366, 768, "**/wilayah**");
        await admin.GotoAsync(live.BaseUrl + "/admin/pengguna");
        var row = admin.Locator("tr[data-user='dinsos.bontang']");
        await Assertions.Expect(row).ToContainTextAsync(active);

        await row.GetByRole(AriaRole.Button, new() { Name = disable, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='dinsos.bontang']")).ToContainTextAsync(disabled);

        var user = await live.NewPageAsync(new BrowserNewContextOptions { Locale = "id-ID", ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        await user.GotoAsync($"{live.BaseUrl}/bahasa/{language}?returnUrl=/masuk");
        await SignInAsync(user, live, "dinsos.bontang", LiveApp.Password);
        await Assertions.Expect(user.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await LiveApp.ArrivedAtAsync(user, "**/masuk**");

        await admin.Locator("tr[data-user='dinsos.bontang']").GetByRole(AriaRole.Button, new() { Name = enable, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-user='dinsos.bontang']")).ToContainTextAsync(active);
        await admin.Locator("#password-dinsos\\.bontang").FillAsync("sungai-mahakam-pagi-2026");
        await admin.Locator("tr[data-user='dinsos.bontang']").GetByRole(AriaRole.Button, new() { Name = reset, Exact = true }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.alert.ok")).ToBeVisibleAsync();

        await SignInAsync(user, live, "dinsos.bontang", "sungai-mahakam-pagi-2026");
        await LiveApp.ArrivedAtAsync(user, "**/dasbor**");
    }

    [Theory]
    [InlineData("id", "Terlalu banyak pencarian: paling banyak 2 kali per menit", 360, 740)]
    [InlineData("en", "Too many searches: at most 2 a minute", 1366, 768)]
    public async Task Keluarga_TooManySearches_SaysHowManyAMinute(string language, string words, int width, int height)
    {
        await using var live = await LiveApp.StartAsync(TestProvider.Sqlite, settings: ["--Tuntas:Limits:Searches=2"]);
        await live.CreateUserAsync("dinsos.bontang", Role.Verifier, "64.74");
        var page = await SignedInAsync(live, "dinsos.bontang", LiveApp.Password, language, width, height);

        for (var i = 0; i < 3; i++)
        {
            await page.GotoAsync(live.BaseUrl + "/keluarga");
            await page.Locator("#q").FillAsync("Budi Santoso");
            await page.Locator("#q").PressAsync("Enter");
            await LiveApp.ArrivedAtAsync(page, "**/keluarga?**");
        }

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync(words);
        await Assertions.Expect(alert).ToBeInViewportAsync();
    }
}
