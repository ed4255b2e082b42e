using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Interventions;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Interventions;

/// <summary>The intervention screens walked through the real pages, scoped per role.</summary>
public partial class InterventionPagesTests
{
    private const string BudiKk = "6474010101200001";
    private const string AgusKk = "6474010101200002";
    private const string RahmatKk = "6408010101200003";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first bytes of a JPEG file, then anything: what the server checks is the content.</summary>
    private static readonly byte[] Receipt = [0xFF, 0xD8, 0xFF, 0xE0, .. "a photo of the receipt"u8.ToArray()];

    private static DateOnly Today => Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Bontang's two families are listed today (spending below the line); Budi's family has no health
    /// insurance, so it needs PBI-JK. Users: a Bontang verifier, a Bontang Dinkes officer tied to
    /// PBI-JK, the operator of Bontang Kuala, and the province.
    /// </summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var families = await db.Households.Include(h => h.Members).Where(h => h.RegencyCode == RegionCode.From("64.74")).ToListAsync();
            foreach (var family in families)
            {
                family.SetSpendingPerCapita(210_000);
            }

            families.Single(h => h.NoKk == NomorKk.From(BudiKk)).Members.Single().HealthInsurance = "Tidak ada";
            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var summary = await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), Today, StatusChanges.SystemClassification, audit));
            Assert.Equal(2, summary.Listed);
        }

        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("dinkes.bontang", Role.Agency, "64.74", "PBI-JK");
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        await app.CreateUserAndTokenAsync("bappeda.kaltim", Role.Province, "64");
        return app;
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    private static async Task<HttpResponseMessage> PostAsync(
        PageSession session, string page, string path, IEnumerable<(string Name, string Value)> fields, (byte[] Bytes, string Name, string Type)? file = null, string fileField = "file")
    {
        var content = new MultipartFormDataContent { { new StringContent(await session.AntiforgeryTokenAsync(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            var part = new ByteArrayContent(f.Bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.Type);
            content.Add(part, fileField, f.Name);
        }

        return await session.Client.PostAsync(path, content);
    }

    private static Task<HttpResponseMessage> RecordAsync(PageSession session, string noKk, string programme, DateOnly date, string amount, string note = "", byte[]? photo = null) =>
        PostAsync(session, $"/keluarga/{noKk}/penyaluran", $"/keluarga/{noKk}/penyaluran",
            [("Input.Programme", programme), ("Input.PersonId", ""), ("Input.Date", Day(date)), ("Input.PeriodEnd", ""), ("Input.Amount", amount), ("Input.Note", note)],
            photo is null ? null : (photo, "tanda-terima.jpg", "image/jpeg"), "evidence");

    /// <summary>Records a delivery as an agency list would, without the pages.</summary>
    private static async Task DeliverAsync(TuntasWebFactory app, string noKk, string programme, DateOnly date, long amount)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        var household = await db.Households.AsNoTracking().SingleAsync(h => h.NoKk == NomorKk.From(noKk));
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<DeliveryService>().RecordAsync(
            new DeliveryRecorder("test", RegionScope.National), household.Id, null, programme, new DeliveryReport { Date = date, Amount = amount }, null, audit));
    }

    /// <summary>A page as its reader sees the text: character references decoded.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(PageSession session, string path)
    {
        var (status, html) = await session.GetAsync(path);
        return (status, WebUtility.HtmlDecode(html));
    }

    private static string Error(string html) => WebUtility.HtmlDecode(Regex.Match(html, "class=\"alert error\"[^>]*>([^<]*)<").Groups[1].Value);

    /// <summary>The text of the first worksheet of an XLSX download.</summary>
    private static async Task<string> SheetTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open(), Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Theory, DatabaseData]
    public async Task RecordDelivery_FromTheHouseholdPage_IsSavedAndListedWithItsAmount(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");

        var (_, household) = await GetAsync(verifier, $"/keluarga/{BudiKk}");
        Assert.Contains($"action=\"/keluarga/{BudiKk}/penyaluran\"", household, StringComparison.Ordinal);
        Assert.Contains("<option value=\"SEMBAKO\">SEMBAKO · Bantuan Sembako (BPNT)", household, StringComparison.Ordinal);
        Assert.Contains("Belum ada penyaluran tercatat.", household, StringComparison.Ordinal);

        var sent = await RecordAsync(verifier, BudiKk, "SEMBAKO", Today, "Rp200.000", "Paket Oktober", Receipt);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, Error(await sent.Content.ReadAsStringAsync()));
        Assert.Equal($"/keluarga/{BudiKk}?pesan=penyaluran-tercatat", sent.Headers.Location!.OriginalString);

        var (_, page) = await GetAsync(verifier, sent.Headers.Location.OriginalString);
        Assert.Contains("Penyaluran tercatat.", page, StringComparison.Ordinal);
        Assert.Contains("Bantuan Sembako (BPNT)", page, StringComparison.Ordinal);
        Assert.Contains("Rp200.000", page, StringComparison.Ordinal);
        Assert.Contains("Dinas Sosial (Kementerian Sosial)", page, StringComparison.Ordinal);
        Assert.Contains("Dicatat petugas", page, StringComparison.Ordinal);
        Assert.Contains("Belum punya jaminan kesehatan (PBI-JK): <strong>belum terpenuhi</strong>", page, StringComparison.Ordinal);
        var evidence = Regex.Match(page, "href=\"(/bukti/penyaluran/[0-9]+)\"").Groups[1].Value;
        Assert.Equal(Receipt, await verifier.Client.GetByteArrayAsync(evidence));
        Assert.Equal(HttpStatusCode.NotFound, (await (await LoginAsync(app, "bappeda.kaltim")).Client.GetAsync(evidence)).StatusCode);

        await using var db = app.CreateDbContext();
        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal(("SEMBAKO", 200_000L, Today, "dinsos.bontang", "Paket Oktober"), (delivery.ProgrammeCode, delivery.Amount!.Value, delivery.Date, delivery.RecordedBy, delivery.Note!));
        Assert.Equal("image/jpeg", delivery.EvidenceContentType);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "delivery.record"));
    }

    [Theory, DatabaseData]
    public async Task RecordDelivery_DatedTomorrow_SaysWhyKeepsWhatWasTypedAndSavesNothing(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");

        var refused = await RecordAsync(verifier, BudiKk, "SEMBAKO", Today.AddDays(1), "200.000", "Paket November", Receipt);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Tanggal penyaluran {Day(Today.AddDays(1))} belum terjadi; catat penyaluran setelah diterima.", Error(html));
        Assert.Contains("value=\"200.000\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Paket November\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Day(Today.AddDays(1))}\"", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Deliveries.CountAsync());
        var evidenceRoot = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Tuntas:Evidence"]!;
        Assert.Empty(Directory.Exists(evidenceRoot) ? Directory.GetFiles(evidenceRoot, "*", SearchOption.AllDirectories) : []);

        // The same receipt with an amount that is not rupiah: the reason, and again nothing stored.
        var notRupiah = await RecordAsync(verifier, BudiKk, "SEMBAKO", Today, "200.000,50", "Paket November", Receipt);
        Assert.Equal("Nilai harus rupiah bulat, misalnya 1.250.000.", Error(await notRupiah.Content.ReadAsStringAsync()));
        Assert.Equal(0, await db.Deliveries.CountAsync());
        Assert.Empty(Directory.Exists(evidenceRoot) ? Directory.GetFiles(evidenceRoot, "*", SearchOption.AllDirectories) : []);
    }

    [Theory, DatabaseData]
    public async Task AgencyOfficer_IsOfferedOnlyTheirProgramme_AndAnotherProgrammeIsRefused(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var dinkes = await LoginAsync(app, "dinkes.bontang");

        var (status, form) = await GetAsync(dinkes, $"/keluarga/{BudiKk}/penyaluran");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("value=\"PBI-JK\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"SEMBAKO\"", form, StringComparison.Ordinal);

        var refused = await RecordAsync(dinkes, BudiKk, "SEMBAKO", Today, "200000");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("Anda hanya mencatat penyaluran PBI-JK; SEMBAKO dicatat oleh instansinya sendiri.", Error(await refused.Content.ReadAsStringAsync()));
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task RecordDelivery_HouseholdOutsideTheCallersRegion_IsNotFound(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var op = await LoginAsync(app, "op.bontangkuala");
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var token = await op.AntiforgeryTokenAsync($"/keluarga/{BudiKk}/penyaluran");

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(op, $"/keluarga/{AgusKk}/penyaluran")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(verifier, $"/keluarga/{RahmatKk}/penyaluran")).Status);
        var posted = await op.Client.PostAsync($"/keluarga/{AgusKk}/penyaluran", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Programme"] = "SEMBAKO",
            ["Input.Date"] = Day(Today),
        }));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Deliveries.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task ImportPage_SmallRecipientList_ShowsCountsAndTheFollowUpItemCanBeClosed(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var list = $"no_kk,tanggal,nilai\n{BudiKk},{Day(Today.AddDays(-3))},200000\n6474010101209999,{Day(Today.AddDays(-3))},200000\n{AgusKk},kemarin,200000\n";

        var response = await PostAsync(verifier, "/intervensi/impor", "/intervensi/impor", [("programme", "SEMBAKO")], (Encoding.UTF8.GetBytes(list), "sembako.csv", "text/csv"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK && !html.Contains("alert error", StringComparison.Ordinal), Error(html));
        foreach (var (figure, value) in new[] { ("rows", 3), ("matched", 1), ("unmatched", 1), ("rejected", 1) })
        {
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Regex.Match(html, $"id=\"{figure}\">([^<]*)<").Groups[1].Value);
        }

        Assert.Contains("6474010101209999", html, StringComparison.Ordinal);
        var errors = Regex.Match(html, "href=\"(/intervensi/impor\\?handler=Errors&upload=[a-f0-9]+)\"").Groups[1].Value;
        var download = await verifier.Client.GetAsync(errors);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Contains("kemarin", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await (await LoginAsync(app, "op.bontangkuala")).Client.GetAsync(errors)).StatusCode);

        // The recipient the register does not hold waits on the follow-up list until Dinas Sosial closes it.
        var (_, followUp) = await GetAsync(verifier, "/intervensi/tindak-lanjut");
        Assert.Contains("KK:6474010101209999", followUp, StringComparison.Ordinal);
        var id = Regex.Match(followUp, "name=\"id\" value=\"([0-9]+)\"").Groups[1].Value;
        var closed = await PostAsync(verifier, "/intervensi/tindak-lanjut", "/intervensi/tindak-lanjut?handler=Close", [("id", id), ("note", "Pindah ke Samarinda")]);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, after) = await GetAsync(verifier, "/intervensi/tindak-lanjut");
        Assert.DoesNotContain("6474010101209999", after, StringComparison.Ordinal);
        Assert.Contains("Tidak ada penerima yang perlu ditindaklanjuti.", after, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.Equal(BudiKk, (await db.Households.SingleAsync(h => h.Id == db.Deliveries.Single().HouseholdId)).NoKk.Value);
        Assert.Equal("Pindah ke Samarinda", (await db.UnmatchedRecipients.SingleAsync()).Resolution);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "follow-up.close"));
    }

    [Theory, DatabaseData]
    public async Task FollowUp_TwoOfficersCloseTheSameItem_TheSecondIsToldItChanged_AndTheFirstNoteStays(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await app.CreateUserAndTokenAsync("dinsos.bontang2", Role.Verifier, "64.74");
        var first = await LoginAsync(app, "dinsos.bontang");
        var second = await LoginAsync(app, "dinsos.bontang2");
        var list = $"no_kk,tanggal,nilai\n6474010101209999,{Day(Today.AddDays(-3))},200000\n";
        var imported = await PostAsync(first, "/intervensi/impor", "/intervensi/impor", [("programme", "SEMBAKO")], (Encoding.UTF8.GetBytes(list), "sembako.csv", "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        // Both have the follow-up list open at the same version of the item.
        var (_, seenByFirst) = await GetAsync(first, "/intervensi/tindak-lanjut");
        var (_, seenBySecond) = await GetAsync(second, "/intervensi/tindak-lanjut");
        string Field(string html, string name) => Regex.Match(html, $"name=\"{name}\" value=\"([0-9]+)\"").Groups[1].Value;
        var firstToken = await first.AntiforgeryTokenAsync("/intervensi/tindak-lanjut");
        var secondToken = await second.AntiforgeryTokenAsync("/intervensi/tindak-lanjut");
        Task<HttpResponseMessage> CloseAsync(PageSession session, string token, string html, string note) =>
            session.Client.PostAsync("/intervensi/tindak-lanjut?handler=Close", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["id"] = Field(html, "id"),
                ["version"] = Field(html, "version"),
                ["note"] = note,
            }));
        var winner = await CloseAsync(first, firstToken, seenByFirst, "Pindah ke Samarinda");
        var loser = await CloseAsync(second, secondToken, seenBySecond, "Sudah meninggal");

        Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
        Assert.Contains("Data ini baru saja diubah orang lain; muat ulang halaman", WebUtility.HtmlDecode(await loser.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var item = await db.UnmatchedRecipients.SingleAsync();
            Assert.Equal(("Pindah ke Samarinda", 1), (item.Resolution, item.Version));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "follow-up.close"));
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }

        // Two saves racing after both read the open item: the database refuses the second.
        await using var one = app.CreateDbContext();
        await using var two = app.CreateDbContext();
        var a = await one.UnmatchedRecipients.SingleAsync();
        var b = await two.UnmatchedRecipients.SingleAsync();
        a.Resolve(DateTime.UtcNow, "dibuka ulang untuk uji");
        await one.SaveChangesAsync();
        b.Resolve(DateTime.UtcNow, "tertimpa");
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => two.SaveChangesAsync());
    }

    [Theory, DatabaseData]
    public async Task ImportPage_AgencyOfficer_ImportsUnderTheirOwnProgrammeWhateverTheFormSays(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var dinkes = await LoginAsync(app, "dinkes.bontang");
        var (_, form) = await GetAsync(dinkes, "/intervensi/impor");
        Assert.Contains("value=\"PBI-JK\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"SEMBAKO\"", form, StringComparison.Ordinal);
        var list = $"nik,tanggal,nilai\n6474011708850002,{Day(Today.AddDays(-1))},42000\n";

        var response = await PostAsync(dinkes, "/intervensi/impor", "/intervensi/impor", [("programme", "SEMBAKO")], (Encoding.UTF8.GetBytes(list), "pbi.csv", "text/csv"));

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("PBI-JK · pbi.csv", html, StringComparison.Ordinal);
        Assert.Equal("1", Regex.Match(html, "id=\"matched\">([^<]*)<").Groups[1].Value);
        await using var db = app.CreateDbContext();
        var delivery = await db.Deliveries.SingleAsync();
        Assert.Equal(("PBI-JK", DeliverySource.Imported), (delivery.ProgrammeCode, delivery.Source));
        Assert.NotNull(delivery.PersonId);
    }

    [Theory, DatabaseData]
    public async Task FollowUpList_ShowsOnlyItemsOfTheCallersRegion_WithNikMaskedForTheAnalyst(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await app.CreateUserAndTokenAsync("bappeda.bontang", Role.Analyst, "64.74");
        await using (var db = app.CreateDbContext())
        {
            foreach (var (region, nik) in new[] { ("64.74", "6474014101900001"), ("64.08", "6408014101900002") })
            {
                db.UnmatchedRecipients.Add(new UnmatchedRecipient
                {
                    ProgrammeCode = "PKH",
                    RecipientKey = Delivery.KeyForNik(nik),
                    Date = Today.AddDays(-2),
                    Amount = 750_000,
                    Region = region,
                    ImportId = 0,
                    Line = 2,
                    CreatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        var (_, verifierView) = await GetAsync(await LoginAsync(app, "dinsos.bontang"), "/intervensi/tindak-lanjut");
        Assert.Contains("NIK:6474014101900001", verifierView, StringComparison.Ordinal);
        Assert.Contains("Rp750.000", verifierView, StringComparison.Ordinal);
        Assert.DoesNotContain("6408014101900002", verifierView, StringComparison.Ordinal);
        Assert.Contains("name=\"note\"", verifierView, StringComparison.Ordinal);

        var (_, analystView) = await GetAsync(await LoginAsync(app, "bappeda.bontang"), "/intervensi/tindak-lanjut");
        Assert.DoesNotContain("6474014101900001", analystView, StringComparison.Ordinal);
        Assert.Contains("NIK:" + Nik.Mask("6474014101900001"), analystView, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"note\"", analystView, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task ConvergenceMatrix_ShowsEachHouseholdAgainstTheStrategies_AndExportsIt(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await DeliverAsync(app, BudiKk, "SEMBAKO", Today.AddDays(-5), 200_000);
        var verifier = await LoginAsync(app, "dinsos.bontang");

        var (status, html) = await GetAsync(verifier, "/intervensi/konvergensi?region=64.74.01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"Bontang Utara · per {Formats(Today)}", html, StringComparison.Ordinal);
        var budi = Regex.Match(html, $"<tr>\\s*<td class=\"code\"><a href=\"/keluarga/{BudiKk}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("Budi Santoso", budi, StringComparison.Ordinal);
        Assert.Contains("✓ SEMBAKO", budi, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(budi, "<td>Belum</td>").Count);
        Assert.Contains("Belum punya jaminan kesehatan (PBI-JK)", budi, StringComparison.Ordinal);
        var agus = Regex.Match(html, $"<tr>\\s*<td class=\"code\"><a href=\"/keluarga/{AgusKk}\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Equal(3, Regex.Matches(agus, "<td>Belum</td>").Count);

        // The count of households no programme reached links to exactly them.
        var (_, untouched) = await GetAsync(verifier, "/intervensi/konvergensi?region=64.74.01&filter=belum-tersentuh");
        Assert.Contains($"/keluarga/{AgusKk}", untouched, StringComparison.Ordinal);
        Assert.DoesNotContain($"/keluarga/{BudiKk}", untouched, StringComparison.Ordinal);

        var sheet = await SheetTextAsync(await verifier.Client.GetAsync("/intervensi/konvergensi?region=64.74.01&format=xlsx"));
        Assert.Contains(BudiKk, sheet, StringComparison.Ordinal);
        Assert.Contains(AgusKk, sheet, StringComparison.Ordinal);
        Assert.Contains("SEMBAKO", sheet, StringComparison.Ordinal);
        Assert.DoesNotContain(RahmatKk, sheet, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task AgencyWorklist_ShowsHouseholdsWhoseUnmetNeedsNameTheOfficersProgramme(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var dinkes = await LoginAsync(app, "dinkes.bontang");

        // The officer asks for another programme's list and gets their own.
        var (status, html) = await GetAsync(dinkes, "/intervensi/daftar-kerja?programme=SEMBAKO&region=64.74");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Daftar Kerja Instansi · PBI-JK", html, StringComparison.Ordinal);
        Assert.Contains($"/keluarga/{BudiKk}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/keluarga/{AgusKk}", html, StringComparison.Ordinal);
        Assert.Contains("Belum punya jaminan kesehatan", html, StringComparison.Ordinal);

        var sheet = await SheetTextAsync(await dinkes.Client.GetAsync("/intervensi/daftar-kerja?programme=PBI-JK&region=64.74&format=xlsx"));
        Assert.Contains(BudiKk, sheet, StringComparison.Ordinal);
        Assert.DoesNotContain(AgusKk, sheet, StringComparison.Ordinal);

        // Once PBI-JK reached the family, the need is met and it leaves the list.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var head = await db.People.SingleAsync(p => p.Nik == Nik.From("6474011708850002"));
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<DeliveryService>().RecordAsync(
                new DeliveryRecorder("dinkes.bontang", new RegionScope(RegionCode.From("64.74")), "PBI-JK"), head.HouseholdId, head.Id, "PBI-JK",
                new DeliveryReport { Date = Today, Amount = 42_000 }, null, audit));
        }

        var (_, after) = await GetAsync(dinkes, "/intervensi/daftar-kerja?region=64.74");
        Assert.DoesNotContain($"/keluarga/{BudiKk}", after, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task BudgetSummary_SumsAmountsByProgrammeAndAgency_WithinRegionAndPeriod(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await DeliverAsync(app, BudiKk, "SEMBAKO", Today.AddDays(-10), 200_000);
        await DeliverAsync(app, AgusKk, "SEMBAKO", Today.AddDays(-10), 200_000);
        await DeliverAsync(app, BudiKk, "PKH", Today.AddDays(-3), 750_000);
        await DeliverAsync(app, BudiKk, "PKH", Today.AddDays(-90), 750_000);
        await DeliverAsync(app, RahmatKk, "PKH", Today.AddDays(-3), 750_000);
        var verifier = await LoginAsync(app, "dinsos.bontang");

        var (status, html) = await GetAsync(verifier, $"/intervensi/anggaran?region=64.74&from={Day(Today.AddDays(-30))}&to={Day(Today)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Rp1.150.000", Regex.Match(html, "id=\"total-amount\">([^<]*)<").Groups[1].Value);
        var sembako = Regex.Match(html, "<th scope=\"row\">SEMBAKO · Bantuan Sembako \\(BPNT\\)</th>\\s*<td class=\"num\">([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td>");
        Assert.Equal(("Rp400.000", "2", "2"), (sembako.Groups[1].Value, sembako.Groups[2].Value, sembako.Groups[3].Value));
        var agency = Regex.Match(html, "<th scope=\"row\">Dinas Sosial \\(Kementerian Sosial\\)</th>\\s*<td class=\"num\">([^<]*)</td>\\s*<td class=\"num\">([^<]*)</td>");
        Assert.Equal(("Rp1.150.000", "3"), (agency.Groups[1].Value, agency.Groups[2].Value));

        // The province reads the same aggregate, and the export carries the sums as numbers.
        var province = await LoginAsync(app, "bappeda.kaltim");
        var sheet = await SheetTextAsync(await province.Client.GetAsync($"/intervensi/anggaran?region=64.74&from={Day(Today.AddDays(-30))}&to={Day(Today)}&format=xlsx"));
        Assert.Matches(">1150000</(x:)?v>", sheet);
        Assert.Matches(">400000</(x:)?v>", sheet);
    }

    [Theory, DatabaseData]
    public async Task GraduationReadiness_CreateTaskButton_CreatesExactlyOneGraduationTask(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Budi's family is verified by an approved visit, then a later survey puts its spending above the line.
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var verval = scope.ServiceProvider.GetRequiredService<VervalService>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var household = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(BudiKk));
            await audit.BeginAsync();
            var task = await verval.CreateTaskAsync(household, VisitPurpose.Verification, Today.AddDays(7), "sistem:test", audit);
            var visit = verval.SubmitVisit(task, household, new VisitReport
            {
                VisitedOn = Today,
                Found = true,
                MetPerson = "Budi Santoso",
                SpendingPerCapita = 250_000,
                Indicators = PovertyIndicators.EarthOrPlasterFloor | PovertyIndicators.NoOwnToilet,
                Recommendation = HouseholdStatus.Verified,
            }, [new EvidenceFile(EvidenceKind.Photo, "rumah.jpg", "image/jpeg", 2048, new string('a', 64), null)], "op.bontangkuala", audit);
            await verval.ApproveAsync(visit, household, "dinsos.bontang", null, audit);
            await audit.CommitAsync();
        }

        await using (var db = app.CreateDbContext())
        {
            var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From(BudiKk));
            Assert.Equal(HouseholdStatus.Verified, household.Status);
            household.SetSpendingPerCapita(650_000);
            await db.SaveChangesAsync();
        }

        await DeliverAsync(app, BudiKk, "PKH", Today.AddDays(-20), 750_000);
        var verifier = await LoginAsync(app, "dinsos.bontang");

        var (status, html) = await GetAsync(verifier, "/intervensi/siap-graduasi?region=64.74");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/keluarga/{BudiKk}", html, StringComparison.Ordinal);
        Assert.Contains("Rp650.000", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/keluarga/{AgusKk}", html, StringComparison.Ordinal);
        var householdId = Regex.Match(html, "name=\"household\" value=\"([0-9]+)\"").Groups[1].Value;

        var token = await verifier.AntiforgeryTokenAsync("/intervensi/siap-graduasi?region=64.74");
        for (var click = 0; click < 2; click++)
        {
            var created = await verifier.Client.PostAsync("/intervensi/siap-graduasi?handler=CreateTask&region=64.74", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["household"] = householdId,
            }));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var (_, after) = await GetAsync(verifier, "/intervensi/siap-graduasi?region=64.74&pesan=tugas-dibuat");
        Assert.Contains("Tugas kunjungan graduasi dibuat.", after, StringComparison.Ordinal);
        Assert.Contains("Penilaian graduasi: Belum dikunjungi", after, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"household\"", after, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.Tasks.CountAsync(t => t.Purpose == VisitPurpose.Graduation));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "task.create" && e.Actor == "dinsos.bontang"));
        }

        var sheet = await SheetTextAsync(await verifier.Client.GetAsync("/intervensi/siap-graduasi?region=64.74&format=xlsx"));
        Assert.Contains(BudiKk, sheet, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Province_GetsNotFoundOnHouseholdLevelScreens_ButReadsTheBudget(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var province = await LoginAsync(app, "bappeda.kaltim");

        foreach (var path in new[]
        {
            "/intervensi/konvergensi?region=64.74.01", "/intervensi/daftar-kerja?programme=PKH&region=64.74", "/intervensi/siap-graduasi?region=64.74",
            "/intervensi/tindak-lanjut", "/intervensi/impor", $"/keluarga/{BudiKk}/penyaluran", "/intervensi/konvergensi?region=64.74.01&format=xlsx",
        })
        {
            Assert.True((await GetAsync(province, path)).Status == HttpStatusCode.NotFound, path);
        }

        var (status, budget) = await GetAsync(province, "/intervensi/anggaran?region=64.74");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Ringkasan Anggaran Intervensi", budget, StringComparison.Ordinal);
        var (_, index) = await GetAsync(province, "/intervensi");
        Assert.DoesNotContain("/intervensi/konvergensi", index, StringComparison.Ordinal);
    }

    private static string Formats(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
}
