using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Import;

/// <summary>
/// Uploads are bounded and temporary: a workbook over the reader's limits is answered 400 with the
/// reason, a body over the upload limit 413 with words, and uploaded files are deleted after their
/// import or after the retention period.
/// </summary>
public class UploadLimitTests
{
    private const string File = """
        no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan
        6474010101200011,64.74.01.1001,6474011708850012,Budi Santoso,L,1985-08-17,Kepala Keluarga
        6474010101200012,64.74.01.1002,6474011708800015,Agus Salim,L,1980-08-17,Kepala Keluarga
        """;

    private static async Task<HttpResponseMessage> UploadAsync(PageSession session, string page, string? handler, byte[] bytes, string name, params (string Key, string Value)[] fields)
    {
        var token = await session.AntiforgeryTokenAsync(page);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", name);
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        return await session.Client.PostAsync(handler is null ? page : $"{page}?handler={handler}", content);
    }

    private static async Task<PageSession> SignInAsync(TuntasWebFactory app, string name, Role role, string? region)
    {
        await app.CreateUserAndTokenAsync(name, role, region);
        var session = PageSession.Open(app);
        await session.LoginAsync(name, TuntasWebFactory.Password);
        return session;
    }

    private static string[] StoredFiles(TuntasWebFactory app) =>
        Directory.Exists(app.UploadsFolder) ? Directory.GetFiles(app.UploadsFolder, "*", SearchOption.AllDirectories) : [];

    [Theory, DatabaseData]
    public async Task Import_ZipBomb_IsRefusedWhole_With400AndTheReason_AndTheUploadIsDeleted(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        var session = await SignInAsync(app, "op.bontangkuala", Role.Operator, "64.74.01.1001");
        var bomb = await System.IO.File.ReadAllBytesAsync(Workbooks.OneHugeSharedString(50_000_000));

        var response = await UploadAsync(session, "/impor", "Check", bomb, "keluarga.xlsx", ("source", "Desa-2026"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Berkas ditolak seluruhnya, tidak ada yang disimpan: bagian \"xl/sharedStrings.xml\" dari buku kerja ini membesar", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"upload\"", html, StringComparison.Ordinal);
        Assert.Empty(StoredFiles(app));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Households.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task InterventionsImport_ZipBomb_IsRefusedWhole_With400AndTheReason(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var session = await SignInAsync(app, "dinsos.bontang", Role.Verifier, "64.74");
        var bomb = await System.IO.File.ReadAllBytesAsync(Workbooks.ManySharedStrings(2_000_000));

        var response = await UploadAsync(session, "/intervensi/impor", null, bomb, "pkh.xlsx", ("programme", "PKH"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Berkas ditolak seluruhnya, tidak ada yang disimpan", html, StringComparison.Ordinal);
        Assert.Contains("membesar", html, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredFiles(app), f => f.EndsWith(".xlsx", StringComparison.Ordinal));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    [Fact]
    public async Task OversizeUpload_Is413_WithWords()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        app.Settings["Tuntas:Uploads:MaxMegabytes"] = "1";
        var session = await SignInAsync(app, "admin1", Role.Admin, null);
        var big = Encoding.UTF8.GetBytes(File + new string('x', 2 * 1024 * 1024));

        var response = await UploadAsync(session, "/impor", "Check", big, "keluarga.csv", ("source", "Desa-2026"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Berkas terlalu besar: batasnya 1 MB.", html, StringComparison.Ordinal);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Empty(StoredFiles(app));
    }

    [Fact]
    public async Task ConfirmedUpload_IsDeleted_ItsRejectedRowsStayDownloadable()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var session = await SignInAsync(app, "op.bontangkuala", Role.Operator, "64.74.01.1001");
        var check = await UploadAsync(session, "/impor", "Check", Encoding.UTF8.GetBytes(File.Replace("\r", string.Empty, StringComparison.Ordinal)), "keluarga.csv", ("source", "Desa-2026"));
        var upload = Regex.Match(await check.Content.ReadAsStringAsync(), "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        Assert.Single(StoredFiles(app), f => f.EndsWith(upload + ".csv", StringComparison.Ordinal));

        var token = await session.AntiforgeryTokenAsync("/impor");
        var confirm = await session.Client.PostAsync("/impor?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["upload"] = upload,
            ["source"] = "Desa-2026",
        }));
        var errors = await session.Client.GetAsync($"/impor?handler=Errors&upload={upload}");

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.DoesNotContain(StoredFiles(app), f => f.EndsWith(upload + ".csv", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        Assert.Contains("6474010101200012", await errors.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadsOlderThanTheRetentionPeriod_AreDeletedWhenTheServerStarts()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        app.Settings["Tuntas:Uploads:RetentionHours"] = "24";
        var folder = Path.Combine(app.UploadsFolder, "0123456789abcdef");
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "0123456789abcdef0123456789abcdef.csv");
        var oldErrors = old + ".errors.csv";
        var fresh = Path.Combine(folder, "fedcba9876543210fedcba9876543210.xlsx");
        foreach (var path in new[] { old, oldErrors, fresh })
        {
            await System.IO.File.WriteAllTextAsync(path, "no_kk,nik\n6474010101200011,6474011708850012\n");
        }

        System.IO.File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-25));
        System.IO.File.SetLastWriteTimeUtc(oldErrors, DateTime.UtcNow.AddHours(-30));

        using var client = app.CreateClient();
        for (var i = 0; i < 100 && (System.IO.File.Exists(old) || System.IO.File.Exists(oldErrors)); i++)
        {
            await Task.Delay(50);
        }

        Assert.False(System.IO.File.Exists(old));
        Assert.False(System.IO.File.Exists(oldErrors));
        Assert.True(System.IO.File.Exists(fresh));
    }
}
