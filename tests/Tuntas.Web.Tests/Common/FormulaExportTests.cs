using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Common;

/// <summary>The files the import pages hand back open a formula-looking value as text.</summary>
public class FormulaExportTests
{
    private const string Hostile = "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\"";

    private static void AssertNoFormula(string csv)
    {
        foreach (var line in csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var cell in CsvText.Split(line.TrimStart('\uFEFF'), ','))
            {
                Assert.False(FormulaGuard.IsRisky(cell), $"A cell would run as a formula: {cell} (line {line})");
            }
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(PageSession session, string handler, Action<MultipartFormDataContent> fill)
    {
        var token = await session.AntiforgeryTokenAsync("/impor");
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        fill(content);
        return await session.Client.PostAsync($"/impor?handler={handler}", content);
    }

    [Theory, DatabaseData]
    public async Task ErrorsFileAndQuarantineDownload_WriteAFormulaNameAsText(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("admin1", Role.Admin, null);
        var admin = PageSession.Open(app);
        await admin.LoginAsync("admin1", TuntasWebFactory.Password);
        var csv = "no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan,alamat\n"
            + "6474010101200011,64.74.01.1001,6474011708850012,Budi Santoso,L,1985-08-17,Kepala Keluarga,Jl. Mawar\n"
            + $"6474010101200012,64.74.01.1002,6474011708800015,{Hostile},X,1980-08-17,Kepala Keluarga,@SUM(1)\n";
        var html = await (await PostFormAsync(admin, "Check", c =>
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            c.Add(file, "file", "keluarga.csv");
            c.Add(new StringContent("Desa-2026"), "source");
        })).Content.ReadAsStringAsync();
        var upload = Regex.Match(html, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        await PostFormAsync(admin, "Confirm", c => c.Add(new StringContent(upload), "upload"));
        long batch;
        await using (var db = app.CreateDbContext())
        {
            batch = await db.ImportBatches.Select(b => b.Id).SingleAsync();
        }

        var errors = await admin.Client.GetStringAsync($"/impor?handler=Errors&upload={upload}");
        var quarantine = await admin.Client.GetStringAsync($"/impor/karantina?handler=Download&batch={batch}");

        foreach (var file in new[] { errors, quarantine })
        {
            Assert.Contains("'=HYPERLINK", file, StringComparison.Ordinal);
            Assert.Contains("'@SUM(1)", file, StringComparison.Ordinal);
            AssertNoFormula(file);
        }
    }
}
