using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Tests.Access;

public class PersonalDataViewTests
{
    private const string BudiKk = "6474010101200001";

    [Theory, DatabaseData]
    public async Task EveryViewOfPersonalData_IsRecorded_WhoWhatWhen(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var operatorClient = await app.ClientForAsync(Role.Operator, "64.74.01.1001");
        var analyst = await app.ClientForAsync(Role.Analyst, "64.74");
        var before = DateTime.UtcNow.AddSeconds(-5);

        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/keluarga/{BudiKk}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync($"/api/v1/households/{BudiKk}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/v1/households/6474010101200002")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/dasbor/64.74/keluarga?at=2026-11-22&status=extremePoor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/dasbor/64.74/keluarga?at=2026-11-22&status=extremePoor&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/api/v1/households?region=64.74")).StatusCode);

        await using var db = app.CreateDbContext();
        var views = await db.PersonalDataViews.OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(
            [PersonalDataLog.HouseholdPage, PersonalDataLog.HouseholdApi, PersonalDataLog.ListPage, PersonalDataLog.ListExport, PersonalDataLog.ListApi],
            views.Select(v => v.Action).ToArray());
        Assert.All(views.Take(2), v =>
        {
            Assert.StartsWith("operator-", v.UserName, StringComparison.Ordinal);
            Assert.Equal("operator", v.Role);
            Assert.Equal(BudiKk, v.Subject);
            Assert.Equal("64.74.01.1001", v.Region);
            Assert.Null(v.Count);
        });
        Assert.All(views.Skip(2), v =>
        {
            Assert.Equal("analyst", v.Role);
            Assert.Equal("64.74", v.Region);
            Assert.NotNull(v.Count);
        });
        Assert.StartsWith("extremePoor 2026-11-22", views[2].Subject, StringComparison.Ordinal);
        Assert.Equal(2, views[4].Count);
        Assert.All(views, v => Assert.InRange(v.At, before, DateTime.UtcNow.AddSeconds(5)));
    }

    [Theory, DatabaseData]
    public async Task HouseholdApi_Analyst_SeesMaskedNiks_AndTheViewIsRecorded(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var analyst = await app.ClientForAsync(Role.Analyst, "64.74");

        var body = await analyst.GetStringAsync("/api/v1/households/6474010101200002");

        using var json = JsonDocument.Parse(body);
        var niks = json.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("nik").GetString()).ToList();
        Assert.Equal([Nik.Mask("6474011708850003"), Nik.Mask("6474015708900004")], niks);
        Assert.Equal("6474**********03", niks[0]);
        Assert.DoesNotContain("6474011708850003", body, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal("6474010101200002", (await db.PersonalDataViews.SingleAsync()).Subject);
    }

    [Theory, DatabaseData]
    public async Task AdminPage_ListsTheViews_AndIsNotFoundForOtherRoles(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var operatorClient = await app.ClientForAsync(Role.Operator, "64.74.01.1001");
        var admin = await app.ClientForAsync(Role.Admin, null);
        var verifier = await app.ClientForAsync(Role.Verifier, "64.74");
        await operatorClient.GetAsync($"/keluarga/{BudiKk}");

        var page = await admin.GetAsync($"/admin/akses-data?kk={BudiKk}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(BudiKk, html, StringComparison.Ordinal);
        Assert.Contains("Halaman keluarga", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await verifier.GetAsync("/admin/akses-data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/admin/akses-data")).StatusCode);
        var empty = await (await admin.GetAsync("/admin/akses-data?kk=6474010101200002")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(BudiKk, empty, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task AdminPage_FiltersByAction_AndRecordsItsOwnReading(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var operatorClient = await app.ClientForAsync(Role.Operator, "64.74.01.1001");
        var admin = await app.ClientForAsync(Role.Admin, null);
        await operatorClient.GetAsync($"/keluarga/{BudiKk}");
        await operatorClient.GetAsync($"/api/v1/households/{BudiKk}");
        await operatorClient.GetAsync("/tugas");

        var apiOnly = await admin.GetStringAsync("/admin/akses-data?aksi=household.api");
        var all = await admin.GetStringAsync("/admin/akses-data");

        Assert.Contains("<td>API keluarga</td>", apiOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>Halaman keluarga</td>", apiOnly, StringComparison.Ordinal);
        Assert.Contains("<td>Daftar tugas kunjungan</td>", all, StringComparison.Ordinal);
        Assert.Contains("<td>Laporan akses data ini</td>", all, StringComparison.Ordinal);
        Assert.Contains("<option value=\"convergence.export\">Unduh daftar konvergensi</option>", all, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryAction_HasWordsInBothLanguages()
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            foreach (var action in PersonalDataLog.Actions)
            {
                CultureInfo.CurrentUICulture = new CultureInfo("id");
                var indonesian = UiText.Find("DataAccessAction." + action);
                CultureInfo.CurrentUICulture = new CultureInfo("en");
                var english = UiText.Find("DataAccessAction." + action);
                Assert.False(indonesian is null || english is null || indonesian == english, $"{action}: \"{indonesian}\" / \"{english}\"");
                Assert.NotEqual(action, PersonalDataLog.Describe(action));
            }
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }
}
