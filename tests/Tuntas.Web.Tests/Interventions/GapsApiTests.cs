using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Interventions;

public class GapsApiTests
{
    private static readonly DateOnly Listed = new(2025, 1, 10);

    /// <summary>Both Bontang families listed as extreme poor on 10 January 2025; one of them got PKH in March.</summary>
    private static async Task<TuntasWebFactory> AppAsync(TestProvider provider)
    {
        var app = await TuntasWebFactory.CreateAsync(provider);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        foreach (var household in await db.Households.InRegion(RegionCode.From("64.74")).ToListAsync())
        {
            household.SetSpendingPerCapita(210_000);
        }

        await db.SaveChangesAsync();
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        await audit.RunAsync(() => scope.ServiceProvider.GetRequiredService<ClassificationService>()
            .ClassifyAsync(db.Households.InRegion(RegionCode.From("64.74")), Listed, StatusChanges.SystemClassification, audit));
        var first = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        db.Deliveries.Add(new Delivery("PKH", first.Id, null, "Dinas Sosial", new DeliveryReport { Date = new(2025, 3, 15), Amount = 750_000 }, DeliverySource.Entered,
            Delivery.KeyForKk(first.NoKk.Value), "dinsos.bontang", new DateOnly(2026, 11, 22), DateTime.UtcNow));
        await db.SaveChangesAsync();
        return app;
    }

    [Theory, DatabaseData]
    public async Task Gaps_AnswersTheFiguresOfTheDay_InsideTheCallersScope_And404Outside(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var province = await app.ClientForAsync(Role.Province, "64");
        var kutim = await app.ClientForAsync(Role.Verifier, "64.08");

        var july = await province.GetFromJsonAsync<JsonElement>("/api/v1/gaps?region=64.74&at=2025-07-01");
        var february = await province.GetFromJsonAsync<JsonElement>("/api/v1/gaps?region=64.74&at=2025-02-01");
        var outside = await kutim.GetAsync("/api/v1/gaps?region=64.74&at=2025-07-01");
        var badDate = await province.GetAsync("/api/v1/gaps?region=64.74&at=1%20Juli");
        var anonymous = await app.CreateClient().GetAsync("/api/v1/gaps?region=64.74");

        Assert.Equal((2, 1), (july.GetProperty("extremePoorHouseholds").GetInt32(), july.GetProperty("withoutAnyIntervention").GetInt32()));
        Assert.Equal(1, july.GetProperty("byStrategy").GetProperty("reduce_spending").GetInt32());
        Assert.Equal((2, 2), (february.GetProperty("extremePoorHouseholds").GetInt32(), february.GetProperty("withoutAnyIntervention").GetInt32()));
        Assert.Equal(0, july.GetProperty("inHandling").GetInt32());
        Assert.DoesNotContain("Budi", july.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
