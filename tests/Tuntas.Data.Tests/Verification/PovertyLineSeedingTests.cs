using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Database;
using Tuntas.Data.Interventions;
using Tuntas.Data.Verification;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Verification;

public class PovertyLineSeedingTests
{
    [Theory, DatabaseData]
    public async Task Init_SeedsTheLinesOnce_AndNeverOverwritesAnAdministratorsCorrection(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        int shipped;
        await using (var db = database.CreateContext())
        {
            shipped = await db.PovertyLines.CountAsync();
            Assert.Equal(PovertyLine.Shipped(DateTime.UtcNow, "x").Count, shipped);
            Assert.Equal(4, await db.Criteria.CountAsync());
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ChangePovertyLines>()
                .SetAsync(PovertyLine.DefaultCode, 2024, 395_500, "BPS, rilis resmi 2025", null, "admin");
            Assert.True(result.Succeeded, result.Error?.English);
        }

        await DatabaseInitializer.InitializeAsync(database.Uri);
        await DatabaseInitializer.InitializeAsync(database.Uri);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(shipped, await db.PovertyLines.CountAsync());
            var corrected = await db.PovertyLines.SingleAsync(l => l.Code == PovertyLine.DefaultCode && l.Year == 2024);
            Assert.Equal((395_500L, "BPS, rilis resmi 2025", "admin"), (corrected.LinePerCapita, corrected.Source, corrected.UpdatedBy));
            Assert.Equal(4, await db.Criteria.CountAsync());
            Assert.Equal(shipped + 1, await db.AuditEntries.CountAsync(e => e.Action == "povertyline.set"));
        }
    }

    [Theory, DatabaseData]
    public async Task Init_GivesAnOlderCatalogueTheShippedEligibility_ButKeepsAnAdministratorsChoice(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await using (var db = database.CreateContext())
        {
            // A catalogue from before eligibility was kept.
            foreach (var p in await db.Programmes.ToListAsync())
            {
                p.SetEligibility(null, null, DateTime.UtcNow);
            }

            await db.SaveChangesAsync();
        }

        await using (var scope = services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ChangeProgrammes>()
                .SetAsync(new ProgrammeChange("SEMBAKO") { EligibleDesilMax = 3, EligibilitySource = "Perbup Kutai Timur" }, "admin");
            Assert.True(result.Succeeded, result.Error?.English);
        }

        await DatabaseInitializer.InitializeAsync(database.Uri);

        await using (var db = database.CreateContext())
        {
            var eligibility = await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Code, p => (p.EligibleDesilMax, p.EligibilitySource));
            Assert.Equal((4, "Kepmensos 79/HUK/2025"), eligibility["PKH"]);
            Assert.Equal((5, "Kepmensos 79/HUK/2025"), eligibility["PBI-JK"]);
            Assert.Equal((3, "Perbup Kutai Timur"), eligibility["SEMBAKO"]);
            Assert.Equal((null, null), eligibility["RTLH"]);
        }
    }
}
