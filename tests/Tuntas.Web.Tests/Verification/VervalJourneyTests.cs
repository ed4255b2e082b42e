using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Verification;

/// <summary>A verification round walked through the real pages: task, visit with a photo, review, status, timeline.</summary>
public partial class VervalJourneyTests
{
    /// <summary>The first bytes of a JPEG file, then anything: what the server checks is the content.</summary>
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, .. "a photo of the house"u8.ToArray()];

    private static DateOnly Today => Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Bontang Kuala's family 6474010101200001 becomes a candidate (spending below the line) and is listed today.</summary>
    private static async Task<TuntasWebFactory> AppWithListedFamilyAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Tuntas.Data.TuntasDbContext>();
        var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        household.SetSpendingPerCapita(210_000);
        await db.SaveChangesAsync();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var summary = await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
            .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), Today, StatusChanges.SystemClassification, audit));
        Assert.Equal(1, summary.Listed);
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("dinsos.bontang2", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        await app.CreateUserAndTokenAsync("op.guntung", Role.Operator, "64.74.01.1002");
        return app;
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    private static async Task<HttpResponseMessage> PostAsync(PageSession session, string page, string path, IEnumerable<(string Name, string Value)> fields, byte[]? photo = null, string fileField = "photos") =>
        await PostWithTokenAsync(session, await session.AntiforgeryTokenAsync(page), path, fields, photo, fileField);

    private static async Task<HttpResponseMessage> PostWithTokenAsync(PageSession session, string token, string path, IEnumerable<(string Name, string Value)> fields, byte[]? photo = null, string fileField = "photos")
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, fileField, "rumah.jpg");
        }

        return await session.Client.PostAsync(path, content);
    }

    /// <summary>A yes or no for each of the eight indicators and for no shelter: what the form refuses to send without.</summary>
    private static IEnumerable<(string Name, string Value)> Answers(params string[] yes) =>
        Tuntas.Domain.Verification.PovertyIndicatorNames.All.Select(i => ($"Input.Answers[{i}]", yes.Contains(i.ToString()) ? "true" : "false"))
            .Append(("Input.NoShelter", "false"));

    private static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    /// <summary>The operator's visit for the round's task, recommending verification, with one photo.</summary>
    private static async Task<(long TaskId, HttpResponseMessage Response)> SubmitVisitAsync(PageSession op)
    {
        var (_, tasks) = await op.GetAsync("/tugas");
        var taskId = long.Parse(Regex.Match(tasks, "href=\"/tugas/([0-9]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");
        var response = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}",
        [
            ("Input.Version", Hidden(form, "Input.Version")),
            ("Input.Opened", Hidden(form, "Input.Opened")),
            ("Input.VisitedOn", Day(Today)),
            ("Input.Found", "true"),
            ("Input.MetPerson", "Budi Santoso (Kepala Keluarga)"),
            .. Answers("HeadNotWorking", "FoodInsecure", "EarthOrPlasterFloor", "NonPermanentWalls", "NoOwnToilet", "ElectricityUnder450VaOrNone"),
            ("Input.SpendingPerCapita", "205000"),
            ("Input.MembersPresent", "1"),
            ("Input.Latitude", "0.1345"), ("Input.Longitude", "117.4951"), ("Input.Accuracy", "12"),
            ("Input.Recommendation", "Verified"),
            ("Input.Notes", "Rumah papan, lantai tanah, belum ada jamban."),
        ], Photo);
        return (taskId, response);
    }

    [Theory, DatabaseData]
    public async Task Round_TaskVisitReviewStatusTimeline_WalksThroughThePages(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");

        // The verifier opens a round: the listed family gets a task, assigned to its village's operator.
        var created = await PostAsync(verifier, "/verval", "/verval",
        [
            ("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6"),
        ]);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, Regex.Match(await created.Content.ReadAsStringAsync(), "alert error[^<]*>([^<]*)").Groups[1].Value);
        var (_, round) = await verifier.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Verval Uji", round, StringComparison.Ordinal);
        Assert.Contains("op.bontangkuala", round, StringComparison.Ordinal);

        // The operator finds it among the tasks and sends the visit with a photo.
        var (taskId, sent) = await SubmitVisitAsync(op);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, Regex.Match(await sent.Content.ReadAsStringAsync(), "alert error[^<]*>([^<]*)").Groups[1].Value);
        Assert.Equal("/keluarga/6474010101200001?pesan=kunjungan-terkirim", sent.Headers.Location!.OriginalString);
        var (_, waiting) = await op.GetAsync("/tugas");
        Assert.Contains("Menunggu pemeriksaan", waiting, StringComparison.Ordinal);

        // The verifier reviews it from the queue, sees the photo, and approves.
        var (_, queue) = await verifier.GetAsync("/pemeriksaan");
        var visitId = Regex.Match(queue, "href=\"/pemeriksaan/([0-9]+)\"").Groups[1].Value;
        var (_, review) = await verifier.GetAsync($"/pemeriksaan/{visitId}");
        Assert.Contains("Rumah papan, lantai tanah", review, StringComparison.Ordinal);
        var photoUrl = Regex.Match(review, "src=\"(/bukti/[0-9]+)\"").Groups[1].Value;
        Assert.Equal(Photo, await verifier.Client.GetByteArrayAsync(photoUrl));
        Assert.Equal(HttpStatusCode.NotFound, (await (await LoginAsync(app, "op.guntung")).Client.GetAsync(photoUrl)).StatusCode);
        var approved = await PostAsync(verifier, $"/pemeriksaan/{visitId}", $"/pemeriksaan/{visitId}?handler=Approve", [("version", Hidden(review, "version")), ("note", "Sesuai.")]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        // The household is verified from the visit's date, and its page shows why and the timeline.
        var (_, page) = await verifier.GetAsync("/keluarga/6474010101200001");
        Assert.Contains("status-verified big", page, StringComparison.Ordinal);
        Assert.Contains("6 dari 8 indikator terpenuhi (ambang 6): memenuhi.", page, StringComparison.Ordinal);
        foreach (var step in new[] { "Tugas kunjungan dibuat", "Kunjungan lapangan dikirim", "Kunjungan disetujui Dinas Sosial", "Perubahan status" })
        {
            Assert.Contains(step, page, StringComparison.Ordinal);
        }

        await using (var db = app.CreateDbContext())
        {
            var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
            var events = await db.StatusEvents.Where(e => e.HouseholdId == household.Id).OrderBy(e => e.Id).ToListAsync();
            Assert.Equal([HouseholdStatus.Listed, HouseholdStatus.Verified], events.Select(e => e.To));
            Assert.Equal(Today, events[1].EffectiveDate);
            Assert.Equal("dinsos.bontang", events[1].Actor);
            Assert.NotNull(events[1].VisitId);
            Assert.Equal(Tuntas.Domain.Verification.VisitTaskState.Approved, (await db.Tasks.SingleAsync(t => t.Id == taskId)).State);
            Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
        }

        // The headline figure counts it as verified today.
        var api = await app.ClientForAsync(Role.Verifier, "64.74");
        var stats = await api.GetFromJsonAsync<JsonElement>($"/api/v1/stats?region=64.74&at={Day(Today)}");
        Assert.Equal(1, stats.GetProperty("extremePoor").GetProperty("verified").GetInt32());
        var before = await api.GetFromJsonAsync<JsonElement>($"/api/v1/stats?region=64.74&at={Day(Today.AddDays(-1))}");
        Assert.Equal(0, before.GetProperty("extremePoor").GetProperty("households").GetInt32());
    }

    [Theory, DatabaseData]
    public async Task TwoVerifiersApproveTheSameVisit_OneWinsAndTheOtherIsToldOfTheConflict(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var first = await LoginAsync(app, "dinsos.bontang");
        var second = await LoginAsync(app, "dinsos.bontang2");
        var op = await LoginAsync(app, "op.bontangkuala");
        await PostAsync(first, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        await SubmitVisitAsync(op);
        var (_, queue) = await first.GetAsync("/pemeriksaan");
        var visit = "/pemeriksaan/" + Regex.Match(queue, "href=\"/pemeriksaan/([0-9]+)\"").Groups[1].Value;

        // Both have the review page open at the same version.
        var (_, seenByFirst) = await first.GetAsync(visit);
        var (_, seenBySecond) = await second.GetAsync(visit);
        var firstToken = await first.AntiforgeryTokenAsync(visit);
        var secondToken = await second.AntiforgeryTokenAsync(visit);
        var winner = await PostWithTokenAsync(first, firstToken, visit + "?handler=Approve", [("version", Hidden(seenByFirst, "version"))]);
        var loser = await PostWithTokenAsync(second, secondToken, visit + "?handler=Return", [("version", Hidden(seenBySecond, "version")), ("note", "Foto kurang jelas")]);

        Assert.Equal(HttpStatusCode.Redirect, winner.StatusCode);
        Assert.Equal(HttpStatusCode.OK, loser.StatusCode);
        Assert.Contains("baru saja diperiksa oleh verifikator lain", await loser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var stored = await db.Visits.SingleAsync();
        Assert.Equal(Tuntas.Domain.Verification.ReviewState.Approved, stored.Review);
        Assert.Equal("dinsos.bontang", stored.ReviewedBy);
        Assert.Equal(1, await db.StatusEvents.CountAsync(e => e.To == HouseholdStatus.Verified));
        Assert.True((await AuditVerifier.VerifyAsync(db)).Intact);
    }

    [Fact]
    public async Task VisitRecommendingAnExitWithoutEvidence_IsRefusedAndNothingIsSaved()
    {
        await using var app = await AppWithListedFamilyAsync(TestProvider.Sqlite);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");
        await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        var (_, tasks) = await op.GetAsync("/tugas");
        var taskId = Regex.Match(tasks, "href=\"/tugas/([0-9]+)\"").Groups[1].Value;
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");

        var response = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}",
            [("Input.Version", Hidden(form, "Input.Version")), ("Input.VisitedOn", Day(Today)), ("Input.Found", "true"), ("Input.MembersPresent", "1"), .. Answers(), ("Input.Recommendation", "Excluded")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("memerlukan foto atau dokumen sebagai bukti", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.Visits.CountAsync());
    }

    [Fact]
    public async Task ReviewPages_AreNotFoundForOperatorsAndOutsideTheVerifiersRegion()
    {
        await using var app = await AppWithListedFamilyAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("dinsos.kutim", Role.Verifier, "64.08");
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");
        var other = await LoginAsync(app, "dinsos.kutim");
        var created = await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        var (taskId, _) = await SubmitVisitAsync(op);
        await using var db = app.CreateDbContext();
        var visitId = await db.Visits.Select(v => v.Id).SingleAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/pemeriksaan")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync($"/pemeriksaan/{visitId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/pemeriksaan/{visitId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/tugas/{taskId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(created.Headers.Location!.OriginalString)).Status);
        Assert.Equal(HttpStatusCode.OK, (await verifier.GetAsync($"/pemeriksaan/{visitId}")).Status);
    }

    [Fact]
    public async Task VillageMeeting_RecordedWithoutMinutes_GetsThemLater_AndIsApprovedInOneBatch()
    {
        await using var app = await AppWithListedFamilyAsync(TestProvider.Sqlite);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");
        var created = await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        var round = created.Headers.Location!.OriginalString;
        long householdId;
        await using (var db = app.CreateDbContext())
        {
            householdId = await db.Households.Where(h => h.NoKk == NomorKk.From("6474010101200001")).Select(h => h.Id).SingleAsync();
        }

        // The operator records the meeting of Bontang Kuala: the listed family stays on the list.
        var form = $"{round}?desa=64.74.01.1001";
        var (_, meetingForm) = await op.GetAsync(form);
        Assert.Contains("6474010101200001", meetingForm, StringComparison.Ordinal);
        var recorded = await PostAsync(op, form, $"{round}?handler=Meeting&desa=64.74.01.1001",
            [("input.HeldOn", Day(Today)), ("input.Attendance", "18"), ("input.Attendees", "Lurah, LPM, ketua RT"), ($"input.Decisions[{householdId}]", "Confirm")]);
        Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, Regex.Match(await recorded.Content.ReadAsStringAsync(), "alert error[^<]*>([^<]*)").Groups[1].Value);

        // Without the signed minutes Dinas Sosial cannot approve yet; the operator attaches them.
        var (_, page) = await op.GetAsync(round);
        Assert.Contains("Lampirkan berita acara", page, StringComparison.Ordinal);
        var minutes = await PostAsync(op, round, $"{round}?handler=Minutes&meeting=" + Regex.Match(page, "meeting=([0-9]+)").Groups[1].Value,
            [("version", Regex.Match(page, "name=\"version\" value=\"([0-9]+)\"").Groups[1].Value)], Photo, "minutes");
        Assert.Equal(HttpStatusCode.Redirect, minutes.StatusCode);

        var (_, toApprove) = await verifier.GetAsync(round);
        Assert.Contains("Setujui 1 keputusan sekaligus", toApprove, StringComparison.Ordinal);
        int version;
        long meetingId;
        await using (var db = app.CreateDbContext())
        {
            (meetingId, version) = await db.Meetings.Select(m => new ValueTuple<long, int>(m.Id, m.Version)).SingleAsync();
        }

        Assert.Contains($"meeting={meetingId}", toApprove, StringComparison.Ordinal);
        Assert.Contains("handler=ApproveMeeting", toApprove, StringComparison.Ordinal);
        var approved = await PostAsync(verifier, round, $"{round}?handler=ApproveMeeting&meeting={meetingId}", [("version", version.ToString(CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        await using var check = app.CreateDbContext();
        var meeting = await check.Meetings.SingleAsync();
        Assert.Equal("dinsos.bontang", meeting.ApprovedBy);
        Assert.NotNull(meeting.MinutesStorageKey);
        Assert.True((await AuditVerifier.VerifyAsync(check)).Intact);
        Assert.Contains("meeting.minutes", await check.AuditEntries.Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task VisitAndRoundForms_WithValuesThatAreNotDates_SayWhyAndSaveNothing()
    {
        await using var app = await AppWithListedFamilyAsync(TestProvider.Sqlite);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");

        var badRound = await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", "kemarin"), ("Input.End", Day(Today)), ("Input.ReverifyMonths", "6")]);
        Assert.Equal(HttpStatusCode.OK, badRound.StatusCode);
        Assert.Contains("Ada isian yang tidak valid", await badRound.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        var (_, tasks) = await op.GetAsync("/tugas");
        var taskId = Regex.Match(tasks, "href=\"/tugas/([0-9]+)\"").Groups[1].Value;
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");
        var badVisit = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}",
            [("Input.Version", Hidden(form, "Input.Version")), ("Input.VisitedOn", "31/02/2026"), ("Input.Found", "true"), ("Input.SpendingPerCapita", "dua ratus ribu")]);

        Assert.Equal(HttpStatusCode.OK, badVisit.StatusCode);
        Assert.Contains("Ada isian yang tidak valid", await badVisit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Rounds.CountAsync());
        Assert.Equal(0, await db.Visits.CountAsync());
        Assert.Equal(Tuntas.Domain.Verification.VisitTaskState.Open, (await db.Tasks.SingleAsync()).State);
    }
}
