using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Monitoring;

/// <summary>The dashboard and the lists behind its counts, walked through the real pages per role.</summary>
public partial class DashboardPagesTests
{
    private const string BudiKk = "6474010101200001";
    private const string AgusKk = "6474010101200002";
    private static readonly RegionCode Bontang = RegionCode.From("64.74");

    private static DateOnly Today => Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Bontang's two families become listed today; a target of 0 KK by the end of next year; Bontang's districts have a population.</summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
            var families = await db.Households.Where(h => h.RegencyCode == Bontang).ToListAsync();
            foreach (var family in families)
            {
                family.SetSpendingPerCapita(210_000);
            }

            db.Targets.Add(new Target(Bontang, new DateOnly(Today.Year + 1, 12, 31), 0, "admin", DateTime.UtcNow));
            db.Population.Add(new PopulationCount(RegionCode.From("64.74.01"), Today.Year, 1_000, "BPS", DateTime.UtcNow));
            await db.SaveChangesAsync();
            var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
            var summary = await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
                .ClassifyAsync(db.Households.InRegion(Bontang), Today, StatusChanges.SystemClassification, audit));
            Assert.Equal(2, summary.Listed);
        }

        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("bappeda.bontang", Role.Analyst, "64.74");
        await app.CreateUserAndTokenAsync("bappeda.kaltim", Role.Province, "64");
        return app;
    }

    private static async Task<PageSession> LoginAsync(TuntasWebFactory app, string user)
    {
        var session = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.LoginAsync(user, TuntasWebFactory.Password)).StatusCode);
        return session;
    }

    private static string Figure(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Replace(Regex.Match(html, $"data-figure=\"{name}\">(.*?)</(dd|span|td|strong)>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", string.Empty)).Trim();

    private static string? LinkIn(string html, string figure) =>
        Regex.Match(html, $"data-figure=\"{figure}\"><a href=\"([^\"]+)\"").Groups[1] is { Success: true } g ? WebUtility.HtmlDecode(g.Value) : null;

    private static List<string> ListedKks(string html) =>
        HouseholdLink().Matches(html).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("<td class=\"code\"><a href=\"/keluarga/(\\d{16})\"")]
    private static partial Regex HouseholdLink();

    [Theory, DatabaseData]
    public async Task Dashboard_ShowsHeadlineQueryFigures_AndTheCountLinksToExactlyThoseHouseholds(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = await LoginAsync(app, "dinsos.bontang");
        HeadlineFigures expected;
        List<string> behind;
        await using (var db = app.CreateDbContext())
        {
            var query = new HeadlineQuery(db);
            expected = (await query.ComputeAsync(Bontang, Today))!;
            behind = (await query.HouseholdsAsOf(Bontang, Today, HouseholdStatus.Listed, HouseholdStatus.Verified).Select(h => h.NoKk).ToListAsync())
                .Select(k => k.Value).Order(StringComparer.Ordinal).ToList();
        }

        Assert.Equal(2, expected.ExtremePoor.Households);
        var (status, html) = await session.GetAsync("/dasbor/64.74");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Kota Bontang · per ", html, StringComparison.Ordinal);
        Assert.Equal($"{expected.ExtremePoor.Households} KK", Figure(html, "households"));
        Assert.Equal($"{expected.ExtremePoor.Verified} KK", Regex.Match(html, "data-figure=\"verified\"><a href=\"[^\"]+\">([^<]+)</a>").Groups[1].Value);
        Assert.Contains("<small>0%</small>", html, StringComparison.Ordinal);
        Assert.Equal($"{expected.ExtremePoor.Unverified} KK", Figure(html, "unverified"));
        Assert.Equal($"{expected.ExtremePoor.InHandling} KK", Figure(html, "inHandling"));
        Assert.Equal("2 KK", Figure(html, "distance"));

        // Bontang Utara: 3 people of 1.000; Bontang Selatan has no population, so no rate.
        var utara = Regex.Match(html, "<tr>((?:(?!</tr>).)*data-region=\"64.74.01\"(?:(?!</tr>).)*)</tr>", RegexOptions.Singleline).Groups[1].Value;
        utara = WebUtility.HtmlDecode(utara);
        Assert.Contains(">1.000</td>", utara, StringComparison.Ordinal);
        Assert.Contains(">0,3%</td>", utara, StringComparison.Ordinal);
        var selatan = Regex.Match(html, "<tr>((?:(?!</tr>).)*data-region=\"64.74.02\"(?:(?!</tr>).)*)</tr>", RegexOptions.Singleline).Groups[1].Value;
        selatan = WebUtility.HtmlDecode(selatan);
        // No household of Bontang Selatan was ever loaded: no data, not 0 KK.
        Assert.Contains("data-no-data=\"true\">– <small>Belum ada data</small></td>", selatan, StringComparison.Ordinal);
        Assert.DoesNotContain("0 KK", selatan, StringComparison.Ordinal);
        Assert.Contains(">–</td>", selatan, StringComparison.Ordinal);

        var link = LinkIn(html, "households");
        Assert.Equal($"/dasbor/64.74/keluarga?at={Day(Today)}&status=extremePoor", link);
        var (listStatus, list) = await session.GetAsync(link!);
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(behind, ListedKks(list));
        Assert.Equal([BudiKk, AgusKk], behind.Order(StringComparer.Ordinal).ToList());
        Assert.Contains("6474011708850002", list, StringComparison.Ordinal);

        // Yesterday nobody was listed yet: the dashboard and the list say so.
        var yesterday = Day(Today.AddDays(-1));
        (_, html) = await session.GetAsync($"/dasbor/64.74?at={yesterday}");
        Assert.Equal("0 KK", Figure(html, "households"));
        (_, list) = await session.GetAsync($"/dasbor/64.74/keluarga?at={yesterday}&status=extremePoor");
        Assert.Empty(ListedKks(list));
    }

    [Theory, DatabaseData]
    public async Task Dashboard_OutsideTheScope_IsNotFound(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = await LoginAsync(app, "dinsos.bontang");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/dasbor/64.74.01")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/dasbor/64.08")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/dasbor/64")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/dasbor/64.08.01/keluarga?at={Day(Today)}&status=extremePoor")).Status);
    }

    [Theory, DatabaseData]
    public async Task DashboardApi_GivesThePagesFigures_InScopeOnly_AndSaysWhichParameterIsWrong(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        using var verifier = await app.ClientForAsync(Role.Verifier, "64.74");
        using var response = await verifier.GetAsync($"/api/v1/dashboard?region=64.74&at={Day(Today)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("figures").GetProperty("extremePoor").GetProperty("households").GetInt32());
        Assert.Equal(0, root.GetProperty("target").GetProperty("households").GetInt32());
        Assert.Equal(2, root.GetProperty("trend").EnumerateArray().Last().GetProperty("households").GetInt32());
        var child = root.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "64.74.01");
        Assert.Equal(2, child.GetProperty("households").GetInt32());
        Assert.Equal(1_000, child.GetProperty("population").GetProperty("people").GetInt64());

        Assert.Equal(HttpStatusCode.NotFound, (await verifier.GetAsync($"/api/v1/dashboard?region=64.08&at={Day(Today)}")).StatusCode);
        using var badTo = await verifier.GetAsync("/api/v1/dashboard?region=64.74&from=2025-01-01&to=kemarin");
        Assert.Equal(HttpStatusCode.BadRequest, badTo.StatusCode);
        Assert.Contains("'kemarin' is not a date", await badTo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var reversed = await verifier.GetAsync("/api/v1/dashboard?region=64.74&from=2025-06-01&to=2025-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/dashboard?region=64.74")).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task Province_SeesTheNumbersWithoutLinks_AndNoHouseholdList(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = await LoginAsync(app, "bappeda.kaltim");
        var (status, html) = await session.GetAsync("/dasbor/64");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2 KK", Figure(html, "households"));
        Assert.Null(LinkIn(html, "households"));
        Assert.DoesNotContain("/keluarga?", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/dasbor/64.74/keluarga?at={Day(Today)}&status=extremePoor")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/dasbor/64.74/keluarga?at={Day(Today)}&status=extremePoor&format=csv")).Status);
    }

    [Theory, DatabaseData]
    public async Task Analyst_GetsTheListAndItsCsvWithMaskedNiks(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var session = await LoginAsync(app, "bappeda.bontang");
        var (_, list) = await session.GetAsync($"/dasbor/64.74/keluarga?at={Day(Today)}&status=extremePoor");
        Assert.Equal([BudiKk, AgusKk], ListedKks(list));
        Assert.DoesNotContain("6474011708850002", list, StringComparison.Ordinal);
        Assert.Contains(Nik.Mask("6474011708850002"), list, StringComparison.Ordinal);

        var csv = await session.Client.GetAsync($"/dasbor/64.74/keluarga?at={Day(Today)}&status=extremePoor&format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{BudiKk},Budi Santoso,{Nik.Mask("6474011708850002")},64.74.01.1001,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("6474011708850002", text, StringComparison.Ordinal);

        var xlsx = await session.Client.GetAsync($"/dasbor/64.74/keluarga?at={Day(Today)}&status=extremePoor&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory, DatabaseData]
    public async Task Admin_SetsATargetFromTheDashboard_ItIsShownAndAudited_OthersCannot_AndBadInputSaysWhy(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        await app.CreateUserAndTokenAsync("admin.pusat", Role.Admin, null);
        var admin = await LoginAsync(app, "admin.pusat");
        var verifier = await LoginAsync(app, "dinsos.bontang");
        var date = new DateOnly(Today.Year + 1, 6, 30);

        // The verifier's dashboard has no target form: its token comes from a page that has a form.
        async Task<HttpResponseMessage> Post(PageSession session, string households, string tokenPage = "/dasbor/64.74") =>
            await session.Client.PostAsync("/dasbor/64.74?handler=Target", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync(tokenPage),
                ["targetDate"] = Day(date),
                ["targetHouseholds"] = households,
            }));

        var refused = await Post(verifier, "1", "/verval");
        var bad = await Post(admin, "-3");
        var set = await Post(admin, "1");
        var (_, page) = await admin.GetAsync("/dasbor/64.74");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("Target berupa jumlah KK", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Contains("<strong>1 KK</strong>", page, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.Targets.CountAsync(t => t.Region == Bontang));
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "target.set" && e.Actor == "admin.pusat"));
    }

    [Theory]
    [InlineData("id", "31/06/2026", "1", "Isi tanggal target dengan tanggal yang benar.")]
    [InlineData("id", "2026-06-30", "-3", "Target berupa jumlah KK, bilangan bulat 0 atau lebih.")]
    [InlineData("en", "31/06/2026", "1", "Write the target date as a date.")]
    [InlineData("en", "2026-06-30", "banyak", "The target is a whole number of households, 0 or more.")]
    public async Task Admin_TargetWithBadInput_IsRefusedInTheReadersLanguage(string language, string date, string households, string reason)
    {
        await using var app = await AppAsync(TestProvider.Sqlite);
        await app.CreateUserAndTokenAsync("admin.pusat", Role.Admin, null);
        var admin = await LoginAsync(app, "admin.pusat");
        await admin.Client.GetAsync($"/bahasa/{language}?returnUrl=%2F");

        var response = await admin.Client.PostAsync("/dasbor/64.74?handler=Target", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await admin.AntiforgeryTokenAsync("/dasbor/64.74"),
            ["targetDate"] = date,
            ["targetHouseholds"] = households,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.Targets.CountAsync(t => t.Region == Bontang));
    }
}
