using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Public;

/// <summary>The public page and API, seen by someone without an account.</summary>
public partial class PublicTransparencyTests
{
    private static readonly DateOnly Listed = new(2025, 1, 10);

    private const string Page = "/publik/64.74";

    /// <summary>
    /// Kota Bontang on 1 July 2025: Bontang Kuala 1 KK, Bontang Baru 1 KK (2 people) in Kecamatan
    /// Bontang Utara, and 5 KK in Tanjung Laut (Bontang Selatan), all listed on 10 January 2025.
    /// </summary>
    private static Task<TuntasWebFactory> AppAsync(TestProvider provider, params (string Village, int Households)[] more) =>
        AppWithAsync(provider, [], more);

    /// <summary>As <see cref="AppAsync"/>, with <paramref name="families"/> added before the listing.</summary>
    private static async Task<TuntasWebFactory> AppWithAsync(TestProvider provider, IReadOnlyList<Household> families, params (string Village, int Households)[] more)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await app.AddAsync(Enumerable.Range(1, 5).Select(i =>
            Families.Family($"64740201012001{i:D2}", "64.74.02.1001", ($"64740217088501{i:D2}", $"Warga Tanjung {i}", FamilyRelation.KepalaKeluarga))));
        foreach (var ((village, households), n) in more.Select((v, n) => (v, n + 2)))
        {
            await app.AddAsync(Enumerable.Range(1, households).Select(i =>
                Families.Family($"6474020101200{n}{i:D2}", village, ($"6474021708850{n}{i:D2}", $"Warga {village} {i}", FamilyRelation.KepalaKeluarga))));
        }

        if (families.Count > 0)
        {
            await app.AddAsync(families);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        foreach (var household in await db.Households.InRegion(RegionCode.From("64.74")).ToListAsync())
        {
            household.SetSpendingPerCapita(210_000);
        }

        await db.SaveChangesAsync();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
            .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), Listed, StatusChanges.SystemClassification, audit));
        return app;
    }

    private static JsonElement? Count(JsonElement part, string name) =>
        part.GetProperty(name).ValueKind == JsonValueKind.Null ? null : part.GetProperty(name);

    [Theory, DatabaseData]
    public async Task PublicStats_WithoutAToken_AnswersAggregatesOnly(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var anonymous = app.CreateClient();

        var response = await anonymous.GetAsync("/api/v1/public/stats?region=64.74&at=2025-07-01");
        var json = await response.Content.ReadAsStringAsync();
        var figures = JsonDocument.Parse(json).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("64.74", "Kota Bontang", "2025-07-01"), (figures.GetProperty("region").GetString(), figures.GetProperty("regionName").GetString(), figures.GetProperty("at").GetString()));
        var poor = figures.GetProperty("extremePoor");
        Assert.Equal((7, 8, 0, 7), (poor.GetProperty("households").GetInt32(), poor.GetProperty("people").GetInt32(), poor.GetProperty("verified").GetInt32(), poor.GetProperty("unverified").GetInt32()));
        Assert.False(poor.GetProperty("suppressed").GetBoolean());
        Assert.Equal(0, figures.GetProperty("exited").GetProperty("graduated").GetInt32());
        foreach (var secret in new[] { "Budi", "Warga Tanjung", "6474011708850002", "6474010101200001", "noKk", "nik" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory, DatabaseData]
    public async Task PublicStats_DesaWithOneToFourHouseholds_IsSuppressed_ButNotAKecamatanOrALargerDesa(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var anonymous = app.CreateClient();

        var desa = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.01.1001&at=2025-07-01");
        var largeDesa = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.02.1001&at=2025-07-01");
        var kecamatan = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.01&at=2025-07-01");

        var small = desa.GetProperty("extremePoor");
        Assert.True(small.GetProperty("suppressed").GetBoolean());
        Assert.Null(Count(small, "households"));
        Assert.Null(Count(small, "people"));
        Assert.Null(Count(small, "unverified"));
        Assert.Null(Count(small, "verified"));
        Assert.False(desa.GetProperty("exited").GetProperty("suppressed").GetBoolean());

        var large = largeDesa.GetProperty("extremePoor");
        Assert.False(large.GetProperty("suppressed").GetBoolean());
        Assert.Equal((5, 5, 5), (large.GetProperty("households").GetInt32(), large.GetProperty("people").GetInt32(), large.GetProperty("unverified").GetInt32()));

        var district = kecamatan.GetProperty("extremePoor");
        Assert.False(district.GetProperty("suppressed").GetBoolean());
        Assert.Equal((2, 3, 2), (district.GetProperty("households").GetInt32(), district.GetProperty("people").GetInt32(), district.GetProperty("unverified").GetInt32()));
    }

    [Theory, DatabaseData]
    public async Task PublicStats_UnknownRegion_Is404_AndABadDateOrCode_Is400(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var anonymous = app.CreateClient();

        var unknown = await anonymous.GetAsync("/api/v1/public/stats?region=64.99&at=2025-07-01");
        var badDate = await anonymous.GetAsync("/api/v1/public/stats?region=64.74&at=1%20Juli%202025");
        var badCode = await anonymous.GetAsync("/api/v1/public/stats?region=bontang");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal("application/problem+json", badDate.Content.Headers.ContentType?.MediaType);
        Assert.Contains("YYYY-MM-DD", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
    }

    [Theory, DatabaseData]
    public async Task PublicPage_OfARegency_ShowsHeadlineTrendChildrenAndMethod_WithoutLogin(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var (status, html) = await session.GetAsync("/publik/64.74?at=2025-07-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Kota Bontang · per 1 Juli 2025", html, StringComparison.Ordinal);
        Assert.Matches("<span class=\"number\">\\s*7 <small>KK</small>", html);
        Assert.Contains("8 jiwa", html, StringComparison.Ordinal);
        Assert.Contains("Cara angka ini dihitung", html, StringComparison.Ordinal);
        Assert.Contains("Rp391.000", html, StringComparison.Ordinal);
        Assert.Contains("Apa arti graduasi", html, StringComparison.Ordinal);
        Assert.Contains("Lantai tanah atau plesteran", html, StringComparison.Ordinal);
        // Monthly trend: no month before the first data (not 0), seven after it.
        Assert.DoesNotMatch("Desember 2024</th>", html);
        Assert.Matches("Januari 2025</th>\\s*<td class=\"num\">7</td>", html);
        // Children link to their own public pages with their counts.
        Assert.Matches("<a href=\"/publik/64.74.02\\?at=2025-07-01\">Bontang Selatan</a></td><td class=\"num\">5</td>", html);
        Assert.DoesNotContain("Budi", html, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task PublicPage_OfADesaWithOneFamily_WithholdsTheCount_AndTheKecamatanPageWithholdsItsRow(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var (desaStatus, desa) = await session.GetAsync("/publik/64.74.01.1001?at=2025-07-01");
        var (_, kecamatan) = await session.GetAsync("/publik/64.74.01?at=2025-07-01");

        Assert.Equal(HttpStatusCode.OK, desaStatus);
        Assert.Matches("<span class=\"number withheld\">\\s*dirahasiakan\\s*</span>", desa);
        Assert.DoesNotMatch("<span class=\"number[^\"]*\">\\s*[1-4]\\b", desa);
        Assert.Matches("Januari 2025</th>\\s*<td class=\"num\">dirahasiakan</td>", desa);
        Assert.Matches(">Bontang Kuala</a></td><td class=\"num\">dirahasiakan</td>", kecamatan);
        Assert.Matches("<span class=\"number\">\\s*2 <small>KK</small>", kecamatan);
    }

    /// <summary>
    /// Bontang Selatan on 1 July 2025: Tanjung Laut 5 KK, Berbas Tengah 2 KK, Berbas Pantai 7 KK and
    /// none in its other three kelurahan, 14 KK in all. Withholding Berbas Tengah alone would leave
    /// it at 14 - 5 - 7, so Tanjung Laut, the smallest other non-zero count, is withheld with it.
    /// </summary>
    private static Task<TuntasWebFactory> BontangSelatanAsync(TestProvider provider) =>
        AppAsync(provider, ("64.74.02.1002", 2), ("64.74.02.1003", 7));

    [Theory, DatabaseData]
    public async Task PublicPage_OfAKecamatanWithOneSmallDesa_WithholdsTheSmallestOtherDesaToo(TestProvider provider)
    {
        await using var app = await BontangSelatanAsync(provider);
        var session = PageSession.Open(app);

        var (status, kecamatan) = await session.GetAsync("/publik/64.74.02?at=2025-07-01");
        var (_, before) = await session.GetAsync("/publik/64.74.02?at=2024-12-31");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<span class=\"number\">\\s*14 <small>KK</small>", kecamatan);
        Assert.Matches(">Tanjung Laut</a></td><td class=\"num\">dirahasiakan</td>", kecamatan);
        Assert.Matches(">Berbas Tengah</a></td><td class=\"num\">dirahasiakan</td>", kecamatan);
        Assert.Matches(">Berbas Pantai</a></td><td class=\"num\">7</td>", kecamatan);
        // A kelurahan with no households loaded, and every kelurahan before the first load, have no data: not 0.
        Assert.Matches(">Satimpo</a></td><td class=\"num no-data\" data-no-data=\"true\">– Belum ada data</td>", kecamatan);
        Assert.Matches(">Tanjung Laut</a></td><td class=\"num no-data\" data-no-data=\"true\">– Belum ada data</td>", before);
    }

    [Theory, DatabaseData]
    public async Task PublicPage_OfTheDesaWithheldBesideASmallOne_WithholdsItsOwnCountAndTrendToo(TestProvider provider)
    {
        await using var app = await BontangSelatanAsync(provider);
        var session = PageSession.Open(app);

        var (status, desa) = await session.GetAsync("/publik/64.74.02.1001?at=2025-07-01");
        var (_, other) = await session.GetAsync("/publik/64.74.02.1003?at=2025-07-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<span class=\"number withheld\">\\s*dirahasiakan\\s*</span>", desa);
        Assert.DoesNotMatch("<span class=\"number[^\"]*\">\\s*5\\b", desa);
        Assert.Matches("Januari 2025</th>\\s*<td class=\"num\">dirahasiakan</td>", desa);
        // Before its first data (10 January 2025) the trend shows no month, rather than 0.
        Assert.DoesNotMatch("Desember 2024</th>", desa);
        // Berbas Pantai is shown in the list, and so on its own page.
        Assert.Matches("<span class=\"number\">\\s*7 <small>KK</small>", other);
        Assert.Matches("Januari 2025</th>\\s*<td class=\"num\">7</td>", other);
    }

    [Theory, DatabaseData]
    public async Task PublicStats_OfTheDesaWithheldBesideASmallOne_WithholdsTheCountAndItsParts(TestProvider provider)
    {
        await using var app = await BontangSelatanAsync(provider);
        var anonymous = app.CreateClient();

        var desa = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.02.1001&at=2025-07-01");
        var earlier = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.02.1001&at=2024-12-31");
        var kecamatan = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.02&at=2025-07-01");

        var poor = desa.GetProperty("extremePoor");
        Assert.True(poor.GetProperty("suppressed").GetBoolean());
        Assert.Null(Count(poor, "households"));
        Assert.Null(Count(poor, "verified"));
        Assert.Null(Count(poor, "unverified"));
        Assert.Equal(JsonValueKind.Null, earlier.GetProperty("extremePoor").GetProperty("households").ValueKind);
        Assert.False(earlier.GetProperty("extremePoor").GetProperty("suppressed").GetBoolean());
        Assert.Contains("2025-01-10", earlier.GetProperty("noData").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(14, kecamatan.GetProperty("extremePoor").GetProperty("households").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task PublicPage_UnknownRegion_Is404(TestProvider provider)
    {
        await using var app = await AppAsync(provider);

        var (status, _) = await PageSession.Open(app).GetAsync("/publik/64.99");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    private static async Task<HttpResponseMessage> SendAsync(PageSession session, IEnumerable<(string Name, string Value)> fields, byte[]? file = null, string fileName = "rumah.jpg")
    {
        var content = new MultipartFormDataContent { { new StringContent(await session.AntiforgeryTokenAsync(Page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is not null)
        {
            content.Add(new ByteArrayContent(file), "photo", fileName);
        }

        return await session.Client.PostAsync(Page, content);
    }

    private static (string, string)[] Form(string kind, string village, string noKk, string description, string name = "Ibu Sari") =>
    [
        ("Input.Kind", kind), ("Input.Village", village), ("Input.NoKk", noKk), ("Input.Description", description),
        ("Input.ProposerName", name), ("Input.Contact", "0812 5555 1234"),
    ];

    private static async Task<List<Proposal>> ProposalsAsync(TuntasWebFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.Proposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
    }

    [Theory, DatabaseData]
    public async Task PublicForm_Usul_CreatesExactlyOneProposal_AndShowsAReceipt(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var response = await SendAsync(session, Form("Usul", "64.74.01.1002", "", "Keluarga di ujung gang tidak makan dua kali sehari."),
            [0xFF, 0xD8, 0xFF, 0xE0, .. "a photo"u8.ToArray()]);
        var proposals = await ProposalsAsync(app);
        var (_, receiptPage) = await session.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var proposal = Assert.Single(proposals);
        Assert.Equal((ProposalKind.Usul, "64.74.01.1002", (string?)null, "Ibu Sari"), (proposal.Kind, proposal.Village.Value, proposal.SubmittedBy, proposal.ProposerName));
        Assert.NotNull(proposal.EvidenceStorageKey);
        Assert.Contains($"Nomor tanda terima: US-{proposal.Id:D6}", receiptPage, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task PublicForm_WithoutADescription_IsRefusedWithTheReason_KeepsWhatWasTyped_AndSavesNothing(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var response = await SendAsync(session, Form("Usul", "64.74.01.1002", "", "", name: "Pak Darto Wiyono"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kiriman belum diterima:", html, StringComparison.Ordinal);
        Assert.Contains("Jelaskan kondisi keluarga", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Pak Darto Wiyono\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"64.74.01.1002\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Empty(await ProposalsAsync(app));
    }

    [Theory, DatabaseData]
    public async Task PublicForm_APdfInsteadOfAPhoto_IsRefused_AndSavesNothing(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var response = await SendAsync(session, Form("Usul", "64.74.01.1002", "", "Keluarga di ujung gang tidak makan dua kali sehari."),
            "%PDF-1.4 not a photo"u8.ToArray(), "surat.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Berkas surat.jpg bukan foto JPEG, PNG atau WebP.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await ProposalsAsync(app));
    }

    [Theory, DatabaseData]
    public async Task PublicForm_SanggahOnANoKkTheRegisterDoesNotHold_IsAcceptedExactlyLikeOneItHolds(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var unknown = await SendAsync(session, Form("Sanggah", "64.74.01.1001", "6474019999999999", "Keluarga ini punya toko dan mobil."));
        var known = await SendAsync(session, Form("Sanggah", "64.74.01.1001", "6474010101200001", "Keluarga ini punya toko dan mobil."));
        var (_, unknownPage) = await session.GetAsync(unknown.Headers.Location!.OriginalString);
        var (_, knownPage) = await session.GetAsync(known.Headers.Location!.OriginalString);
        var proposals = await ProposalsAsync(app);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (unknown.StatusCode, known.StatusCode));
        Assert.Matches("^/publik/64\\.74\\?terkirim=SG-[0-9]{6}#usul$", unknown.Headers.Location!.OriginalString);
        Assert.Matches("^/publik/64\\.74\\?terkirim=SG-[0-9]{6}#usul$", known.Headers.Location!.OriginalString);
        // The two answers differ only in the receipt number (and the form's fresh antiforgery token).
        Assert.Equal(Masked(knownPage), Masked(unknownPage));
        Assert.Equal(2, proposals.Count);
        Assert.Null(proposals[0].HouseholdId);
        Assert.Contains("No. KK menurut pengirim: 6474019999999999", proposals[0].Description, StringComparison.Ordinal);
        Assert.NotNull(proposals[1].HouseholdId);
    }

    private static string Masked(string html) =>
        Regex.Replace(Regex.Replace(html, "SG-[0-9]{6}", "SG-x"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"", "token");

    [Theory, DatabaseData]
    public async Task PublicForm_MoreThanFiveSubmissionsAMinuteFromOneAddress_AreTurnedAway(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = PageSession.Open(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await SendAsync(session, Form("Usul", "64.74.01.1002", "", $"Keluarga nomor {i} tidak makan dua kali sehari."))).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(5, (await ProposalsAsync(app)).Count);
    }
}
