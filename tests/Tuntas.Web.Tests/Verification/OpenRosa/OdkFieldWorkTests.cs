using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Verification.Odk;
using static Tuntas.Web.Tests.Verification.OpenRosa.OpenRosaServerTests;

namespace Tuntas.Web.Tests.Verification.OpenRosa;

/// <summary>
/// Field work through Collect: the form records when it was opened and finished, so a visit filled in
/// too fast is marked like one from the web form; parts of a submission that never finishes are
/// deleted with the other uploads; a body over the upload limit is refused in OpenRosa words.
/// </summary>
public class OdkFieldWorkTests
{
    private static readonly XNamespace XformsNs = "http://www.w3.org/2002/xforms";
    private static readonly XNamespace JrNs = "http://openrosa.org/javarosa";
    private static readonly XNamespace ResponseNs = "http://openrosa.org/http/response";

    private const string Budi = "6474010101200001";
    private const string Agus = "6474010101200002";

    /// <summary>An instance with Collect's start and end (as the phone writes them, in WITA).</summary>
    private static string Timed(string instanceId, string noKk, string? start, string? end) =>
        Instance(instanceId, noKk).Replace("version=\"x\">", $"version=\"x\">{(start is null ? "<start/>" : $"<start>{start}</start>")}{(end is null ? "<end/>" : $"<end>{end}</end>")}", StringComparison.Ordinal);

    private static string Wita(DateTime utc) => new DateTimeOffset(utc.AddHours(8).Ticks, TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    [Theory, DatabaseData]
    public async Task TheForm_RecordsItsOpening_AndAVisitFinishedIn30Seconds_IsMarkedFilledTooFast(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider);
        var form = XDocument.Parse(await app.CreateClient().GetStringAsync($"/odk/{await OdkTokenAsync(app, "op.bontangkuala")}/form.xml"));
        var start = form.Descendants(XformsNs + "bind").Single(b => (string?)b.Attribute("nodeset") == "/data/start");
        Assert.Equal("timestamp", (string?)start.Attribute(JrNs + "preload"));
        Assert.Equal("start", (string?)start.Attribute(JrNs + "preloadParams"));
        Assert.Equal("dateTime", (string?)start.Attribute("type"));
        Assert.NotNull(form.Descendants(XformsNs + "data").Single().Element(XformsNs + "start"));

        // Opened three hours ago, finished 30 seconds later, sent now: the form was open 30 seconds.
        var opened = DateTime.UtcNow.AddHours(-3);
        var (fast, fastMessage, _) = await PostAsync(app.CreateClient(), await OdkTokenAsync(app, "op.bontangkuala"),
            Submission(Timed("uuid:fast-0001", Budi, Wita(opened), Wita(opened.AddSeconds(30))), []));
        Assert.True(fast == HttpStatusCode.Created, fastMessage);

        // An unreadable start is unknown: no fill time, no mark.
        var (odd, oddMessage, _) = await PostAsync(app.CreateClient(), await OdkTokenAsync(app, "op.guntung"),
            Submission(Timed("uuid:odd-0001", Agus, "kemarin sore", Wita(opened)), []));
        Assert.True(odd == HttpStatusCode.Created, oddMessage);

        await using var scope = app.Services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<VisitMarkSettings>();
        await using var db = app.CreateDbContext();
        var visits = await db.Visits.ToDictionaryAsync(v => v.SubmissionId!);
        var fastVisit = visits["uuid:fast-0001"];
        var fill = VisitMarks.FillTime(fastVisit.FormOpenedAt, fastVisit.SubmittedAt);
        Assert.NotNull(fill);
        Assert.InRange(fill.Value.TotalSeconds, 29, 40);
        Assert.True(VisitMarks.FilledTooFast(fill, settings));
        Assert.Null(visits["uuid:odd-0001"].FormOpenedAt);
    }

    [Theory]
    [InlineData("2026-12-07T10:00:00.000+08:00", null, "2026-12-07T02:00:00Z")]
    [InlineData("2026-12-07T10:00:00.000+08:00", "2026-12-07T10:20:00.000+08:00", "2026-12-07T11:40:00Z")]
    [InlineData("2026-12-07T10:00:00Z", "2026-12-07T09:00:00Z", "2026-12-07T10:00:00Z")]
    [InlineData("2026-12-07T10:00:00", null, null)]
    [InlineData("bukan tanggal", "2026-12-07T10:20:00.000+08:00", null)]
    [InlineData(null, "2026-12-07T10:20:00.000+08:00", null)]
    public void StartAndEnd_GiveTheOpening_MeasuredAgainstThePost(string? start, string? end, string? expected)
    {
        var (instance, refusal) = VisitInstance.Parse(System.Text.Encoding.UTF8.GetBytes(Timed("uuid:t", Budi, start, end)));
        Assert.Null(refusal);

        // Received at 12:00 UTC: with both, the opening is placed as long before it as the form was open.
        var report = instance!.ReportReceivedAt(new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(expected is null ? null : DateTime.Parse(expected, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), report.FormOpenedAt);
        Assert.True(report.FormOpenedAt is null || report.FormOpenedAt.Value.Kind == DateTimeKind.Utc);
    }

    [Theory, DatabaseData]
    public async Task PartsOfASubmissionThatNeverFinishes_AreDeletedAfterTheRetentionPeriod_FreshOnesAreKept(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider, ("Tuntas:Uploads:RetentionHours", "24"));
        var client = app.CreateClient();
        var budi = await OdkTokenAsync(app, "op.bontangkuala");
        var agus = await OdkTokenAsync(app, "op.guntung");
        var abandoned = Instance("uuid:abandoned-0001", Budi, photos: ["a.jpg", "b.jpg"]);
        var (first, firstMessage, _) = await PostAsync(client, budi, Submission(abandoned, [("a.jpg", PhotoA)], incomplete: true));
        Assert.True(first == HttpStatusCode.Created, firstMessage);
        var parts = Path.Combine(app.UploadsFolder, "odk-parts");
        var old = Assert.Single(Directory.GetFiles(parts, "*", SearchOption.AllDirectories));
        var (fresh, freshMessage, _) = await PostAsync(client, agus, Submission(Instance("uuid:fresh-0001", Agus, photos: ["a.jpg", "b.jpg"]), [("a.jpg", PhotoA)], incomplete: true));
        Assert.True(fresh == HttpStatusCode.Created, freshMessage);

        var kept = Assert.Single(Directory.GetFiles(parts, "*", SearchOption.AllDirectories), f => f != old);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-25));

        // One round of the upload cleanup (it runs when the server starts, then every hour).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(1, scope.ServiceProvider.GetRequiredService<Tuntas.Web.Import.UploadStore>().DeleteExpired());
        }

        Assert.False(File.Exists(old));
        Assert.False(Directory.Exists(Path.GetDirectoryName(old)));
        var left = Assert.Single(Directory.GetFiles(parts, "*", SearchOption.AllDirectories));
        Assert.Equal(kept, left);

        // The last post of the other submission still finds its first photo.
        var (last, lastMessage, _) = await PostAsync(client, agus, Submission(Instance("uuid:fresh-0001", Agus, photos: ["a.jpg", "b.jpg"]), [("b.jpg", PhotoB)]));
        Assert.True(last == HttpStatusCode.Created, lastMessage);
        Assert.Empty(Directory.GetFiles(parts, "*", SearchOption.AllDirectories));
    }

    [Theory, DatabaseData]
    public async Task ASubmissionOverTheUploadLimit_IsAnswered413_InOpenRosaWords_AndCollectIsToldToSendLess(TestProvider provider)
    {
        await using var app = await AppWithTasksAsync(provider, ("Tuntas:Uploads:MaxMegabytes", "1"));
        var token = await OdkTokenAsync(app, "op.bontangkuala");
        var client = app.CreateClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/odk/{token}/submission"));
        var accepted = long.Parse(head.Headers.GetValues("X-OpenRosa-Accept-Content-Length").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(accepted, 1, 1024 * 1024 - 1);

        var photo = new byte[2 * 1024 * 1024];
        PhotoA.CopyTo(photo, 0);
        var response = await client.PostAsync($"/odk/{token}/submission", Submission(Instance("uuid:big-0001", Budi, photos: ["a.jpg"]), [("a.jpg", photo)]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        AssertOpenRosa(response);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(ResponseNs + "OpenRosaResponse", root.Name);
        var message = root.Element(ResponseNs + "message")!;
        Assert.Equal("error", (string?)message.Attribute("nature"));
        Assert.Equal("Kiriman terlalu besar: batasnya 1 MB. Kirim foto yang lebih sedikit atau lebih kecil (di Collect: Pengaturan, Ukuran gambar), lalu kirim lagi.", message.Value);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Visits.CountAsync());
    }
}
