using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Import;

public class ImportPageTests
{
    private const string File = """
        no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan
        6474010101200011,64.74.01.1001,6474011708850012,Budi Santoso,L,1985-08-17,Kepala Keluarga
        6474010101200011,64.74.01.1001,6474015708900013,Siti Aminah,P,1990-08-17,Istri
        6474010101200012,64.74.01.1002,6474011708800015,Agus Salim,L,1980-08-17,Kepala Keluarga
        """;

    private static async Task<HttpResponseMessage> PostFormAsync(PageSession session, string page, string handler, Action<MultipartFormDataContent> fill)
    {
        var token = await session.AntiforgeryTokenAsync(page);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        fill(content);
        return await session.Client.PostAsync($"{page}?handler={handler}", content);
    }

    private static void AddFile(MultipartFormDataContent content, string text, string name = "keluarga.csv")
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text.Replace("\r", string.Empty, StringComparison.Ordinal)));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", name);
        content.Add(new StringContent("Desa-2026"), "source");
    }

    [Theory, DatabaseData]
    public async Task Operator_ChecksThenConfirms_RowsOutsideTheVillageAreRejected(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var session = PageSession.Open(app);
        await session.LoginAsync("op.bontangkuala", TuntasWebFactory.Password);

        var check = await PostFormAsync(session, "/impor", "Check", c => AddFile(c, File));
        var checkHtml = await check.Content.ReadAsStringAsync();
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Households.CountAsync());
        }

        var upload = Regex.Match(checkHtml, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        var confirm = await PostFormAsync(session, "/impor", "Confirm", c =>
        {
            c.Add(new StringContent(upload), "upload");
            c.Add(new StringContent("Desa-2026"), "source");
        });
        var errors = await session.Client.GetAsync($"/impor?handler=Errors&upload={upload}");

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Hasil pemeriksaan (belum disimpan)", checkHtml, StringComparison.Ordinal);
        Assert.Contains("di luar wilayah Anda (64.74.01.1001)", checkHtml, StringComparison.Ordinal);
        Assert.Contains("Impor selesai", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        Assert.Contains("6474010101200012", await errors.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var check2 = app.CreateDbContext();
        Assert.Equal(["6474010101200011"], await check2.Households.Select(h => h.NoKk.Value).ToListAsync());
    }

    [Fact]
    public async Task AnotherUsersUpload_IsNotFound()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("dinsos.bontang2", Role.Verifier, "64.74");
        var first = PageSession.Open(app);
        await first.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var html = await (await PostFormAsync(first, "/impor", "Check", c => AddFile(c, File))).Content.ReadAsStringAsync();
        var upload = Regex.Match(html, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        var second = PageSession.Open(app);
        await second.LoginAsync("dinsos.bontang2", TuntasWebFactory.Password);

        var errors = await second.Client.GetAsync($"/impor?handler=Errors&upload={upload}");
        var confirm = await PostFormAsync(second, "/impor", "Confirm", c => c.Add(new StringContent(upload), "upload"));
        var traversal = await second.Client.GetAsync("/impor?handler=Errors&upload=..%2F..%2Fetc%2Fpasswd");

        Assert.Equal(HttpStatusCode.NotFound, errors.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Theory]
    [InlineData("keluarga.exe", "Hanya berkas .csv atau .xlsx")]
    [InlineData("keluarga.xlsx", "Isi berkas tidak sesuai dengan jenisnya")]
    public async Task WrongFile_IsRefusedInPlainWords(string name, string message)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var session = PageSession.Open(app);
        await session.LoginAsync("admin1", TuntasWebFactory.Password);

        var response = await PostFormAsync(session, "/impor", "Check", c => AddFile(c, File, name));

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyst_HasNoImportPage()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        await app.CreateUserAndTokenAsync("bappeda", Role.Analyst, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("bappeda", TuntasWebFactory.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/impor")).StatusCode);
    }

    [Theory]
    [InlineData("csv", "no_kk,kode_wilayah,nik")]
    [InlineData("xlsx", "PK")]
    public async Task Template_IsDownloadableWithoutLogin(string format, string start)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);

        var bytes = await app.CreateClient().GetByteArrayAsync($"/templat/impor.{format}");

        Assert.StartsWith(start, Encoding.UTF8.GetString(bytes, 0, start.Length), StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Quarantine_ShowsOnlyTheRegionsWaitingRows_AndDownloadsThemToFix(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        await app.CreateUserAndTokenAsync("op.bontangbaru", Role.Operator, "64.74.01.1002");
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var admin = PageSession.Open(app);
        await admin.LoginAsync("admin1", TuntasWebFactory.Password);
        var broken = File.Replace("Siti Aminah,P,1990-08-17", "Siti Aminah,P,1990-02-30", StringComparison.Ordinal)
            .Replace("Agus Salim,L,1980-08-17", "Agus Salim,X,1980-08-17", StringComparison.Ordinal);
        var html = await (await PostFormAsync(admin, "/impor", "Check", c => AddFile(c, broken))).Content.ReadAsStringAsync();
        var upload = Regex.Match(html, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        await PostFormAsync(admin, "/impor", "Confirm", c => c.Add(new StringContent(upload), "upload"));
        var bontangBaru = PageSession.Open(app);
        await bontangBaru.LoginAsync("op.bontangbaru", TuntasWebFactory.Password);

        var (status, page) = await bontangBaru.GetAsync("/impor/karantina");
        long batch;
        await using (var db = app.CreateDbContext())
        {
            batch = await db.ImportBatches.Select(b => b.Id).SingleAsync();
        }

        var download = await bontangBaru.Client.GetStringAsync($"/impor/karantina?handler=Download&batch={batch}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Agus Salim", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti Aminah", page, StringComparison.Ordinal);
        Assert.Contains("jenis_kelamin", download, StringComparison.Ordinal);
        Assert.Contains("6474010101200012,64.74.01.1002,6474011708800015,Agus Salim,X", download, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", download, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task ImportPage_GivesReasonsAndWarningsInTheReadersLanguage_WithTheirRows_AndRefusesAFormulaName(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var file = string.Join("\n",
            "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan",
            "6474010101200011,64.74.01.1001,6474011708850012,Budi Santoso,L,1985-08-17,Kepala Keluarga",
            "6474010101200011,64.74.01.1001,6474015708900013,Siti Aminah,P,1990-08-18,Istri",
            "6474010101200011,64.74.01.1001,6474011203150014,\"=HYPERLINK(\"\"http://x\"\",\"\"klik\"\")\",L,2015-03-12,Anak");
        var indonesian = PageSession.Open(app);
        await indonesian.LoginAsync("op.bontangkuala", TuntasWebFactory.Password);
        var english = PageSession.Open(app);
        await english.LoginAsync("op.bontangkuala", TuntasWebFactory.Password);
        await english.Client.GetAsync("/bahasa/en?returnUrl=%2F");

        var idPage = WebUtility.HtmlDecode(await (await PostFormAsync(indonesian, "/impor", "Check", c => AddFile(c, file))).Content.ReadAsStringAsync());
        var enPage = WebUtility.HtmlDecode(await (await PostFormAsync(english, "/impor", "Check", c => AddFile(c, file))).Content.ReadAsStringAsync());

        Assert.Matches(@"<td class=""num"">4</td><td class=""code"">nama</td><td>nama '=HYPERLINK\(""http://x"",""klik""\)' diawali '=', yang dibaca Excel sebagai rumus", idPage);
        Assert.Matches(@"<td class=""num"">4</td><td class=""code"">nama</td><td>nama '=HYPERLINK\(""http://x"",""klik""\)' starts with '=', which a spreadsheet runs as a formula", enPage);
        Assert.Contains("Baris yang diterima dengan peringatan", idPage, StringComparison.Ordinal);
        Assert.Contains(
            "<td class=\"num\">3</td><td class=\"code\">6474015708900013</td><td>Siti Aminah</td><td>Menurut NIK lahir 17-08-1990, menurut tanggal_lahir 18-08-1990.</td>",
            idPage, StringComparison.Ordinal);
        Assert.Contains("<td>Siti Aminah</td><td>NIK says born 1990-08-17, tanggal_lahir says 1990-08-18.</td>", enPage, StringComparison.Ordinal);
        Assert.DoesNotContain("NIK says", idPage, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Quarantine_AndHouseholdPage_SpeakTheReadersLanguage(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var session = PageSession.Open(app);
        await session.LoginAsync("op.bontangkuala", TuntasWebFactory.Password);
        var file = string.Join("\n",
            "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan",
            "6474010101200011,64.74.01.1001,6474011708850012,Budi Santoso,L,1985-08-17,Kepala Keluarga",
            "6474010101200011,64.74.01.1001,6474015708900013,Siti Aminah,P,1990-08-18,Istri",
            "6474010101200011,64.74.01.1001,647401120315001,Andi Santoso,L,2015-03-12,Anak");
        var html = await (await PostFormAsync(session, "/impor", "Check", c => AddFile(c, file))).Content.ReadAsStringAsync();
        var upload = Regex.Match(html, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        await PostFormAsync(session, "/impor", "Confirm", c => c.Add(new StringContent(upload), "upload"));

        var (_, quarantineId) = await session.GetAsync("/impor/karantina");
        var (_, householdId) = await session.GetAsync("/keluarga/6474010101200011");
        await session.Client.GetAsync("/bahasa/en?returnUrl=%2F");
        var (_, quarantineEn) = await session.GetAsync("/impor/karantina");
        var (_, householdEn) = await session.GetAsync("/keluarga/6474010101200011");

        Assert.Contains("NIK harus 16 digit; '647401120315001' berisi 15.", WebUtility.HtmlDecode(quarantineId), StringComparison.Ordinal);
        Assert.Contains("NIK must have 16 digits; '647401120315001' has 15.", WebUtility.HtmlDecode(quarantineEn), StringComparison.Ordinal);
        Assert.Contains("Menurut NIK lahir 17-08-1990, menurut tanggal_lahir 18-08-1990.", WebUtility.HtmlDecode(householdId), StringComparison.Ordinal);
        Assert.Contains("NIK says born 1990-08-17, tanggal_lahir says 1990-08-18.", WebUtility.HtmlDecode(householdEn), StringComparison.Ordinal);
        Assert.DoesNotContain("Menurut NIK", WebUtility.HtmlDecode(householdEn), StringComparison.Ordinal);
    }
}
