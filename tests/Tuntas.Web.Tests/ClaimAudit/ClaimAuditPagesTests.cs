using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.ClaimAudit;

/// <summary>
/// A claim audit walked through the pages: Bontang's two families are verified and graduated today
/// (visited by the operator, approved by dinsos.bontang); dinsos.bontang draws a census of the two
/// graduations; only uji.bontang, who took no part, may enter the findings; the result then stands
/// beside the headline on the dashboard and the public page.
/// </summary>
public partial class ClaimAuditPagesTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");

    private static DateOnly Today => Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var verval = scope.ServiceProvider.GetRequiredService<VervalService>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var families = await db.Households.Include(h => h.Members).Where(h => h.RegencyCode == Bontang).ToListAsync();
            Assert.Equal(2, families.Count);
            await audit.BeginAsync();
            foreach (var family in families)
            {
                StatusChanges.Apply(family, new StatusChange(HouseholdStatus.Listed, Today, StatusChanges.SystemClassification, "Memenuhi kriteria.", "classification"), audit, Today, DateTime.UtcNow);
                foreach (var (to, purpose, spending) in new[] { (HouseholdStatus.Verified, VisitPurpose.Verification, 250_000L), (HouseholdStatus.Graduated, VisitPurpose.Graduation, 700_000L) })
                {
                    var task = await verval.CreateTaskAsync(family, purpose, Today.AddDays(7), "sistem:test", audit);
                    var visit = verval.SubmitVisit(task, family, new VisitReport
                    {
                        VisitedOn = Today,
                        Found = true,
                        MetPerson = "Kepala keluarga",
                        SpendingPerCapita = spending,
                        Recommendation = to,
                    }, [new EvidenceFile(EvidenceKind.Photo, "rumah.jpg", "image/jpeg", 2048, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(family.NoKk.Value + to))), null)], "op.bontangkuala", audit);
                    await verval.ApproveAsync(visit, family, "dinsos.bontang", null, audit);
                }
            }

            await audit.CommitAsync();
        }

        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("uji.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("dinsos.kutim", Role.Verifier, "64.08");
        await app.CreateUserAndTokenAsync("bappeda.bontang", Role.Analyst, "64.74");
        return app;
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    /// <summary>Posts a form with the session's antiforgery token (read from the region's audit page, which always has a form).</summary>
    private static async Task<HttpResponseMessage> PostAsync(PageSession session, string page, Dictionary<string, string> form)
    {
        form["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync("/audit-klaim/64.74");
        return await session.Client.PostAsync(page, new FormUrlEncodedContent(form));
    }

    /// <summary>A finding form; a drawn household assigned to a verifier is at version 1.</summary>
    private static Dictionary<string, string> Finding(string noKk, string finding, string note, int version = 1) => new()
    {
        ["noKk"] = noKk,
        ["version"] = version.ToString(CultureInfo.InvariantCulture),
        ["finding"] = finding,
        ["note"] = note,
        ["checkedOn"] = Day(Today),
    };

    [Theory, DatabaseData]
    public async Task AVerifierDrawsACensus_OnlyTheIndependentOneRechecks_AndTheResultStandsBesideTheHeadline(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var head = await LoginAsync(app, "dinsos.bontang");

        // The draw form has no seed: the server draws it.
        var (_, form) = await head.GetAsync("/audit-klaim/64.74");
        Assert.DoesNotContain("Draw.Seed", form, StringComparison.Ordinal);
        Assert.Contains("Benih acak dibuat oleh server", form, StringComparison.Ordinal);

        // A refused draw keeps what was typed and says why.
        var tooMany = await PostAsync(head, "/audit-klaim/64.74", new()
        {
            ["Draw.Status"] = "graduated",
            ["Draw.From"] = Day(Today.AddYears(-1)),
            ["Draw.To"] = Day(Today),
            ["Draw.Size"] = "5",
        });
        var refusedHtml = await tooMany.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("antara 1 dan jumlah populasi (2)", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"5\"", refusedHtml, StringComparison.Ordinal);

        // A seed slipped into the post is not heard.
        var drawn = await PostAsync(head, "/audit-klaim/64.74", new()
        {
            ["Draw.Status"] = "graduated",
            ["Draw.From"] = Day(Today.AddYears(-1)),
            ["Draw.To"] = Day(Today),
            ["Draw.Size"] = "2",
            ["Draw.Seed"] = "sensus-bontang",
        });
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var samplePage = drawn.Headers.Location!.OriginalString;
        Assert.Matches("^/audit-klaim/sampel/[0-9]+$", samplePage);
        await using (var seeds = app.CreateDbContext())
        {
            Assert.Matches("^[0-9a-f]{32}$", (await seeds.ClaimAuditSamples.AsNoTracking().SingleAsync()).Seed);
        }

        // The verifier who approved the graduations gets no form, and a forged post is refused.
        var (_, asHead) = await head.GetAsync(samplePage);
        Assert.DoesNotContain("name=\"finding\"", asHead, StringComparison.Ordinal);
        Assert.Contains("uji.bontang", asHead, StringComparison.Ordinal);
        var noKks = KkCell().Matches(asHead).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, noKks.Count);
        var forged = await PostAsync(head, samplePage, Finding(noKks[0], "confirmed", string.Empty));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        var forgedHtml = WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync());
        Assert.True(forgedHtml.Contains("pemeriksaan ulang harus dilakukan petugas lain", StringComparison.Ordinal), Regex.Match(forgedHtml, "role=\"alert\">([^<]*)<").Groups[1].Value);

        // The independent verifier: a wrong finding needs a note; then both are entered.
        var checker = await LoginAsync(app, "uji.bontang");
        var (_, worklist) = await checker.GetAsync("/audit-klaim/64.74");
        Assert.Contains("Pemeriksaan ulang yang ditugaskan kepada Anda (2)", worklist, StringComparison.Ordinal);
        var noNote = await PostAsync(checker, samplePage, Finding(noKks[0], "wrong", " "));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNote.StatusCode);
        Assert.Contains("wajib diberi catatan", await noNote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noFinding = await PostAsync(checker, samplePage, Finding(noKks[0], string.Empty, "Catatan yang diketik."));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noFinding.StatusCode);
        var noFindingHtml = await noFinding.Content.ReadAsStringAsync();
        Assert.Contains("Pilih hasil pemeriksaan ulang.", noFindingHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Catatan yang diketik.\"", noFindingHtml, StringComparison.Ordinal);
        var badDate = Finding(noKks[0], "wrong", "Masih miskin.");
        badDate["checkedOn"] = "kemarin";
        var badDateAnswer = await PostAsync(checker, samplePage, badDate);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDateAnswer.StatusCode);
        Assert.Contains("Tanggal pemeriksaan tidak valid", await badDateAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(checker, samplePage, Finding(noKks[0], "wrong", "Kepala keluarga masih tidak bekerja."))).StatusCode);
        var stale = await PostAsync(checker, samplePage, Finding(noKks[1], "confirmed", string.Empty, version: 7));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(checker, samplePage, Finding(noKks[1], "confirmed", string.Empty))).StatusCode);

        var (_, result) = await checker.GetAsync(samplePage);
        Assert.Contains("antara 1 dan 1 dari 2 KK tidak terkonfirmasi (95%)", result, StringComparison.Ordinal);
        Assert.Contains("Dari 2 KK dalam sampel: 1 sesuai, 1 keliru, 0 tidak ditemukan atau tidak dapat diverifikasi.", result, StringComparison.Ordinal);
        Assert.Contains("tuntas claim-audit replay", result, StringComparison.Ordinal);

        // Beside the headline, for signed-in users and the public alike.
        var (_, dashboard) = await head.GetAsync("/dasbor/64.74");
        Assert.Contains("pemeriksaan ulang 2 dari 2 KK Graduasi: 1 sesuai, 1 keliru, 0 tidak ditemukan → antara 1 dan 1 dari 2 KK tidak terkonfirmasi, yaitu mungkin masih miskin ekstrem atau tidak ditemukan (95%)", WebUtility.HtmlDecode(dashboard), StringComparison.Ordinal);
        Assert.Contains("2 keluar, 100% dengan kunjungan lapangan yang disetujui", WebUtility.HtmlDecode(dashboard), StringComparison.Ordinal);
        var (_, publicPage) = await PageSession.Open(app).GetAsync("/publik/64.74");
        Assert.Contains("1 sesuai, 1 keliru, 0 tidak ditemukan", WebUtility.HtmlDecode(publicPage), StringComparison.Ordinal);
        Assert.DoesNotContain(noKks[0], publicPage, StringComparison.Ordinal);

        // The dashboard API carries it too, for machine clients (an analyst's token here).
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.CreateUserAndTokenAsync("api.bontang", Role.Analyst, "64.74"));
        using (var answer = System.Text.Json.JsonDocument.Parse(await api.GetStringAsync($"/api/v1/dashboard?region=64.74&at={Day(Today)}")))
        {
            var claim = answer.RootElement.GetProperty("claimAudits").EnumerateArray().Single();
            Assert.Equal(("graduated", 2, 1, 1), (claim.GetProperty("status").GetString(), claim.GetProperty("population").GetInt32(), claim.GetProperty("wrong").GetInt32(), claim.GetProperty("estimatedErrorsHigh").GetInt32()));
        }

        // Yesterday the period of the audit had not ended: not yet audited.
        var (_, before) = await head.GetAsync($"/dasbor/64.74?at={Day(Today.AddDays(-1))}");
        Assert.Contains("Belum diaudit", before, StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        var items = await db.ClaimAuditItems.AsNoTracking().ToListAsync();
        Assert.Equal([RecheckFinding.Wrong, RecheckFinding.Confirmed], noKks.Select(k => items.Single(i => i.NoKk == k).Finding!.Value));
        Assert.All(items, i => Assert.Equal("uji.bontang", i.CheckedBy));
        Assert.Equal(1, await db.Tasks.CountAsync(t => t.Purpose == Domain.Verification.VisitPurpose.Reverification && t.CreatedBy == "uji.bontang"));
    }

    [Theory, DatabaseData]
    public async Task AnAuditWhoseEveryHouseholdWasNotFound_ShowsAResult_AllUnconfirmed(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var head = await LoginAsync(app, "dinsos.bontang");
        var drawn = await PostAsync(head, "/audit-klaim/64.74", new()
        {
            ["Draw.Status"] = "graduated",
            ["Draw.From"] = Day(Today.AddYears(-1)),
            ["Draw.To"] = Day(Today),
            ["Draw.Size"] = "2",
        });
        var samplePage = drawn.Headers.Location!.OriginalString;
        var checker = await LoginAsync(app, "uji.bontang");
        var (_, asChecker) = await checker.GetAsync(samplePage);
        foreach (var noKk in KkCell().Matches(asChecker).Select(m => m.Groups[1].Value))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(checker, samplePage, Finding(noKk, "could-not-verify", "Rumah kosong, tetangga tidak mengenal keluarga ini."))).StatusCode);
        }

        var (_, result) = await checker.GetAsync(samplePage);
        Assert.Contains("antara 2 dan 2 dari 2 KK tidak terkonfirmasi (95%)", result, StringComparison.Ordinal);
        Assert.Contains("Dari 2 KK dalam sampel: 0 sesuai, 0 keliru, 2 tidak ditemukan atau tidak dapat diverifikasi.", result, StringComparison.Ordinal);
        var (_, list) = await checker.GetAsync("/audit-klaim/64.74");
        Assert.Contains("antara 2 dan 2 dari 2 KK tidak terkonfirmasi (95%)", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Pemeriksaan ulang masih berjalan", list, StringComparison.Ordinal);

        // Beside the headline: a result, not "under way".
        var (_, dashboard) = await head.GetAsync("/dasbor/64.74");
        var line = WebUtility.HtmlDecode(dashboard);
        Assert.Contains("0 sesuai, 0 keliru, 2 tidak ditemukan → antara 2 dan 2 dari 2 KK tidak terkonfirmasi", line, StringComparison.Ordinal);
        Assert.DoesNotContain("sedang berjalan", line, StringComparison.Ordinal);

        // In English too.
        var (_, english) = await head.GetAsync(samplePage + "?culture=en");
        Assert.Contains("between 2 and 2 of 2 households not confirmed (95%)", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimAudits_AreForVerifiersOfTheRegion_Only()
    {
        await using var app = await AppAsync(TestProvider.Sqlite);
        var head = await LoginAsync(app, "dinsos.bontang");
        var drawn = await PostAsync(head, "/audit-klaim/64.74", new()
        {
            ["Draw.Status"] = "graduated",
            ["Draw.From"] = Day(Today.AddYears(-1)),
            ["Draw.To"] = Day(Today),
            ["Draw.Size"] = "1",
        });
        var samplePage = drawn.Headers.Location!.OriginalString;

        var (plan, planned) = await head.GetAsync("/audit-klaim/64.74?populasi=175&margin=10");
        Assert.Equal(HttpStatusCode.OK, plan);
        Assert.Contains("Periksa ulang 63 dari 175 KK", planned, StringComparison.Ordinal);
        var (_, badMargin) = await head.GetAsync("/audit-klaim/64.74?populasi=175&margin=0");
        Assert.Contains("Batas kesalahan harus antara 0 dan 1", WebUtility.HtmlDecode(badMargin), StringComparison.Ordinal);

        var other = await LoginAsync(app, "dinsos.kutim");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(samplePage)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/audit-klaim/64.74")).Status);
        var analyst = await LoginAsync(app, "bappeda.bontang");
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync(samplePage)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/audit-klaim/64.74")).Status);
    }

    [GeneratedRegex("<td class=\"code\"><a href=\"/keluarga/(\\d{16})\">")]
    private static partial Regex KkCell();
}
