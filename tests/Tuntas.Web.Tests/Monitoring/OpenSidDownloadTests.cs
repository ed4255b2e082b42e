using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Monitoring;

/// <summary>
/// The "Untuk OpenSID" downloads of a village's dashboard: the files, who may download them (the
/// village's operator, its kecamatan's facilitator, its regency's Dinas Sosial and the administrator;
/// an agency officer the Program Bantuan file of their own programme), 404 for everyone else, and a
/// record in the personal-data log for each download.
/// </summary>
public class OpenSidDownloadTests
{
    private const string Kuala = "64.74.01.1001";
    private const string BudiKk = "6474010101200001";

    private static DateOnly Today => RegionClock.DayAt(DateTime.UtcNow);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Bontang's two families listed today (Budi in Bontang Kuala, Agus in Bontang Baru); PKH reached Budi.</summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var bontang = await db.Households.Where(h => h.RegencyCode == RegionCode.From("64.74")).ToListAsync();
        await audit.BeginAsync();
        foreach (var family in bontang)
        {
            StatusChanges.Apply(family, new StatusChange(HouseholdStatus.Listed, Today, StatusChanges.SystemClassification, "Memenuhi kriteria.", "classification"), audit, Today, DateTime.UtcNow);
        }

        var budi = bontang.Single(h => h.NoKk.Value == BudiKk);
        db.Deliveries.Add(new Delivery("PKH", budi.Id, null, "Dinas Sosial", new DeliveryReport { Date = Today, Amount = 750_000 },
            DeliverySource.Entered, Delivery.KeyForKk(BudiKk), "dinsos.bontang", Today, DateTime.UtcNow));
        await db.SaveChangesAsync();
        await audit.CommitAsync();
        return app;
    }

    private static async Task<HttpClient> ClientAsync(TuntasWebFactory app, string name, Role role, string? region, string? programme = null)
    {
        var token = await app.CreateUserAndTokenAsync(name, role, region, programme);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Theory, DatabaseData]
    public async Task TheVillagesOperator_DownloadsBothFiles_EachRecordedAsAPersonalDataView(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await app.CreateUserAndTokenAsync("op.kuala", Role.Operator, Kuala);
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync("op.kuala", TuntasWebFactory.Password)).StatusCode);

        var (status, html) = await session.GetAsync($"/dasbor/{Kuala}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Untuk OpenSID", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dasbor/{Kuala}/opensid/suplemen?at={Day(Today)}\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"PKH\">PKH · Program Keluarga Harapan</option>", html, StringComparison.Ordinal);

        using var suplemen = await session.Client.GetAsync($"/dasbor/{Kuala}/opensid/suplemen?at={Day(Today)}");
        Assert.Equal(HttpStatusCode.OK, suplemen.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", suplemen.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"suplemen-miskin-ekstrem-{Kuala}-{Day(Today)}.xlsx", suplemen.Content.Headers.ContentDisposition?.FileNameStar ?? suplemen.Content.Headers.ContentDisposition?.FileName);
        var book = ReadWorkbook.Read(await suplemen.Content.ReadAsByteArrayAsync());
        Assert.Equal([["Peserta", "Keterangan"], [BudiKk, $"Terdata miskin ekstrem sejak {Day(Today)}"], ["###", ""]], book.Rows("Peserta", 2));

        using var bantuan = await session.Client.GetAsync($"/dasbor/{Kuala}/opensid/bantuan?programme=PKH");
        Assert.Equal(HttpStatusCode.OK, bantuan.StatusCode);
        var program = ReadWorkbook.Read(await bantuan.Content.ReadAsByteArrayAsync());
        Assert.Equal(
            [["Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat"], [BudiKk, "", "6474011708850002", "Budi Santoso", "", "1985-08-17", ""], ["###", "", "", "", "", "", ""]],
            program.Rows("Peserta", 7));
        Assert.Equal(["Program Keluarga Harapan", "2", "Pusat", Day(Today), Day(Today)], program.Rows("Program", 2).Where((_, i) => i is 1 or 2 or 4 or 5 or 6).Select(r => r[1]));

        await using var db = app.CreateDbContext();
        var views = await db.PersonalDataViews.Where(v => v.UserName == "op.kuala" && v.Action.StartsWith("opensid")).OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(
            [(PersonalDataLog.OpenSidSuplemenExport, $"{Kuala} {Day(Today)}", 1, Kuala), (PersonalDataLog.OpenSidBantuanExport, $"{Kuala} PKH", 1, Kuala)],
            views.Select(v => (v.Action, v.Subject, v.Count ?? -1, v.Region)));
    }

    [Theory, DatabaseData]
    public async Task EachRole_InAndOutOfScope_GetsTheFileOr404(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var callers = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["admin"] = await ClientAsync(app, "admin.x", Role.Admin, null),
            ["verifier"] = await ClientAsync(app, "dinsos.bontang", Role.Verifier, "64.74"),
            ["verifier elsewhere"] = await ClientAsync(app, "dinsos.kutim", Role.Verifier, "64.08"),
            ["operator"] = await ClientAsync(app, "op.kuala", Role.Operator, Kuala),
            ["operator next door"] = await ClientAsync(app, "op.baru", Role.Operator, "64.74.01.1002"),
            ["facilitator"] = await ClientAsync(app, "pendamping.utara", Role.Facilitator, "64.74.01"),
            ["facilitator elsewhere"] = await ClientAsync(app, "pendamping.selatan", Role.Facilitator, "64.74.02"),
            ["agency PKH"] = await ClientAsync(app, "dinsos.pkh", Role.Agency, "64.74", "PKH"),
            ["agency SEMBAKO"] = await ClientAsync(app, "dinsos.sembako", Role.Agency, "64.74", "SEMBAKO"),
            ["analyst"] = await ClientAsync(app, "bappeda.bontang", Role.Analyst, "64.74"),
            ["province"] = await ClientAsync(app, "bappeda.kaltim", Role.Province, "64"),
        };
        var suplemen = $"/dasbor/{Kuala}/opensid/suplemen";
        var pkh = $"/dasbor/{Kuala}/opensid/bantuan?programme=PKH";
        var expected = new (string Who, string Url, HttpStatusCode Status)[]
        {
            ("admin", suplemen, HttpStatusCode.OK), ("verifier", suplemen, HttpStatusCode.OK), ("operator", suplemen, HttpStatusCode.OK), ("facilitator", suplemen, HttpStatusCode.OK),
            ("verifier elsewhere", suplemen, HttpStatusCode.NotFound), ("operator next door", suplemen, HttpStatusCode.NotFound), ("facilitator elsewhere", suplemen, HttpStatusCode.NotFound),
            ("agency PKH", suplemen, HttpStatusCode.NotFound), ("analyst", suplemen, HttpStatusCode.NotFound), ("province", suplemen, HttpStatusCode.NotFound),
            ("admin", pkh, HttpStatusCode.OK), ("verifier", pkh, HttpStatusCode.OK), ("operator", pkh, HttpStatusCode.OK), ("facilitator", pkh, HttpStatusCode.OK), ("agency PKH", pkh, HttpStatusCode.OK),
            ("verifier elsewhere", pkh, HttpStatusCode.NotFound), ("operator next door", pkh, HttpStatusCode.NotFound), ("facilitator elsewhere", pkh, HttpStatusCode.NotFound),
            ("agency SEMBAKO", pkh, HttpStatusCode.NotFound), ("analyst", pkh, HttpStatusCode.NotFound), ("province", pkh, HttpStatusCode.NotFound),

            // An agency officer's own programme is the default; the others name one that exists.
            ("agency PKH", $"/dasbor/{Kuala}/opensid/bantuan", HttpStatusCode.OK),
            ("admin", $"/dasbor/{Kuala}/opensid/bantuan", HttpStatusCode.NotFound),
            ("admin", $"/dasbor/{Kuala}/opensid/bantuan?programme=BLT-KILAT", HttpStatusCode.NotFound),

            // Only a desa/kelurahan of the list, and a day that is a date.
            ("admin", "/dasbor/64.74/opensid/suplemen", HttpStatusCode.NotFound),
            ("admin", "/dasbor/64.74.01.1999/opensid/suplemen", HttpStatusCode.NotFound),
            ("admin", "/dasbor/64.74.01.1999/opensid/bantuan?programme=PKH", HttpStatusCode.NotFound),
            ("admin", suplemen + "?at=09-04-2025x", HttpStatusCode.NotFound),
        };

        var failures = new List<string>();
        foreach (var (who, url, status) in expected)
        {
            using var response = await callers[who].GetAsync(url);
            if (response.StatusCode != status)
            {
                failures.Add($"{who}: GET {url} answered {(int)response.StatusCode}, expected {(int)status}");
            }
        }

        // Other methods are not accepted; a caller who is not signed in is sent to sign in.
        foreach (var url in new[] { suplemen, pkh })
        {
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
            {
                using var response = await callers["admin"].SendAsync(new HttpRequestMessage(method, url));
                if ((int)response.StatusCode is (>= 200 and < 300) or >= 500)
                {
                    failures.Add($"admin: {method} {url} answered {(int)response.StatusCode}");
                }
            }

            using var anonymous = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(url);
            if (anonymous.StatusCode != HttpStatusCode.Redirect || anonymous.Headers.Location?.OriginalString.Contains("/masuk", StringComparison.Ordinal) != true)
            {
                failures.Add($"anonymous: GET {url} answered {(int)anonymous.StatusCode} → {anonymous.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Refused answers leave no record; each file sent leaves one.
        await using var db = app.CreateDbContext();
        Assert.Equal(expected.Count(e => e.Status == HttpStatusCode.OK), await db.PersonalDataViews.CountAsync(v => v.Action.StartsWith("opensid")));
    }

    [Theory, DatabaseData]
    public async Task TheDashboard_OffersEachRoleOnlyWhatItMayDownload_OnAVillageOnly(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        async Task<string> DashboardAsync(string name, Role role, string? region, string path, string? programme = null)
        {
            await app.CreateUserAndTokenAsync(name, role, region, programme);
            var session = PageSession.Open(app);
            Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(name, TuntasWebFactory.Password)).StatusCode);
            var (status, html) = await session.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, status);
            return html;
        }

        var agency = await DashboardAsync("dinsos.pkh", Role.Agency, "64.74", $"/dasbor/{Kuala}", "PKH");
        Assert.DoesNotContain("opensid-suplemen", agency, StringComparison.Ordinal);
        Assert.Contains("<option value=\"PKH\">", agency, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"SEMBAKO\">", agency, StringComparison.Ordinal);

        var analyst = await DashboardAsync("bappeda.bontang", Role.Analyst, "64.74", $"/dasbor/{Kuala}");
        Assert.DoesNotContain("Untuk OpenSID", analyst, StringComparison.Ordinal);

        var kecamatan = await DashboardAsync("dinsos.bontang", Role.Verifier, "64.74", "/dasbor/64.74.01");
        Assert.DoesNotContain("Untuk OpenSID", kecamatan, StringComparison.Ordinal);
    }
}
