using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Reports;

public class ReportPagesTests
{
    /// <summary>Both Bontang families listed as extreme poor on 10 January 2025; the usual accounts.</summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            foreach (var household in await db.Households.InRegion(RegionCode.From("64.74")).ToListAsync())
            {
                household.SetSpendingPerCapita(210_000);
            }

            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), new DateOnly(2025, 1, 10), StatusChanges.SystemClassification, audit));
        }

        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("bappeda.kaltim", Role.Province, "64");
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        return app;
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    private static async Task<string> UploadAsync(PageSession session, byte[] package)
    {
        var content = new MultipartFormDataContent { { new StringContent(await session.AntiforgeryTokenAsync("/laporan?region=64")), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(package);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(part, "package", "64.74-2025-06-30.json");
        var response = await session.Client.PostAsync("/laporan?handler=Upload&region=64&at=2025-06-30", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Theory, DatabaseData]
    public async Task Regency_DownloadsItsPackage_TheProvinceUploadsIt_AndSeesItInTheConsolidation_AChangedOneIsRefused(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var dinsos = await LoginAsync(app, "dinsos.bontang");
        var province = await LoginAsync(app, "bappeda.kaltim");
        var op = await LoginAsync(app, "op.bontangkuala");

        var json = await dinsos.Client.GetAsync("/laporan?handler=Package&region=64.74&at=2025-06-30");
        var xlsx = await dinsos.Client.GetAsync("/laporan?handler=Package&region=64.74&at=2025-06-30&format=xlsx");
        var package = await json.Content.ReadAsByteArrayAsync();
        var tampered = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(package).Replace("\"households\":2,", "\"households\":1,", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal("64.74-2025-06-30.json", json.Content.Headers.ContentDisposition?.FileNameStar ?? json.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(package, tampered);

        var refused = await UploadAsync(province, tampered);
        Assert.Contains("tidak cocok dengan sidik SHA-256", refused, StringComparison.Ordinal);
        var accepted = await UploadAsync(province, package);
        Assert.Contains("Paket Kota Bontang per 30 Juni 2025 diterima: 2 KK", accepted, StringComparison.Ordinal);
        var (_, consolidation) = await province.GetAsync("/laporan?region=64&at=2025-06-30");
        Assert.Contains("id=\"province-total\">2 KK", consolidation, StringComparison.Ordinal);
        Assert.Contains("Paket (30 Juni 2025)", consolidation, StringComparison.Ordinal);

        // The province cannot make a kabupaten's package; a village operator has no report screen.
        Assert.Equal(HttpStatusCode.NotFound, (await province.Client.GetAsync("/laporan?handler=Package&region=64.74&at=2025-06-30")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/laporan")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await dinsos.GetAsync("/laporan?region=64.08")).Status);
    }
}
