using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Interventions.InterventionKit;

namespace Tuntas.Data.Tests.Interventions;

/// <summary>Leakage and exclusion error by the programmes' desil eligibility (Kepmensos 79/HUK/2025).</summary>
public class EligibilityGapsTests
{
    private static readonly DateOnly At = new(2025, 6, 30);

    /// <summary>
    /// Leakage reads the desil in force on the day of the figure, not the family's latest: a PKH recipient
    /// ranked desil 3 in February and desil 6 in August is not leakage as of June, and is as of September.
    /// </summary>
    [Theory, DatabaseData]
    public async Task Leakage_UsesTheDesilInForceOnTheDay_NotALaterVersion(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await using (var db = database.CreateContext())
        {
            var family = VervalKit.Family(7, spending: 900_000);
            family.SetDesil(6, "DTSEN", "2025-08-01");
            db.Households.Add(family);
            await db.SaveChangesAsync();
            db.HouseholdDesils.AddRange(
                new HouseholdDesil(family.Id, 3, "DTSEN", new DateOnly(2025, 2, 1), "dinsos.bontang", VervalKit.Now.UtcDateTime),
                new HouseholdDesil(family.Id, 6, "DTSEN", new DateOnly(2025, 8, 1), "dinsos.bontang", VervalKit.Now.UtcDateTime));
            await db.SaveChangesAsync();
        }

        await ImportAsync(services, List($"{Nik(7)},,2025-04-14,750000,"), "PKH");

        Assert.Equal(0, (await GapsAsync(services, "64.74", new DateOnly(2025, 6, 30))).Leakage);
        Assert.Equal(1, (await GapsAsync(services, "64.74", new DateOnly(2025, 9, 30))).Leakage);
    }

    [Theory, DatabaseData]
    public async Task LeakageAndExclusionError_FollowEachProgrammesDesil_AndAgreeWithPlainSql(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);

        // The caseload: families 1-4 verified extreme poor, with desil 1, 4, 5 and none.
        var poor = await VerifiedAsync(services, 4);
        await using (var db = database.CreateContext())
        {
            foreach (var (n, desil) in new[] { (1, 1), (2, 4), (3, 5) })
            {
                var household = await db.Households.SingleAsync(h => h.NoKk == NomorKk.From(NoKk(n)));
                household.SetDesil(desil, "DTSEN", "2025-02");
            }

            // Never poor: 7 desil 5 and well off; 8 desil 6 but spending under the line; 9 desil 4 and
            // rich; 10 desil 7 and modest spending.
            var rich = VervalKit.Family(7, spending: 900_000);
            rich.SetDesil(5, "DTSEN", "2025-02");
            var lowSpendingHighDesil = VervalKit.Family(8, spending: 300_000);
            lowSpendingHighDesil.SetDesil(6, "DTSEN", "2025-02");
            var richLowDesil = VervalKit.Family(9, spending: 2_000_000);
            richLowDesil.SetDesil(4, "DTSEN", "2025-02");
            var modest = VervalKit.Family(10, spending: 350_000);
            modest.SetDesil(7, "DTSEN", "2025-02");
            db.Households.AddRange(rich, lowSpendingHighDesil, richLowDesil, modest);
            await db.SaveChangesAsync();
        }

        await ImportAsync(services, List($"{Nik(1)},,2025-04-14,750000,", $"{Nik(7)},,2025-04-14,750000,", $"{Nik(8)},,2025-04-14,750000,", $"{Nik(9)},,2025-04-14,750000,"), "PKH");
        await ImportAsync(services, List($"{Nik(2)},,2025-04-20,200000,", $"{Nik(7)},,2025-04-20,200000,", $"{Nik(10)},,2025-04-20,200000,"), "SEMBAKO");

        var gaps = await GapsAsync(services, "64.74", At);

        // PKH: 7 (desil 5) and 8 (desil 6) are above desil 4; 9 is desil 4 however rich. SEMBAKO: 10 (desil 7).
        Assert.Equal(3, gaps.Leakage);
        Assert.Contains("Kepmensos 79/HUK/2025", gaps.LeakageRule, StringComparison.Ordinal);
        var byProgramme = gaps.ExclusionError.ToDictionary(e => e.Programme);
        Assert.Equal(["PBI-JK", "PKH", "SEMBAKO"], byProgramme.Keys.Order(StringComparer.Ordinal));
        Assert.Equal((4, 2, 1, 1, 1), (byProgramme["PKH"].DesilMax, byProgramme["PKH"].Eligible, byProgramme["PKH"].Receiving, byProgramme["PKH"].Excluded, byProgramme["PKH"].WithoutDesil));
        Assert.Equal((5, 3, 1, 2), (byProgramme["SEMBAKO"].DesilMax, byProgramme["SEMBAKO"].Eligible, byProgramme["SEMBAKO"].Receiving, byProgramme["SEMBAKO"].Excluded));
        Assert.Equal((3, 0, 3), (byProgramme["PBI-JK"].Eligible, byProgramme["PBI-JK"].Receiving, byProgramme["PBI-JK"].Excluded));
        Assert.Equal("Kepmensos 79/HUK/2025", byProgramme["PKH"].Source);
        Assert.Equal(4, poor.Length);

        // The same figures from the reporting tables, in plain SQL (no status changed after the
        // deliveries, so the status column is the status on the delivery day).
        await using (var db = database.CreateContext())
        {
            const string window = "d.\"Date\" <= '2025-06-30' AND COALESCE(d.\"PeriodEnd\", d.\"Date\") >= '2024-07-01'";
            var leakage = await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(DISTINCT h.\"Id\") AS \"Value\" FROM \"Households\" h JOIN \"Deliveries\" d ON d.\"HouseholdId\" = h.\"Id\" " +
                "JOIN \"Programmes\" p ON p.\"Code\" = d.\"ProgrammeCode\" " +
                $"WHERE p.\"PovertyTargeted\" AND {window} AND h.\"Status\" NOT IN ('Listed', 'Verified') " +
                "AND h.\"Desil\" > p.\"EligibleDesilMax\"").SingleAsync();
            Assert.Equal(leakage, gaps.Leakage);

            foreach (var e in gaps.ExclusionError)
            {
                var excluded = await db.Database.SqlQueryRaw<int>(
                    "SELECT COUNT(*) AS \"Value\" FROM \"Households\" h JOIN \"Programmes\" p ON p.\"Code\" = {0} " +
                    "WHERE h.\"Status\" IN ('Listed', 'Verified') AND h.\"Desil\" <= p.\"EligibleDesilMax\" " +
                    $"AND NOT EXISTS (SELECT 1 FROM \"Deliveries\" d WHERE d.\"HouseholdId\" = h.\"Id\" AND d.\"ProgrammeCode\" = p.\"Code\" AND {window})",
                    e.Programme).SingleAsync();
                Assert.Equal(excluded, e.Excluded);
            }
        }
    }

    [Theory, DatabaseData]
    public async Task Leakage_OfAProgrammeWithoutDesilEligibility_StillReadsSpendingAgainstTheLine(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 1);
        await using (var db = database.CreateContext())
        {
            var rich = VervalKit.Family(7, spending: 900_000);
            rich.SetDesil(9, "DTSEN", "2025-02");
            db.Households.Add(rich);
            await db.SaveChangesAsync();
        }

        // BAZNAS is poverty-targeted but not allocated by desil: twice the 2024 line (Rp391.000) is Rp782.000.
        await ImportAsync(services, List($"{Nik(7)},,2025-04-14,1000000,"), "BAZNAS");

        Assert.Equal(1, (await GapsAsync(services, "64.74", At)).Leakage);
        Assert.DoesNotContain((await GapsAsync(services, "64.74", At)).ExclusionError, e => e.Programme == "BAZNAS");
    }
}
