using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Import;

/// <summary>The import page with OpenSID's workbooks: the population workbook asks for its desa, the Program Bantuan workbook is a recipient list.</summary>
public class OpenSidImportPageTests
{
    private static async Task<HttpResponseMessage> PostFormAsync(PageSession session, string page, string? handler, Action<MultipartFormDataContent> fill)
    {
        var token = await session.AntiforgeryTokenAsync(page);
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        fill(content);
        return await session.Client.PostAsync(handler is null ? page : $"{page}?handler={handler}", content);
    }

    private static void AddWorkbook(MultipartFormDataContent content, string path, string name)
    {
        var file = new ByteArrayContent(File.ReadAllBytes(path));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.ms-excel.sheet.macroEnabled.12");
        content.Add(file, "file", name);
    }

    [Theory, DatabaseData]
    public async Task PopulationWorkbook_AsksForTheDesaOfTheCallersRegion_ThenChecksAndImports(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);

        var ask = await PostFormAsync(session, "/impor", "Check", c =>
        {
            AddWorkbook(c, OpenSidWorkbooks.Population(), "FormatImporExcel.xlsm");
            c.Add(new StringContent("OpenSID Bontang Kuala"), "source");
        });
        var askHtml = await ask.Content.ReadAsStringAsync();
        var upload = Regex.Match(askHtml, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;

        // The select lists the desa of Kota Bontang only.
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("buku kerja penduduk OpenSID, yang tidak menyebut desanya", askHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"64.74.01.1001\">", askHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"64.08.", askHtml, StringComparison.Ordinal);

        var outside = await PostFormAsync(session, "/impor", "Village", c =>
        {
            c.Add(new StringContent(upload), "upload");
            c.Add(new StringContent("64.08.01.2001"), "village");
        });
        Assert.Contains("tidak ada di wilayah Anda", await outside.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var check = await PostFormAsync(session, "/impor", "Village", c =>
        {
            c.Add(new StringContent(upload), "upload");
            c.Add(new StringContent("OpenSID Bontang Kuala"), "source");
            c.Add(new StringContent("FormatImporExcel.xlsm"), "fileName");
            c.Add(new StringContent("64.74.01.1001"), "village");
        });
        var checkHtml = await check.Content.ReadAsStringAsync();
        Assert.Contains("Hasil pemeriksaan (belum disimpan)", checkHtml, StringComparison.Ordinal);
        Assert.Contains("Di OpenSID orang ini berstatus Mati (status_dasar 2)", checkHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"village\" value=\"64.74.01.1001\"", checkHtml, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Households.CountAsync());
        }

        var confirm = await PostFormAsync(session, "/impor", "Confirm", c =>
        {
            c.Add(new StringContent(upload), "upload");
            c.Add(new StringContent("OpenSID Bontang Kuala"), "source");
            c.Add(new StringContent("64.74.01.1001"), "village");
        });
        Assert.Contains("Impor selesai", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var after = app.CreateDbContext();
        Assert.Equal([OpenSidWorkbooks.KkA, OpenSidWorkbooks.KkB, OpenSidWorkbooks.KkC], await after.Households.OrderBy(h => h.NoKk).Select(h => h.NoKk.Value).ToListAsync());
        Assert.All(await after.Households.Select(h => h.VillageCode.Value).ToListAsync(), v => Assert.Equal("64.74.01.1001", v));
    }

    [Theory, DatabaseData]
    public async Task ProgrammeWorkbook_IsImportedAsARecipientList(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        var session = PageSession.Open(app);
        await session.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Deliveries.CountAsync());
        }

        var path = OpenSidWorkbooks.ProgrammeBantuan("2", "2025-03-01", export: false, ("6474010101200001", "6474011708850002"), ("6474010101999999", "6474011708999999"));
        var response = await PostFormAsync(session, "/intervensi/impor", null, c =>
        {
            AddWorkbook(c, path, "bantuan.xlsx");
            c.Add(new StringContent("PKH"), "programme");
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("6474010101999999", html, StringComparison.Ordinal);
        await using var check = app.CreateDbContext();
        var delivery = await check.Deliveries.SingleAsync();
        Assert.Equal(("KK:6474010101200001", new DateOnly(2025, 3, 1)), (delivery.RecipientKey, delivery.Date));
    }
}
