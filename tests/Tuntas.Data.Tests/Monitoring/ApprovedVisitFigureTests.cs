using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Reports;
using Tuntas.Data.Tests.Interventions;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Monitoring;

/// <summary>
/// "Exits with an approved field visit" counts visits Dinas Sosial approved, not every exit that names
/// a visit: a graduation whose visit stands pending or returned (as in records that reached the
/// database another way) is an exit without one, in the day counts, the history check and the report.
/// </summary>
public class ApprovedVisitFigureTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");

    [Theory, DatabaseData]
    public async Task AnExitWhoseVisitIsNotApproved_IsNotCountedAsBackedByAnApprovedVisit(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = await InterventionKit.VerifiedAsync(services, 3);
        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var family in families)
            {
                unit.Db.Attach(family);
                await VervalKit.VisitAsync(unit, family, new DateOnly(2025, 5, 10), HouseholdStatus.Graduated, 600_000, VisitPurpose.Graduation);
            }
        });
        List<long> visits;
        await using (var read = VervalKit.Open(services))
        {
            visits = await read.Db.StatusEvents.Where(e => e.To == HouseholdStatus.Graduated).OrderBy(e => e.Id).Select(e => e.VisitId!.Value).ToListAsync();
        }

        var at = new DateOnly(2025, 6, 30);
        Assert.Equal(new FieldProof(3, 3), await ProofAsync(services, at));

        // The visits behind two graduations stand returned and pending: the exits still name them.
        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var (id, review) in new[] { (visits[1], ReviewState.Returned), (visits[2], ReviewState.Pending) })
            {
                var visit = await unit.Db.Visits.SingleAsync(v => v.Id == id);
                unit.Db.Entry(visit).Property(v => v.Review).CurrentValue = review;
            }

            await unit.Db.SaveChangesAsync();
        });

        await using (var unit = VervalKit.Open(services))
        {
            Assert.Equal(3, await unit.Db.StatusEvents.CountAsync(e => e.To == HouseholdStatus.Graduated && e.VisitId != null));
        }

        Assert.Equal(new FieldProof(3, 1), await ProofAsync(services, at));
        await using var scope = services.CreateAsyncScope();
        var check = await scope.ServiceProvider.GetRequiredService<FiguresCheck>().RunAsync(Bontang, at);
        Assert.Empty(check!.Differences);
        var report = await scope.ServiceProvider.GetRequiredService<ReportBuilder>().BuildAsync(Bontang, at);
        Assert.Equal((3, 1), (report!.Verification.Exits, report.Verification.ExitsWithApprovedVisit));

        // A rebuild from the histories gives the same.
        var db = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();
        await DayCountStore.RebuildAsync(db, await DayCountStore.WindowAsync(db));
        Assert.Equal(new FieldProof(3, 1), await ProofAsync(services, at));
    }

    private static async Task<FieldProof> ProofAsync(ServiceProvider services, DateOnly at)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PublicFiguresQuery>().FieldProofAsync(Bontang, at);
    }
}
