using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Tests.Common;

/// <summary>
/// Hostile and careless input: every case gets a clear 4xx (or the form again with the reason) and
/// leaves the data as it was. Never a 500.
/// </summary>
public class BadInputTests
{
    private const string PublicPage = "/publik/64.74";

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    private sealed record Counts(int Households, int People, int Proposals, int Audit);

    private static async Task<Counts> CountAsync(TuntasWebFactory app)
    {
        await using var db = app.CreateDbContext();
        return new Counts(await db.Households.CountAsync(), await db.People.CountAsync(), await db.Proposals.CountAsync(), await db.AuditEntries.CountAsync());
    }

    private static string EvidenceRoot(TuntasWebFactory app) => app.Services.GetRequiredService<IConfiguration>()["Tuntas:Evidence"]!;

    private static string[] StoredEvidence(TuntasWebFactory app) =>
        Directory.Exists(EvidenceRoot(app)) ? Directory.GetFiles(EvidenceRoot(app), "*", SearchOption.AllDirectories) : [];

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? parameter = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{response.RequestMessage!.RequestUri}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        if (parameter is not null)
        {
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), body);
        }
    }

    private static MultipartFormDataContent PublicForm(string? token, string kind = "Usul", string village = "64.74.01.1002")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "Input.Kind" },
            { new StringContent(village), "Input.Village" },
            { new StringContent("Keluarga ini tidak makan dua kali sehari."), "Input.Description" },
            { new StringContent("Ibu Sari"), "Input.ProposerName" },
        };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return form;
    }

    private static void AddFile(MultipartFormDataContent form, string field, byte[] bytes, string name, string type)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, field, name);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=-50", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=1000000", "pageSize")]
    public async Task HouseholdsApi_PageOrPageSizeOutOfRange_Is400NamingIt(string query, string parameter)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var response = await verifier.GetAsync($"/api/v1/households?region=64.74&{query}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("pageSize=1e9")]
    [InlineData("page=99999999999")]
    [InlineData("page=1.5")]
    [InlineData("pageSize=%00")]
    public async Task HouseholdsApi_PageThatIsNotANumber_Is400ProblemDetails_Not500(string query)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var response = await verifier.GetAsync($"/api/v1/households?region=64.74&{query}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory, DatabaseData]
    public async Task HouseholdsApi_PageFarPastTheLast_IsEmpty_NotAnOverflow(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var json = JsonDocument.Parse(await verifier.GetStringAsync("/api/v1/households?region=64.74&page=2147483647&pageSize=200"));

        Assert.Empty(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(2147483647, json.RootElement.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("/keluarga?page=-5")]
    [InlineData("/keluarga?page=0")]
    [InlineData("/keluarga?page=abc")]
    [InlineData("/keluarga?page=2147483647")]
    [InlineData("/keluarga?page=99999999999999")]
    [InlineData("/dasbor/64.74/keluarga?page=-1")]
    [InlineData("/dasbor/64.74/keluarga?page=2147483647")]
    [InlineData("/dasbor/64.74/keluarga?page=x")]
    [InlineData("/intervensi/konvergensi?region=64.74&page=-1")]
    [InlineData("/intervensi/konvergensi?region=64.74&page=2147483647")]
    [InlineData("/dasbor/64.74?at=kemarin")]
    [InlineData("/dasbor/64.74?at=9999-99-99")]
    public async Task ListPages_BadPageOrDate_AnswerAPage_Not500(string path)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);

        var (status, _) = await session.GetAsync(path);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {(int)status}");
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    [InlineData("'; DROP TABLE \"Households\"; --")]
    [InlineData("a%' OR '1'='1")]
    public async Task HouseholdsApi_SqlMetacharactersInSearch_MatchOnlyLiterally(string q)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");
        var before = await CountAsync(app);

        using var json = JsonDocument.Parse(await verifier.GetStringAsync($"/api/v1/households?q={Uri.EscapeDataString(q)}"));
        using var literal = JsonDocument.Parse(await verifier.GetStringAsync("/api/v1/households?q=agus"));

        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, literal.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory]
    [InlineData("Agus\u202Egnol")]
    [InlineData("Agus\u0000")]
    [InlineData("\u2066Agus")]
    [InlineData("Agus\u001B[31m")]
    public async Task HouseholdsApi_SearchWithControlOrDirectionCharacter_Is400NamingIt(string q)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var response = await verifier.GetAsync($"/api/v1/households?q={Uri.EscapeDataString(q)}");

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "q");
        Assert.Contains("U+", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Agus\u200DSalim", 0)]
    [InlineData("Agu\u0301s", 0)]
    [InlineData("Agus 😀", 0)]
    [InlineData("Salim", 1)]
    [InlineData("ṢALIM", 0)]
    public async Task HouseholdsApi_UnusualButLegitimateUnicodeInSearch_IsSearchedAsText(string q, int found)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");

        using var response = await verifier.GetAsync($"/api/v1/households?q={Uri.EscapeDataString(q)}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(found, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task HouseholdPage_SearchWithDirectionOverride_Is400WithTheReason()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);

        var (status, html) = await session.GetAsync("/keluarga?q=" + Uri.EscapeDataString("Agus\u202E"));
        var (nulStatus, _) = await session.GetAsync("/keluarga?q=%00");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("karakter kendali atau pembalik arah", html, StringComparison.Ordinal);
        Assert.Contains("202E", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Agus Salim", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nulStatus);
    }

    [Theory, DatabaseData]
    public async Task Import_NameWithDirectionOverrideOrNul_IsRejected_LegitimateDiacriticsAccepted(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var file = "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan\n"
            + "6474010101200011,64.74.01.1001,6474011708850012,Budi\u202Eotnas,L,1985-08-17,Kepala Keluarga\n"
            + "6474010101200012,64.74.01.1001,6474011708800015,\"Ni\u0000Luh\",P,1980-08-17,Kepala Keluarga\n"
            + "6474010101200013,64.74.01.1002,6474011708800016,Ṣiti Nur‍aini Gülsüm,P,1980-08-17,Kepala Keluarga\n";
        var token = await session.AntiforgeryTokenAsync("/impor");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("uji"), "source" } };
        AddFile(content, "file", Encoding.UTF8.GetBytes(file), "keluarga.csv", "text/csv");
        using var check = await session.Client.PostAsync("/impor?handler=Check", content);
        var html = await check.Content.ReadAsStringAsync();
        var upload = System.Text.RegularExpressions.Regex.Match(html, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        var confirm = new MultipartFormDataContent
        {
            { new StringContent(await session.AntiforgeryTokenAsync("/impor")), "__RequestVerificationToken" },
            { new StringContent(upload), "upload" },
            { new StringContent("uji"), "source" },
        };
        using var done = await session.Client.PostAsync("/impor?handler=Confirm", confirm);

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("202E", html, StringComparison.Ordinal);
        Assert.Contains("0000)", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(["Ṣiti Nur‍aini Gülsüm"], await db.People.Select(p => p.Name).ToListAsync());
    }

    [Fact]
    public async Task PublicForm_WithoutAntiforgeryToken_Is400_AndSavesNothing()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await CountAsync(app);

        using var response = await client.PostAsync(PublicPage, PublicForm(token: null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync(app));
    }

    [Fact]
    public async Task SignedInForm_WithoutAntiforgeryToken_Is400_AndSavesNothing()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var before = await CountAsync(app);

        using var response = await session.Client.PostAsync("/keluarga/6474010101200001/penyaluran", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Programme"] = "PKH",
            ["Input.Date"] = "2025-01-01",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountAsync(app));
    }

    [Theory]
    [InlineData("Bukan", "64.74.01.1002")]
    [InlineData("Usul", "../../etc/passwd")]
    [InlineData("Usul", "64.08.01.2001")]
    [InlineData("Usul", "")]
    [InlineData("99", "64.74.01.1002")]
    public async Task PublicForm_GarbageFields_ShowsTheFormAgainWithTheReason_AndSavesNothing(string kind, string village)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var session = PageSession.Open(app);
        var token = await session.AntiforgeryTokenAsync(PublicPage);
        var before = await CountAsync(app);

        using var response = await session.Client.PostAsync(PublicPage, PublicForm(token, kind, village));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(app));
        Assert.Empty(StoredEvidence(app));
    }

    [Theory]
    [InlineData("foto.jpg", "image/jpeg", "<?php system($_GET['c']); ?>")]
    [InlineData("halaman.jpg", "image/jpeg", "<html><script>alert(1)</script></html>")]
    [InlineData("foto.png", "image/png", "GIF89a<svg onload=alert(1)>")]
    [InlineData("gambar.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    public async Task PublicForm_FileThatIsNotAPhoto_IsRefusedWithTheReason_AndNothingIsStored(string name, string type, string content)
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var session = PageSession.Open(app);
        var token = await session.AntiforgeryTokenAsync(PublicPage);
        var before = await CountAsync(app);
        var form = PublicForm(token);
        AddFile(form, "photo", Encoding.UTF8.GetBytes(content), name, type);

        using var response = await session.Client.PostAsync(PublicPage, form);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.Contains("JPEG", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(app));
        Assert.Empty(StoredEvidence(app));
    }

    [Fact]
    public async Task PublicForm_PhotoNamedWithAPathTraversal_StaysInTheStoreUnderARandomName()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var session = PageSession.Open(app);
        var token = await session.AntiforgeryTokenAsync(PublicPage);
        var form = PublicForm(token);
        AddFile(form, "photo", Jpeg, "../../etc/passwd.jpg", "image/jpeg");

        using var response = await session.Client.PostAsync(PublicPage, form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var root = Path.GetFullPath(EvidenceRoot(app)) + Path.DirectorySeparatorChar;
        var stored = Assert.Single(StoredEvidence(app));
        Assert.StartsWith(root, Path.GetFullPath(stored), StringComparison.Ordinal);
        Assert.Matches("^[0-9]{4}/[a-f0-9]{32}\\.jpg$", Path.GetRelativePath(root, stored).Replace('\\', '/'));
        await using var db = app.CreateDbContext();
        var proposal = await db.Proposals.SingleAsync();
        Assert.Equal("passwd.jpg", proposal.EvidenceFileName);
        Assert.False(File.Exists(Path.Combine(root, "..", "..", "etc", "passwd.jpg")));
    }

    [Theory]
    [InlineData("../../etc/passwd.jpg", "passwd.jpg")]
    [InlineData("..\\..\\windows\\win.ini.jpg", "win.ini.jpg")]
    [InlineData("foto\u202Egpj.exe", "fotogpj.exe")]
    [InlineData("..", "bukti.jpg")]
    [InlineData("", "bukti.jpg")]
    [InlineData("/", "bukti.jpg")]
    [InlineData("Rumah Ibu Ṣiti 😀.jpg", "Rumah Ibu Ṣiti 😀.jpg")]
    public void DisplayName_KeepsTheLastPartWithoutControlCharacters(string sent, string shown) =>
        Assert.Equal(shown, EvidenceStore.DisplayName(sent, ".jpg"));

    [Fact]
    public async Task EvidenceStore_RenamedHtml_IsRefused_ValidJpegUnderATraversalName_StaysInside()
    {
        var root = Path.Combine(Path.GetTempPath(), $"tuntas-evidence-{Guid.NewGuid():N}");
        var store = new EvidenceStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tuntas:Evidence"] = root }).Build());
        try
        {
            using var html = new MemoryStream(Encoding.UTF8.GetBytes("<html><body>hi</body></html>"));
            var (refused, reason) = await store.SaveAsync(new FormFile(html, 0, html.Length, "photos", "hi.jpg"), CancellationToken.None);
            using var jpeg = new MemoryStream(Jpeg);
            var (saved, _) = await store.SaveAsync(new FormFile(jpeg, 0, jpeg.Length, "photos", "../../../../etc/passwd.jpg"), CancellationToken.None);

            Assert.Null(refused);
            Assert.Equal("EvidenceType", reason);
            Assert.NotNull(saved);
            Assert.Equal("passwd.jpg", saved.FileName);
            Assert.Equal("image/jpeg", saved.ContentType);
            var path = store.Find(saved.StorageKey);
            Assert.NotNull(path);
            Assert.StartsWith(Path.GetFullPath(root), path, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
            Assert.Null(store.Find("../../etc/passwd"));
            Assert.Null(store.Find("2026/../../x.jpg"));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Adds, after the whole pipeline, a path that fails, as a bug would.</summary>
    private sealed class Failing : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.StartsWithSegments("/api/v1/rusak")
                ? throw new InvalidOperationException("secret detail at Tuntas.Internal")
                : Task.CompletedTask);
        };
    }

    [Fact]
    public async Task Api_UnhandledException_Is500ProblemDetails_WithoutTheDetail()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var client = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter, Failing>())).CreateClient();

        using var response = await client.GetAsync("/api/v1/rusak");
        var body = await response.Content.ReadAsStringAsync();

        await AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("secret detail", body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
    }
}
