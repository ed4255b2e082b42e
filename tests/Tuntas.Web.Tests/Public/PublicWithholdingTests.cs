using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Public;

/// <summary>A withheld desa count takes every figure that would give it back with it.</summary>
public partial class PublicTransparencyTests
{
    /// <summary>
    /// Kecamatan Bontang Utara on 1 July 2025: Lok Tuan 3 KK of two people each (6 people, more than
    /// the threshold on its own) and Guntung 6 KK of two people each, beside Bontang Kuala and
    /// Bontang Baru (1 KK each). Lok Tuan's target was at most 2 KK by 30 June 2025.
    /// </summary>
    private static async Task<TuntasWebFactory> LokTuanAsync(TestProvider provider)
    {
        static Household Couple(string village, int series, int i) => Families.Family(
            $"647401010120{series}{i:D3}", village,
            ($"6474011708850{series}{i}1", $"Warga {village} {i}", FamilyRelation.KepalaKeluarga),
            ($"6474011708850{series}{i}2", $"Anak {village} {i}", FamilyRelation.Anak));

        var families = Enumerable.Range(1, 3).Select(i => Couple("64.74.01.1003", 7, i))
            .Concat(Enumerable.Range(1, 6).Select(i => Couple("64.74.01.1004", 8, i)))
            .ToList();
        var app = await AppWithAsync(provider, families);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        db.Targets.Add(new Target(RegionCode.From("64.74.01.1003"), new DateOnly(2025, 6, 30), 2, "admin", Families.Now));
        await db.SaveChangesAsync();
        return app;
    }

    [Theory, DatabaseData]
    public async Task PublicPage_OfADesaWithThreeFamilies_ShowsNoPeopleCountTargetOutcomeOrClaimCount(TestProvider provider)
    {
        await using var app = await LokTuanAsync(provider);
        var session = PageSession.Open(app);

        var (status, desa) = await session.GetAsync("/publik/64.74.01.1003?at=2025-07-01");
        var (_, large) = await session.GetAsync("/publik/64.74.01.1004?at=2025-07-01");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<span class=\"number withheld\">\\s*dirahasiakan\\s*</span>", desa);
        Assert.DoesNotContain("jiwa", desa, StringComparison.Ordinal);
        // Neither the count (3) nor the people (6) anywhere: headline, share, claim line, trend. The target (2 KK) is a plan, not a count.
        Assert.DoesNotMatch("\\b[3-6] KK|\\b[3-6] <small>KK|>[3-6]</td>|KK tersisa", desa);
        Assert.Matches("<span class=\"number withheld\">dirahasiakan</span>", desa);
        Assert.Matches("Januari 2025</th>\\s*<td class=\"num\">dirahasiakan</td>", desa);
        // Missing a target of 2 KK would say the count is 3 or 4.
        Assert.Contains("tanggal target 30 Juni 2025 sudah lewat (jumlahnya dirahasiakan)", desa, StringComparison.Ordinal);
        Assert.DoesNotContain("target terlewat", desa, StringComparison.Ordinal);

        Assert.Matches("<span class=\"number\">\\s*6 <small>KK</small>", large);
        Assert.Contains("12 jiwa", large, StringComparison.Ordinal);
        Assert.Contains("6 KK tersisa", large, StringComparison.Ordinal);
        Assert.Matches("Januari 2025</th>\\s*<td class=\"num\">6</td>", large);
    }

    [Theory, DatabaseData]
    public async Task PublicStats_OfADesaWithThreeFamilies_HasNoPeopleSplitInHandlingOrTargetOutcome(TestProvider provider)
    {
        await using var app = await LokTuanAsync(provider);
        var anonymous = app.CreateClient();

        var desa = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.01.1003&at=2025-07-01");
        var large = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.01.1004&at=2025-07-01");

        var poor = desa.GetProperty("extremePoor");
        Assert.True(poor.GetProperty("suppressed").GetBoolean());
        foreach (var name in new[] { "households", "people", "verified", "unverified", "inHandling" })
        {
            Assert.Null(Count(poor, name));
        }

        var target = desa.GetProperty("target");
        Assert.Null(Count(target, "householdsOnDate"));
        // Whether a target of 2 KK was missed would say the count is 3 or 4: withheld with it, not false.
        Assert.Equal(JsonValueKind.Null, target.GetProperty("missed").ValueKind);
        Assert.True(target.GetProperty("suppressed").GetBoolean());

        var shown = large.GetProperty("extremePoor");
        Assert.False(shown.GetProperty("suppressed").GetBoolean());
        Assert.Equal((6, 12, 0, 6), (shown.GetProperty("households").GetInt32(), shown.GetProperty("people").GetInt32(), shown.GetProperty("verified").GetInt32(), shown.GetProperty("unverified").GetInt32()));
    }

    [Theory, DatabaseData]
    public async Task PublicStats_OfTheDesaWithheldBesideASmallOne_HasNoPeopleCountEither(TestProvider provider)
    {
        await using var app = await BontangSelatanAsync(provider);
        var anonymous = app.CreateClient();

        var desa = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/public/stats?region=64.74.02.1001&at=2025-07-01");

        var poor = desa.GetProperty("extremePoor");
        Assert.True(poor.GetProperty("suppressed").GetBoolean());
        Assert.Null(Count(poor, "people"));
        Assert.Null(Count(poor, "inHandling"));
    }
}
