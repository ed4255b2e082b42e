using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Verification.OpenRosa;

/// <summary>
/// The OpenRosa server ODK Collect talks to: form list, form, manifest and households CSV,
/// submissions with photos, repeats and conflicts, and every refusal in words without a 5xx.
/// </summary>
public class OpenRosaServerTests
{
    internal static readonly byte[] PhotoA = [0xFF, 0xD8, 0xFF, 0xE0, .. "foto depan rumah"u8.ToArray()];
    internal static readonly byte[] PhotoB = [0xFF, 0xD8, 0xFF, 0xE0, .. "foto dapur"u8.ToArray()];

    private static readonly XNamespace FormListNs = "http://openrosa.org/xforms/xformsList";
    private static readonly XNamespace ManifestNs = "http://openrosa.org/xforms/xformsManifest";
    private static readonly XNamespace ResponseNs = "http://openrosa.org/http/response";
    private static readonly XNamespace XformsNs = "http://www.w3.org/2002/xforms";

    private const string Budi = "6474010101200001";
    private const string Agus = "6474010101200002";

    private static DateOnly Today => Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);

    /// <summary>Three families with an open visit task each; the operator of Bontang Kuala (64.74.01.1001) and of Guntung (…1002).</summary>
    internal static async Task<TuntasWebFactory> AppWithTasksAsync(TestProvider provider, params (string Key, string Value)[] settings)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }

        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        await app.CreateUserAndTokenAsync("op.guntung", Role.Operator, "64.74.01.1002");
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        var verval = scope.ServiceProvider.GetRequiredService<VervalService>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await audit.BeginAsync();
        foreach (var household in await db.Households.Include(h => h.Members).ToListAsync())
        {
            await verval.CreateTaskAsync(household, VisitPurpose.Verification, Today.AddDays(14), "sistem:test", audit);
        }

        await audit.CommitAsync();
        return app;
    }

    internal static async Task<string> OdkTokenAsync(TuntasWebFactory app, string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().CreateAsync(user, TimeSpan.FromDays(1), "test", odk: true);
        Assert.True(created.Succeeded, created.Error?.English);
        return created.Value!;
    }

    /// <summary>A filled visit form as a client sends it: with or without the form's namespace, meta with or without orx:.</summary>
    internal static string Instance(string instanceId, string noKk, string? ns = null, bool orxMeta = false, string notes = "Rumah papan, lantai tanah.", params string[] photos)
    {
        var meta = orxMeta
            ? $"<orx:meta><orx:instanceID>{instanceId}</orx:instanceID></orx:meta>"
            : $"<meta><instanceID>{instanceId}</instanceID></meta>";
        var photoFields = string.Concat(Enumerable.Range(0, 3).Select(i => i < photos.Length ? $"<foto_{i + 1}>{photos[i]}</foto_{i + 1}>" : $"<foto_{i + 1}/>"));
        return $"""
            <?xml version='1.0' ?><data {(ns is null ? "" : $"xmlns=\"{ns}\" ")}xmlns:orx="http://openrosa.org/xforms" id="tuntas_kunjungan" version="x"><keluarga>{noKk}</keluarga><tugas/><tanggal_kunjungan>{Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}</tanggal_kunjungan><ditemukan>ya</ditemukan><yang_ditemui>Budi Santoso (kepala keluarga)</yang_ditemui><tanpa_tempat_tinggal>tidak</tanpa_tempat_tinggal><kepala_tidak_bekerja>ya</kepala_tidak_bekerja><rawan_pangan>ya</rawan_pangan><pangan_lebih_separuh>tidak</pangan_lebih_separuh><tidak_beli_pakaian>tidak</tidak_beli_pakaian><lantai_tanah>ya</lantai_tanah><dinding_tidak_permanen>ya</dinding_tidak_permanen><tanpa_jamban_sendiri>ya</tanpa_jamban_sendiri><listrik_450va_atau_tidak_ada>tidak</listrik_450va_atau_tidak_ada><pengeluaran_per_kapita>205000</pengeluaran_per_kapita><anggota_ada>1</anggota_ada><anggota_pindah>0</anggota_pindah><anggota_meninggal>0</anggota_meninggal><anggota_lahir>0</anggota_lahir><lokasi>0.1345 117.4951 12 8.5</lokasi>{photoFields}<catatan>{notes}</catatan><rekomendasi>Verified</rekomendasi><gabung_ke_no_kk/>{meta}</data>
            """;
    }

    internal static MultipartFormDataContent Submission(string xml, IEnumerable<(string Name, byte[] Bytes)> photos, bool incomplete = false)
    {
        var content = new MultipartFormDataContent();
        var form = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        form.Headers.ContentType = new MediaTypeHeaderValue("text/xml");
        content.Add(form, "xml_submission_file", "submission.xml");
        foreach (var (name, bytes) in photos)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, name, name);
        }

        if (incomplete)
        {
            content.Add(new StringContent("yes"), "*isIncomplete*");
        }

        return content;
    }

    internal static async Task<(HttpStatusCode Status, string Message, HttpResponseMessage Response)> PostAsync(HttpClient client, string token, HttpContent content)
    {
        var response = await client.PostAsync($"/odk/{token}/submission", content);
        var body = await response.Content.ReadAsStringAsync();
        AssertOpenRosa(response);
        Assert.True((int)response.StatusCode < 500, body);
        var root = XDocument.Parse(body).Root!;
        Assert.Equal(ResponseNs + "OpenRosaResponse", root.Name);
        return (response.StatusCode, root.Element(ResponseNs + "message")!.Value, response);
    }

    internal static void AssertOpenRosa(HttpResponseMessage response)
    {
        Assert.Equal("1.0", Assert.Single(response.Headers.GetValues("X-OpenRosa-Version")));
        Assert.NotNull(response.Headers.Date);
    }

    private static string Md5(byte[] bytes) => "md5:" + Convert.ToHexStringLower(MD5.HashData(bytes));

    [Theory, DatabaseData]
    public async Task FormListFormAndManifest_AreOpenRosaXml_WithTheHashesOfTheServedBytes(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider);
        var token = await OdkTokenAsync(app, "op.bontangkuala");
        var client = app.CreateClient();

        var listed = await client.GetAsync($"/odk/{token}/formList");
        AssertOpenRosa(listed);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("text/xml", listed.Content.Headers.ContentType!.MediaType);
        var list = XDocument.Parse(await listed.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(FormListNs + "xforms", list.Name);
        var xform = Assert.Single(list.Elements(FormListNs + "xform"));
        Assert.Equal("tuntas_kunjungan", xform.Element(FormListNs + "formID")!.Value);
        Assert.False(string.IsNullOrEmpty(xform.Element(FormListNs + "name")!.Value));
        Assert.False(string.IsNullOrEmpty(xform.Element(FormListNs + "version")!.Value));
        var downloadUrl = xform.Element(FormListNs + "downloadUrl")!.Value;
        var manifestUrl = xform.Element(FormListNs + "manifestUrl")!.Value;
        Assert.StartsWith($"http://localhost/odk/{token}/", downloadUrl, StringComparison.Ordinal);

        // The hash is that of the bytes the download URL serves.
        var formResponse = await client.GetAsync(downloadUrl);
        AssertOpenRosa(formResponse);
        var formBytes = await formResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(Md5(formBytes), xform.Element(FormListNs + "hash")!.Value);

        // The form: the web form's questions, in Bahasa Indonesia (default) and English, the households from the CSV.
        var form = XDocument.Parse(Encoding.UTF8.GetString(formBytes));
        var translations = form.Descendants(XformsNs + "translation").ToList();
        Assert.Equal(["Bahasa Indonesia (id)", "English (en)"], translations.Select(t => t.Attribute("lang")!.Value));
        Assert.Equal("true()", translations[0].Attribute("default")!.Value);
        var data = form.Descendants(XformsNs + "instance").First().Elements().Single();
        Assert.Equal("tuntas_kunjungan", data.Attribute("id")!.Value);
        Assert.Equal(xform.Element(FormListNs + "version")!.Value, data.Attribute("version")!.Value);
        Assert.NotNull(data.Element(XformsNs + "meta")!.Element(XformsNs + "instanceID"));
        foreach (var indicator in PovertyIndicatorNames.All)
        {
            Assert.NotNull(data.Element(XformsNs + indicator.ToWire()));
            Assert.Contains(translations[0].Elements(), t => t.Value == indicator.ToIndonesian());
            Assert.Contains(translations[1].Elements(), t => t.Value == indicator.ToEnglish());
        }

        Assert.Contains(form.Descendants(XformsNs + "instance"), i => i.Attribute("id")?.Value == "households" && i.Attribute("src")?.Value == "jr://file-csv/households.csv");
        Assert.Contains(form.Descendants(XformsNs + "itemset"), i => i.Attribute("nodeset")!.Value == "instance('households')/root/item");
        var binds = form.Descendants(XformsNs + "bind").ToDictionary(b => b.Attribute("nodeset")!.Value, b => b.Attribute("type")?.Value);
        Assert.Equal("date", binds["/data/tanggal_kunjungan"]);
        Assert.Equal("geopoint", binds["/data/lokasi"]);
        Assert.True(binds.Count(b => b.Value == "binary") >= 2);
        Assert.True(form.Descendants(XformsNs + "upload").Count(u => u.Attribute("mediatype")!.Value == "image/*") >= 2);
        Assert.Contains(form.Descendants(XformsNs + "value"), v => v.Value == "Verified");

        // The manifest: the households CSV of this operator's open tasks, its hash that of the served bytes.
        var manifestResponse = await client.GetAsync(manifestUrl);
        AssertOpenRosa(manifestResponse);
        Assert.Equal("text/xml", manifestResponse.Content.Headers.ContentType!.MediaType);
        var manifest = XDocument.Parse(await manifestResponse.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(ManifestNs + "manifest", manifest.Name);
        var media = Assert.Single(manifest.Elements(ManifestNs + "mediaFile"));
        Assert.Equal("households.csv", media.Element(ManifestNs + "filename")!.Value);
        var csvBytes = await client.GetByteArrayAsync(media.Element(ManifestNs + "downloadUrl")!.Value);
        Assert.Equal(Md5(csvBytes), media.Element(ManifestNs + "hash")!.Value);
        var csv = Encoding.UTF8.GetString(csvBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("name,label,task", csv[0]);
        var row = Assert.Single(csv.Skip(1));
        Assert.StartsWith(Budi + ",", row, StringComparison.Ordinal);
        Assert.Contains("Budi Santoso", row, StringComparison.Ordinal);
        Assert.DoesNotContain(Agus, string.Join("\n", csv), StringComparison.Ordinal);

        // HEAD on the submission URL.
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/odk/{token}/submission"));
        AssertOpenRosa(head);
        Assert.Equal(HttpStatusCode.NoContent, head.StatusCode);
        Assert.True(long.Parse(head.Headers.GetValues("X-OpenRosa-Accept-Content-Length").Single(), CultureInfo.InvariantCulture) > 1_000_000);
    }

    [Theory, DatabaseData]
    public async Task Submission_WithTwoPhotos_IsAPendingVisitInTheQueue_StoredOnce_AndAConflictingRepeatIsRefused(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider);
        var token = await OdkTokenAsync(app, "op.bontangkuala");
        var client = app.CreateClient();
        var xml = Instance("uuid:6f1b5c1e-0001", Budi, photos: ["1733.jpg", "1734.jpg"]);

        var (status, message, _) = await PostAsync(client, token, Submission(xml, [("1733.jpg", PhotoA), ("1734.jpg", PhotoB)]));

        Assert.True(status == HttpStatusCode.Created, message);
        Assert.Equal("Kunjungan diterima dan menunggu pemeriksaan Dinas Sosial.", message);
        await using (var db = app.CreateDbContext())
        {
            var visit = await db.Visits.Include(v => v.Evidence).SingleAsync();
            Assert.Equal(ReviewState.Pending, visit.Review);
            Assert.Equal("op.bontangkuala", visit.Visitor);
            Assert.Equal(Today, visit.VisitedOn);
            Assert.Equal("uuid:6f1b5c1e-0001", visit.SubmissionId);
            Assert.Equal(205_000, visit.SpendingPerCapita);
            Assert.Equal(0.1345, visit.Latitude);
            Assert.Equal(8.5, visit.AccuracyMetres);
            Assert.Equal(HouseholdStatus.Verified, visit.Recommendation);
            Assert.Equal(PovertyIndicators.HeadNotWorking | PovertyIndicators.FoodInsecure | PovertyIndicators.EarthOrPlasterFloor | PovertyIndicators.NonPermanentWalls | PovertyIndicators.NoOwnToilet, visit.Indicators);
            Assert.Equal(
                new[] { Convert.ToHexStringLower(SHA256.HashData(PhotoA)), Convert.ToHexStringLower(SHA256.HashData(PhotoB)) }.Order(),
                visit.Evidence.Select(e => e.Sha256).Order());
            Assert.All(visit.Evidence, e => Assert.NotNull(e.StorageKey));
            Assert.Equal(VisitTaskState.Submitted, (await db.Tasks.SingleAsync(t => t.Id == visit.TaskId)).State);
        }

        // The verifier finds it in the same review queue as a web visit, with both photos.
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var (_, queue) = await verifier.GetAsync("/pemeriksaan");
        Assert.Contains("Budi Santoso", queue, StringComparison.Ordinal);

        // The same XML again: accepted, nothing new. Other XML under the same id: 409.
        var (again, againMessage, _) = await PostAsync(client, token, Submission(xml, [("1733.jpg", PhotoA), ("1734.jpg", PhotoB)]));
        Assert.True(again is HttpStatusCode.Created or HttpStatusCode.Accepted, againMessage);
        var (conflict, conflictMessage, _) = await PostAsync(client, token, Submission(xml.Replace("Rumah papan", "Rumah bata", StringComparison.Ordinal), [("1733.jpg", PhotoA), ("1734.jpg", PhotoB)]));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains("instanceID", conflictMessage, StringComparison.Ordinal);

        // A new submission (another id) for the task already visited: 409 in words.
        var (visited, visitedMessage, _) = await PostAsync(client, token, Submission(Instance("uuid:6f1b5c1e-0002", Budi), []));
        Assert.Equal(HttpStatusCode.Conflict, visited);
        Assert.Contains("sudah dikirim", visitedMessage, StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(1, await db.Visits.CountAsync());
            Assert.Equal(2, await db.Evidence.CountAsync());
        }
    }

    [Theory, DatabaseData]
    public async Task Submission_InSeveralPosts_KeepsThePhotosUntilTheLast(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider);
        var token = await OdkTokenAsync(app, "op.bontangkuala");
        var client = app.CreateClient();
        var xml = Instance("uuid:split-0001", Budi, photos: ["a.jpg", "b.jpg"]);

        var (first, firstMessage, _) = await PostAsync(client, token, Submission(xml, [("a.jpg", PhotoA)], incomplete: true));
        Assert.True(first is HttpStatusCode.Created or HttpStatusCode.Accepted, firstMessage);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Visits.CountAsync());
        }

        var (last, lastMessage, _) = await PostAsync(client, token, Submission(xml, [("b.jpg", PhotoB)]));
        Assert.True(last == HttpStatusCode.Created, lastMessage);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, (await db.Visits.Include(v => v.Evidence).SingleAsync()).Evidence.Count);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(null, true)]
    [InlineData("http://www.w3.org/2002/xforms", false)]
    [InlineData("http://www.w3.org/2002/xforms", true)]
    public async Task Submission_IsReadWithOrWithoutTheFormNamespace_AndOrxMeta(string? ns, bool orxMeta)
    {
        await using var app = await AppWithTasksAsync(TestProvider.Sqlite);
        var token = await OdkTokenAsync(app, "op.bontangkuala");

        var (status, message, _) = await PostAsync(app.CreateClient(), token, Submission(Instance("uuid:ns-variant", Budi, ns, orxMeta, photos: ["a.jpg"]), [("a.jpg", PhotoA)]));

        Assert.True(status == HttpStatusCode.Created, message);
        await using var db = app.CreateDbContext();
        var visit = await db.Visits.Include(v => v.Evidence).SingleAsync();
        Assert.Equal("uuid:ns-variant", visit.SubmissionId);
        Assert.Single(visit.Evidence);
        Assert.Equal(205_000, visit.SpendingPerCapita);
    }

    [Theory, DatabaseData]
    public async Task BadSubmissions_AreRefusedInWords_WithoutA5xx_AndNothingIsStored(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider);
        var token = await OdkTokenAsync(app, "op.bontangkuala");
        var client = app.CreateClient();

        // Another village's household, and a household that does not exist: refused.
        var (other, otherMessage, _) = await PostAsync(client, token, Submission(Instance("uuid:bad-1", Agus), []));
        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Contains(Agus, otherMessage, StringComparison.Ordinal);
        var (unknown, _, _) = await PostAsync(client, token, Submission(Instance("uuid:bad-2", "6474019999999999"), []));
        Assert.Equal(HttpStatusCode.Forbidden, unknown);

        // Malformed XML; a body cut off before its last boundary; no multipart at all; a photo named but not sent.
        var (malformed, _, _) = await PostAsync(client, token, Submission("<data id=\"tuntas_kunjungan\"><keluarga>", []));
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        var whole = await Submission(Instance("uuid:bad-3", Budi, photos: ["a.jpg"]), [("a.jpg", PhotoA)]).ReadAsByteArrayAsync();
        var cut = new ByteArrayContent(whole[..(whole.Length - 40)]);
        cut.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data") { Parameters = { new NameValueHeaderValue("boundary", Boundary(whole)) } };
        var (truncated, truncatedMessage, _) = await PostAsync(client, token, cut);
        Assert.Equal(HttpStatusCode.BadRequest, truncated);
        Assert.Contains("terputus", truncatedMessage, StringComparison.Ordinal);
        var (plain, _, _) = await PostAsync(client, token, new StringContent(Instance("uuid:bad-4", Budi), Encoding.UTF8, "text/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, plain);
        var (missing, missingMessage, _) = await PostAsync(client, token, Submission(Instance("uuid:bad-5", Budi, photos: ["a.jpg"]), []));
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Contains("a.jpg", missingMessage, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Visits.CountAsync());
        Assert.Equal(0, await db.Evidence.CountAsync());
        Assert.All(await db.Tasks.ToListAsync(), t => Assert.Equal(VisitTaskState.Open, t.State));
    }

    private static string Boundary(byte[] multipart)
    {
        var text = Encoding.UTF8.GetString(multipart);
        return text[2..text.IndexOf("\r\n", StringComparison.Ordinal)];
    }

    [Theory, DatabaseData]
    public async Task Tokens_UnknownRevokedApiOrOfADisabledUser_Answer401_AndACookieDoesNotHelp(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider);
        var token = await OdkTokenAsync(app, "op.bontangkuala");
        var guntung = await OdkTokenAsync(app, "op.guntung");
        var apiToken = await app.CreateUserAndTokenAsync("op.lain", Role.Operator, "64.74.01.1001");
        var client = app.CreateClient();

        foreach (var wrong in new[] { "odk_this-token-was-never-issued", apiToken, token + "x" })
        {
            var listed = await client.GetAsync($"/odk/{wrong}/formList");
            AssertOpenRosa(listed);
            Assert.Equal(HttpStatusCode.Unauthorized, listed.StatusCode);
            var (posted, message, _) = await PostAsync(client, wrong, Submission(Instance("uuid:t-1", Budi), []));
            Assert.Equal(HttpStatusCode.Unauthorized, posted);
            Assert.Contains("token", message, StringComparison.OrdinalIgnoreCase);
        }

        // Signed in as an operator by cookie: a wrong path token is still refused.
        var session = await LoginAsync(app, "op.bontangkuala");
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.Client.GetAsync("/odk/odk_wrong/formList")).StatusCode);

        // A disabled account's token stops at once; a revoked one too.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/odk/{token}/formList")).StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DisableUser>().DisableAsync("op.bontangkuala", "test")).Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<RevokeApiTokens>().RevokeAsync(ApiTokens.OdkPrefix, "op.guntung", "test")).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/odk/{token}/formList")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/odk/{guntung}/manifest")).StatusCode);
        var (disabled, _, _) = await PostAsync(client, token, Submission(Instance("uuid:t-2", Budi), []));
        Assert.Equal(HttpStatusCode.Unauthorized, disabled);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Visits.CountAsync());
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }
}
