using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Interventions.InterventionKit;

namespace Tuntas.Data.Tests.Interventions;

public class GapsTests
{
    private const string Kuala = VervalKit.BontangKuala;
    private static readonly DateOnly At = new(2025, 6, 30);

    [Theory, DatabaseData]
    public async Task RecordingPkhForTwoExtremePoorHouseholds_LowersWithoutAnyInterventionByExactlyTwo(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 5);
        var before = await GapsAsync(services, "64.74", At);

        await ImportAsync(services, List($"{Nik(2)},,2025-04-14,750000,", $",{NoKk(4)},2025-04-14,750000,"));
        var after = await GapsAsync(services, "64.74", At);

        Assert.Equal((5, 5), (before.ExtremePoorHouseholds, before.WithoutAnyIntervention));
        Assert.Equal((5, 3), (after.ExtremePoorHouseholds, after.WithoutAnyIntervention));
        Assert.Equal(2, after.ByStrategy["reduce_spending"]);
        Assert.Equal(0, after.ByStrategy["raise_income"]);
    }

    [Theory, DatabaseData]
    public async Task Gaps_AsOfADay_CountOnlyDeliveriesOnOrBeforeIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 2);
        await ImportAsync(services, List($"{Nik(1)},,2025-05-10,750000,"));

        Assert.Equal(2, (await GapsAsync(services, Kuala, new DateOnly(2025, 5, 9))).WithoutAnyIntervention);
        Assert.Equal(1, (await GapsAsync(services, Kuala, new DateOnly(2025, 5, 10))).WithoutAnyIntervention);
        Assert.Equal(0, (await GapsAsync(services, "64.08", new DateOnly(2025, 5, 10))).ExtremePoorHouseholds);
    }

    [Theory, DatabaseData]
    public async Task InHandling_IsAVerifiedHouseholdWithADeliveryInTheLastTwelveMonths(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 3);
        await ImportAsync(services, List($"{Nik(1)},,2025-03-01,750000,", $"{Nik(2)},,2025-02-04,750000,"));

        async Task<(int Stats, int Gaps)> InHandling(DateOnly at)
        {
            await using var scope = services.CreateAsyncScope();
            var figures = await scope.ServiceProvider.GetRequiredService<HeadlineQuery>().ComputeAsync(RegionCode.From("64.74"), at);
            return (figures!.ExtremePoor.InHandling!.Value, (await GapsAsync(services, "64.74", at)).InHandling);
        }

        Assert.Equal((0, 0), await InHandling(new DateOnly(2025, 2, 3)));
        Assert.Equal((2, 2), await InHandling(new DateOnly(2025, 6, 30)));
        Assert.Equal((1, 1), await InHandling(new DateOnly(2026, 2, 10)));
        Assert.Equal((0, 0), await InHandling(new DateOnly(2026, 3, 1)));
    }

    [Theory, DatabaseData]
    public async Task Leakage_CountsPovertyTargetedDeliveriesToHouseholdsWellAboveTheCriteria_OnTheDayTheyWereNotPoor(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = await VerifiedAsync(services, 3);

        // Family 7 was never poor; 8 is well off but its spending is only 1.5 times the line; 3 graduates.
        await using (var db = database.CreateContext())
        {
            db.Households.AddRange(VervalKit.Family(7, spending: 900_000), VervalKit.Family(8, spending: 480_000));
            await db.SaveChangesAsync();
        }

        var graduate = families[2];
        await VervalKit.RunAsync(services, async unit =>
        {
            unit.Db.Attach(graduate);
            await VervalKit.VisitAsync(unit, graduate, new DateOnly(2025, 5, 5), HouseholdStatus.Graduated, spending: 900_000, purpose: VisitPurpose.Graduation);
        });

        await ImportAsync(services, List($"{Nik(1)},,2025-04-14,750000,", $"{Nik(7)},,2025-04-14,750000,", $"{Nik(8)},,2025-04-14,750000,", $"{Nik(3)},,2025-04-14,750000,"));
        Assert.Equal(1, (await GapsAsync(services, "64.74", At)).Leakage);

        await ImportAsync(services, List($"{Nik(7)},,2025-04-20,2400000,"), "PADAT-KARYA");
        Assert.Equal(1, (await GapsAsync(services, "64.74", At)).Leakage);

        await ImportAsync(services, List($"{Nik(3)},,2025-06-14,750000,"));
        Assert.Equal(2, (await GapsAsync(services, "64.74", At)).Leakage);
        Assert.Equal(1, (await GapsAsync(services, "64.74", new DateOnly(2025, 6, 13))).Leakage);
        Assert.Equal(0, (await GapsAsync(services, "64.08", At)).Leakage);
    }

    [Theory, DatabaseData]
    public async Task MissingNeeded_NamesTheProgrammeANeedCalledFor_UntilADeliveryMeetsIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = await VerifiedAsync(services, 3);
        await using (var db = database.CreateContext())
        {
            foreach (var n in new[] { 1, 2 })
            {
                var person = db.People.Single(p => p.Nik == Domain.Registry.Nik.From(InterventionKit.Nik(n)));
                person.HealthInsurance = "Tidak ada";
            }

            db.People.Single(p => p.Nik == Domain.Registry.Nik.From(InterventionKit.Nik(3))).HealthInsurance = "BPJS mandiri";
            await db.SaveChangesAsync();
        }

        var before = await GapsAsync(services, "64.74", At);
        await ImportAsync(services, List($"{InterventionKit.Nik(1)},,2025-03-01,504000,"), "PBI-JK");
        var after = await GapsAsync(services, "64.74", At);

        Assert.Equal(("PBI-JK", 2), (before.MissingNeeded.Single(m => m.Need == "JKN").Programme, before.MissingNeeded.Single(m => m.Need == "JKN").Households));
        Assert.Equal(1, after.MissingNeeded.Single(m => m.Need == "JKN").Households);

        // Every visit of the kit records an earth floor and no own toilet: all three need RTLH.
        Assert.Equal(3, after.MissingNeeded.Single(m => m.Need == "RUMAH").Households);
        Assert.Equal(["PELATIHAN"], after.MissingNeeded.Single(m => m.Need == "KERJA").Alternatives);
        Assert.Equal(3, families.Length);
    }

    [Theory, DatabaseData]
    public async Task MissingNeeded_EachShippedRule_FromTheRegister_AndAnAlternativeProgrammeMeetsIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await VerifiedAsync(services, 3);
        await using (var db = database.CreateContext())
        {
            // Family 1: a head of 24 without work. Family 2: a girl of 12 who left school.
            // Family 3: a head whose NIK says another birth date than the card.
            db.People.Single(p => p.Nik == Domain.Registry.Nik.From(InterventionKit.Nik(1))).Occupation = "Tidak bekerja";
            var second = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From(NoKk(2)));
            var girl = second.AddMember(Domain.Registry.Nik.From("6474015203120001"), "Putri", Sex.Female, new DateOnly(2012, 3, 12), FamilyRelation.Anak, Families.Now);
            girl.Education = "Putus sekolah";
            db.People.Single(p => p.Nik == Domain.Registry.Nik.From(InterventionKit.Nik(3))).BirthDate = new DateOnly(1999, 1, 1);
            await db.SaveChangesAsync();
        }

        var before = await GapsAsync(services, "64.74", At);
        await ImportAsync(services, List($"{InterventionKit.Nik(1)},,2025-05-02,2500000,"), "PELATIHAN");
        var after = await GapsAsync(services, "64.74", At);
        int Unmet(Data.Interventions.GapsReport report, string need) => report.MissingNeeded.Single(m => m.Need == need).Households;

        Assert.Equal((1, 1, 1, 0), (Unmet(before, "KERJA"), Unmet(before, "SEKOLAH"), Unmet(before, "DOKUMEN"), Unmet(before, "JKN")));
        Assert.Equal(("PIP", "ADMINDUK"), (before.MissingNeeded.Single(m => m.Need == "SEKOLAH").Programme, before.MissingNeeded.Single(m => m.Need == "DOKUMEN").Programme));
        Assert.Equal((0, 1), (Unmet(after, "KERJA"), Unmet(after, "SEKOLAH")));
        Assert.Equal(1, after.ByStrategy["raise_income"]);
    }
}
