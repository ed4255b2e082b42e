using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Interventions;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Verification;

/// <summary>Honest visit forms (blank, with the earlier answers beside them) and the marks a reviewer sees.</summary>
public partial class VervalJourneyTests
{
    private static readonly string TodayId = Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    private static async Task OpenRoundAsync(PageSession verifier) =>
        await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);

    /// <summary>A new (graduation) visit task for Budi's family, as the graduation screen plans it.</summary>
    private static async Task PlanAnotherVisitAsync(TuntasWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        long id;
        await using (var db = app.CreateDbContext())
        {
            id = await db.Households.Where(h => h.NoKk == NomorKk.From("6474010101200001")).Select(h => h.Id).SingleAsync();
        }

        var planned = await scope.ServiceProvider.GetRequiredService<PlanGraduationVisit>().PlanAsync(new RegionScope(RegionCode.From("64.74")), id, Today.AddDays(7), "dinsos.bontang");
        Assert.Null(planned.Error);
    }

    private static async Task<HttpResponseMessage> ApproveFirstWaitingAsync(PageSession verifier)
    {
        var (_, queue) = await verifier.GetAsync("/pemeriksaan");
        var visit = "/pemeriksaan/" + Regex.Match(queue, "href=\"/pemeriksaan/([0-9]+)\"").Groups[1].Value;
        var (_, review) = await verifier.GetAsync(visit);
        return await PostAsync(verifier, visit, visit + "?handler=Approve", [("version", Hidden(review, "version"))]);
    }

    private static string FormOf(string html) => Regex.Match(html, "<form method=\"post\" enctype=\"multipart/form-data\".*?</form>", RegexOptions.Singleline).Value;

    [Theory, DatabaseData]
    public async Task VisitForm_StartsBlank_ShowsEarlierAnswersBeside_AndRefusesAnUnansweredIndicator(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");
        await OpenRoundAsync(verifier);
        var (_, tasks) = await op.GetAsync("/tugas");
        var taskId = Regex.Match(tasks, "href=\"/tugas/([0-9]+)\"").Groups[1].Value;

        // Nothing observed is filled in; the register's spending is written beside the field.
        var (_, first) = await op.GetAsync($"/tugas/{taskId}");
        var form = FormOf(first);
        Assert.DoesNotContain("checked", form, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Answers[HeadNotWorking]\" value=\"true\"", form, StringComparison.Ordinal);
        Assert.Matches("name=\"Input.MembersPresent\" value=\"\"", form);
        Assert.Matches("name=\"Input.SpendingPerCapita\" value=\"\"", form);
        Assert.Contains("Data register: Rp210.000", form, StringComparison.Ordinal);
        Assert.Matches($"name=\"Input.VisitedOn\" value=\"{Day(Today)}\"", form);

        // One indicator left unanswered: refused, named, nothing stored.
        var partial = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}",
        [
            ("Input.Version", Hidden(first, "Input.Version")), ("Input.VisitedOn", Day(Today)), ("Input.Found", "true"), ("Input.MembersPresent", "1"),
            .. Answers("HeadNotWorking").Where(a => a.Name != "Input.Answers[FoodInsecure]"), ("Input.Recommendation", "Verified"),
        ], Photo);
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        Assert.Contains("Formulir belum dapat dikirim. Jawab dulu: Rawan pangan (makan kurang dari dua kali sehari).", await partial.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(0, await db.Visits.CountAsync());
        }

        // Sent and approved: the next form shows that visit's answers beside each field, still unfilled.
        var (_, sent) = await SubmitVisitAsync(op);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ApproveFirstWaitingAsync(verifier)).StatusCode);
        await PlanAnotherVisitAsync(app);
        var (_, tasksAgain) = await op.GetAsync("/tugas");
        var next = Regex.Match(tasksAgain, "href=\"/tugas/([0-9]+)\"").Groups[1].Value;
        var (_, second) = await op.GetAsync($"/tugas/{next}");
        var again = FormOf(second);
        Assert.DoesNotContain("checked", again, StringComparison.Ordinal);
        Assert.Contains($"Kunjungan sebelumnya ({TodayId}): ya", again, StringComparison.Ordinal);
        Assert.Contains($"Kunjungan sebelumnya ({TodayId}): Rp205.000", again, StringComparison.Ordinal);
        Assert.Contains($"Kunjungan sebelumnya ({TodayId}): Budi Santoso (Kepala Keluarga)", again, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"Budi Santoso", again, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Review_MarksARepeatedFastVisit_SaysTooFewForDistance_AndTheAnomalyFlagsCountThem(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");
        await OpenRoundAsync(verifier);
        await SubmitVisitAsync(op);
        var approved = await ApproveFirstWaitingAsync(verifier);

        // The only waiting visit decided: to the queue, saying what happened to which household.
        Assert.Equal("/pemeriksaan?pesan=disetujui&kk=6474010101200001", approved.Headers.Location!.OriginalString);
        var (_, queueAfter) = await verifier.GetAsync(approved.Headers.Location!.OriginalString);
        Assert.Contains("Kunjungan keluarga No. KK 6474010101200001 disetujui", queueAfter, StringComparison.Ordinal);

        // The same answers again, sent at once.
        await PlanAnotherVisitAsync(app);
        await SubmitVisitAsync(op);
        var (_, queue) = await verifier.GetAsync("/pemeriksaan");
        Assert.Contains("Sama dengan kunjungan sebelumnya, Diisi terlalu cepat", queue, StringComparison.Ordinal);
        var visit = "/pemeriksaan/" + Regex.Match(queue, "href=\"/pemeriksaan/([0-9]+)\"").Groups[1].Value;
        var (_, review) = await verifier.GetAsync(visit);
        Assert.Contains("data-mark=\"same-as-previous\"", review, StringComparison.Ordinal);
        Assert.Contains("data-mark=\"filled-too-fast\"", review, StringComparison.Ordinal);
        Assert.DoesNotContain("data-mark=\"far-from-village\"", review, StringComparison.Ordinal);
        Assert.Contains("Baru 1 kunjungan lain dengan posisi di desa/kelurahan ini (perlu paling sedikit 3)", review, StringComparison.Ordinal);
        Assert.Contains("0.13450, 117.49510", review, StringComparison.Ordinal);
        Assert.DoesNotContain("0,13450", review, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"col\">Kunjungan sebelumnya ({TodayId})</th>", review, StringComparison.Ordinal);
        Assert.Contains("<td>Tidak berubah</td>", review, StringComparison.Ordinal);
        Assert.Contains("src=\"/lib/leaflet/leaflet.js", review, StringComparison.Ordinal);
        Assert.Contains("data-tiles=\"https://tile.openstreetmap.org/{z}/{x}/{y}.png\"", review, StringComparison.Ordinal);

        // Returning says something else, and names the household.
        var returned = await PostAsync(verifier, visit, visit + "?handler=Return", [("version", Hidden(review, "version")), ("note", "Datang lagi.")]);
        var (_, afterReturn) = await verifier.GetAsync(returned.Headers.Location!.OriginalString);
        Assert.Contains("Kunjungan keluarga No. KK 6474010101200001 dikembalikan ke petugas", afterReturn, StringComparison.Ordinal);
        Assert.DoesNotContain("disetujui:", afterReturn, StringComparison.Ordinal);

        // The anomaly flags count both marks: two fast visits, one repeat.
        var api = await app.ClientForAsync(Role.Verifier, "64.74");
        var flags = (await api.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?region=64.74")).GetProperty("flags").EnumerateArray()
            .Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, flags.Count(k => k == "visit-same-as-previous"));
        Assert.Equal(2, flags.Count(k => k == "visit-filled-too-fast"));
        Assert.Equal(0, flags.Count(k => k == "visit-far-from-village"));
        var (_, page) = await verifier.GetAsync("/anomali?region=64.74");
        Assert.Contains("data-kind=\"visit-same-as-previous\">1<", page, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"visit-filled-too-fast\">2<", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Review_MarksAPointFarFromTheVillagesOtherVisits_WithTheDistance_AndOpensTheNextWaitingVisit(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var op = await LoginAsync(app, "op.bontangkuala");
        await OpenRoundAsync(verifier);

        // Three visits close together in Bontang Kuala, then one about 18 km north.
        foreach (var (lat, spending) in new[] { (0.1345, 205_000L), (0.1350, 206_000L), (0.1340, 207_000L) })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var tasks = await scope.ServiceProvider.GetRequiredService<VervalQueries>().TasksAsync(new RegionScope(RegionCode.From("64.74")), null, true, null, 10, CancellationToken.None);
            var task = tasks.First(t => t.State == VisitTaskState.Open);
            var sent = await scope.ServiceProvider.GetRequiredService<SubmitVisit>().SubmitAsync(new RegionScope(RegionCode.From("64.74")), task.Id, task.Version,
                new VisitReport { VisitedOn = Today, Found = true, SpendingPerCapita = spending, MembersPresent = 1, Latitude = lat, Longitude = 117.4951 }, [], "op.bontangkuala");
            Assert.Null(sent.Error);
            await PlanAnotherVisitAsync(app);
        }

        var (_, tasksPage) = await op.GetAsync("/tugas");
        var taskId = Regex.Matches(tasksPage, "href=\"/tugas/([0-9]+)\"").Last().Groups[1].Value;
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");
        var far = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}",
        [
            ("Input.Version", Hidden(form, "Input.Version")), ("Input.VisitedOn", Day(Today)), ("Input.Found", "true"), ("Input.MembersPresent", "2"),
            .. Answers("NoOwnToilet"), ("Input.Latitude", "0.3000"), ("Input.Longitude", "117.4951"), ("Input.Recommendation", "NoChange"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, far.StatusCode);

        await using (var db = app.CreateDbContext())
        {
            var farVisit = await db.Visits.OrderBy(v => v.Id).LastAsync();
            var (_, review) = await verifier.GetAsync($"/pemeriksaan/{farVisit.Id}");
            Assert.Contains("data-mark=\"far-from-village\"", review, StringComparison.Ordinal);
            Assert.Contains("Posisi GPS berjarak 18,4 km dari titik tengah 3 kunjungan lain di desa/kelurahan ini (batas 5 km).", review, StringComparison.Ordinal);
            Assert.Contains("0.30000, 117.49510", review, StringComparison.Ordinal);

            // Deciding on the first waiting visit opens the next one, with what was decided.
            var firstId = (await db.Visits.OrderBy(v => v.Id).FirstAsync()).Id;
            var (_, firstReview) = await verifier.GetAsync($"/pemeriksaan/{firstId}");
            var decided = await PostAsync(verifier, $"/pemeriksaan/{firstId}", $"/pemeriksaan/{firstId}?handler=Approve", [("version", Hidden(firstReview, "version"))]);
            Assert.Matches("^/pemeriksaan/[0-9]+\\?pesan=disetujui&kk=6474010101200001$", decided.Headers.Location!.OriginalString);
            Assert.DoesNotContain($"/pemeriksaan/{firstId}?", decided.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var api = await app.ClientForAsync(Role.Verifier, "64.74");
        var flags = (await api.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?region=64.74")).GetProperty("flags").EnumerateArray()
            .Select(f => f.GetProperty("kind").GetString()).ToList();
        Assert.Equal(1, flags.Count(k => k == "visit-far-from-village"));
    }
}
