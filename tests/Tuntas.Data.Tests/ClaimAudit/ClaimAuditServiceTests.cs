using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Access;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Tests.Interventions;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.ClaimAudit;

/// <summary>
/// A claim audit over a real status history: twelve families verified in February 2025, eight of them
/// graduated in May. Dinas Sosial's own verifier approved every visit; a second verifier of the city
/// is independent, a verifier of another regency is out of reach.
/// </summary>
public class ClaimAuditServiceTests
{
    internal const string Independent = "uji.bontang";
    private static readonly RegionCode Bontang = RegionCode.From("64.74");
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 6, 30);

    internal static async Task<Household[]> ScenarioAsync(ServiceProvider services)
    {
        var families = await InterventionKit.VerifiedAsync(services, 12);
        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var family in families.Take(8))
            {
                unit.Db.Attach(family);
                await VervalKit.VisitAsync(unit, family, new DateOnly(2025, 5, 10), HouseholdStatus.Graduated, 600_000, VisitPurpose.Graduation);
            }
        });
        await using var users = VervalKit.Open(services);
        foreach (var (name, region) in new[] { (VervalKit.Reviewer, "64.74"), (Independent, "64.74"), ("dinsos.kutim", "64.08") })
        {
            users.Db.Users.Add(new TuntasUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), Role = Role.Verifier, RegionCode = RegionCode.From(region), CreatedAt = VervalKit.Now.UtcDateTime });
        }

        await users.Db.SaveChangesAsync();
        return families;
    }

    private static async Task<ClaimAuditSample> DrawAsync(ServiceProvider services, HouseholdStatus status, int size, DateOnly? from = null, DateOnly? to = null)
    {
        ClaimAuditSample? sample = null;
        await VervalKit.RunAsync(services, async unit =>
            sample = await unit.Scope<ClaimAuditService>().DrawAsync(new DrawRequest(Bontang, status, from ?? From, to ?? To, size, false), "dinsos.kepala", unit.Audit));
        return sample!;
    }

    private static async Task<ClaimAuditReplay?> ReplayAsync(ServiceProvider services, long id)
    {
        await using var unit = VervalKit.Open(services);
        return await unit.Scope<ClaimAuditService>().ReplayAsync(id);
    }

    [Theory, DatabaseData]
    public async Task TheDraw_TakesTheServersSeed_IsReplayable_OnRecord_AndGoesToIndependentVerifiers(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = await ScenarioAsync(services);

        var first = await DrawAsync(services, HouseholdStatus.Graduated, 4);
        var other = await DrawAsync(services, HouseholdStatus.Graduated, 4);

        // Each draw gets a fresh seed of 128 random bits; nobody chooses it.
        Assert.Matches("^[0-9a-f]{32}$", first.Seed);
        Assert.NotEqual(first.Seed, other.Seed);
        Assert.Equal(8, first.Population);

        // Replaying the recorded draw from its seed gives back the same households in the same order.
        var replay = await ReplayAsync(services, first.Id);
        Assert.NotNull(replay);
        Assert.True(replay.Matches);
        Assert.Equal(first.PopulationHash, replay.FoundHash);
        Assert.Equal(first.Items.Select(i => i.NoKk), replay.Sample!.Select(c => c.NoKk));
        Assert.Equal(first.Items.Select(i => i.NoKk), SampleDraw.Draw(families.Take(8).Select(f => new SampleCandidate(f.NoKk.Value, f.DistrictCode)).ToList(), 4, first.Seed, false).Sample.Select(c => c.NoKk));
        Assert.Null(await ReplayAsync(services, other.Id + 1));
        Assert.Equal(first.PopulationHash, SampleDraw.PopulationHash(families.Take(8).Select(f => f.NoKk.Value)));
        Assert.All(first.Items, i => Assert.Equal(Independent, i.AssignedTo));
        Assert.All(first.Items, i => Assert.Equal((VervalKit.Visitor, VervalKit.Reviewer), (i.OriginalVisitor, i.OriginalReviewer)));

        // On record the moment it was made: seed, population hash and the sample itself.
        await using var unit = VervalKit.Open(services);
        var entry = await unit.Db.AuditEntries.AsNoTracking().Where(e => e.Action == "claim-audit.draw").OrderBy(e => e.Sequence).FirstAsync();
        Assert.Equal(first.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityKey);
        Assert.Contains($"\"seed\":\"{first.Seed}\"", entry.After, StringComparison.Ordinal);
        Assert.Contains(first.PopulationHash, entry.After, StringComparison.Ordinal);
        Assert.All(first.Items, i => Assert.Contains(i.NoKk, entry.After, StringComparison.Ordinal));

        // Verified in the period: all twelve entered it in February.
        Assert.Equal(12, (await DrawAsync(services, HouseholdStatus.Verified, 3)).Population);

        // Graduated on the first day of a later period (entered before it) counts too; verified on that day, only the four left.
        Assert.Equal(8, (await DrawAsync(services, HouseholdStatus.Graduated, 1, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30))).Population);
        Assert.Equal(4, (await DrawAsync(services, HouseholdStatus.Verified, 1, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30))).Population);
    }

    [Theory, DatabaseData]
    public async Task OnlyAnIndependentVerifier_MayRecheck_AndTheResultFollowsFromTheFindings(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await ScenarioAsync(services);
        var sample = await DrawAsync(services, HouseholdStatus.Graduated, 8);
        var noKks = sample.Items.Select(i => i.NoKk).ToList();

        // The verifier who approved the graduation visits cannot re-check them, nor can the visitor.
        foreach (var insider in new[] { VervalKit.Reviewer, VervalKit.Visitor })
        {
            await using var refused = VervalKit.Open(services);
            await refused.Audit.BeginAsync();
            var error = await Assert.ThrowsAsync<DomainException>(() =>
                refused.Scope<ClaimAuditService>().RecordFindingAsync(sample.Id, noKks[0], null, RecheckFinding.Confirmed, null, VervalKit.Today, insider, refused.Audit));
            Assert.Contains("someone else", error.Message, StringComparison.Ordinal);
        }

        await VervalKit.RunAsync(services, async unit =>
        {
            var service = unit.Scope<ClaimAuditService>();
            for (var i = 0; i < noKks.Count; i++)
            {
                await service.RecordFindingAsync(sample.Id, noKks[i], null, i == 0 ? RecheckFinding.Wrong : RecheckFinding.Confirmed, i == 0 ? "Masih miskin ekstrem." : null, VervalKit.Today, Independent, unit.Audit);
            }
        });

        await using var read = VervalKit.Open(services);

        // The family found wrong gets a field visit, so its record is corrected the usual way; the others none.
        var followUps = await read.Db.Tasks.AsNoTracking().Where(t => t.Purpose == VisitPurpose.Reverification).ToListAsync();
        var wrongFamily = sample.Items.Single(i => i.NoKk == noKks[0]).HouseholdId;
        Assert.Equal(wrongFamily, Assert.Single(followUps).HouseholdId);
        Assert.Equal((VisitTaskState.Open, Independent), (followUps[0].State, followUps[0].CreatedBy));
        var queries = read.Scope<ClaimAuditQueries>();
        var shown = Assert.Single(await queries.BesideHeadlineAsync(Bontang, To));
        Assert.True(shown.Tally.Complete);
        Assert.Equal((8, 1), (shown.Tally.Checked, shown.Tally.Wrong));

        // Every graduation was re-checked: a census, so exactly one of the eight is wrong.
        Assert.Equal((1, 1), (shown.Tally.Estimate!.LowErrors, shown.Tally.Estimate.HighErrors));
        Assert.Empty(await queries.BesideHeadlineAsync(Bontang, To.AddDays(-1)));
        Assert.Null(await queries.GetAsync(sample.Id, new RegionScope(RegionCode.From("64.08"))));
        Assert.NotNull(await queries.GetAsync(sample.Id, new RegionScope(Bontang)));

        // A second finding for the same household is refused; the first stays.
        await read.Audit.BeginAsync();
        await Assert.ThrowsAsync<DomainException>(() =>
            read.Scope<ClaimAuditService>().RecordFindingAsync(sample.Id, noKks[1], null, RecheckFinding.Wrong, "Keliru.", VervalKit.Today, Independent, read.Audit));
    }

    [Theory, DatabaseData]
    public async Task AReplay_AfterAStatusChangeInTheAuditedPeriod_NoLongerMatches_AndSaysWhichHashes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        var families = await ScenarioAsync(services);
        var sample = await DrawAsync(services, HouseholdStatus.Graduated, 4);
        Assert.True((await ReplayAsync(services, sample.Id))!.Matches);

        // After the draw, a ninth family's graduation is recorded, effective inside the audited period.
        await VervalKit.RunAsync(services, async unit =>
        {
            unit.Db.Attach(families[8]);
            await VervalKit.VisitAsync(unit, families[8], new DateOnly(2025, 6, 2), HouseholdStatus.Graduated, 600_000, VisitPurpose.Graduation);
        });

        var replay = (await ReplayAsync(services, sample.Id))!;
        Assert.False(replay.PopulationMatches);
        Assert.False(replay.Matches);
        Assert.Equal((8, 9), (replay.Audit.Population, replay.FoundPopulation));
        Assert.Equal(sample.PopulationHash, replay.Audit.PopulationHash);
        Assert.Equal(SampleDraw.PopulationHash(families.Take(9).Select(f => f.NoKk.Value)), replay.FoundHash);

        // A change after the period's last day does not touch the population as of its dates.
        var later = await DrawAsync(services, HouseholdStatus.Graduated, 3, From, new DateOnly(2025, 6, 30));
        await VervalKit.RunAsync(services, async unit =>
        {
            unit.Db.Attach(families[9]);
            await VervalKit.VisitAsync(unit, families[9], new DateOnly(2025, 7, 15), HouseholdStatus.Graduated, 600_000, VisitPurpose.Graduation);
        });
        Assert.True((await ReplayAsync(services, later.Id))!.Matches);
    }

    [Theory, DatabaseData]
    public async Task ADrawThatCannotBeMade_SaysWhy_AndKeepsNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await ScenarioAsync(services);

        foreach (var (status, size, from, to) in new[]
        {
            (HouseholdStatus.Graduated, 9, From, To),
            (HouseholdStatus.Excluded, 1, From, To),
            (HouseholdStatus.Moved, 1, From, To),
            (HouseholdStatus.Graduated, 1, To, From),
        })
        {
            await using var unit = VervalKit.Open(services);
            await unit.Audit.BeginAsync();
            var error = await Assert.ThrowsAsync<DomainException>(() =>
                unit.Scope<ClaimAuditService>().DrawAsync(new DrawRequest(Bontang, status, from, to, size, false), "dinsos.kepala", unit.Audit));
            Assert.False(string.IsNullOrWhiteSpace(error.Indonesian));
        }

        await using var check = VervalKit.Open(services);
        Assert.Equal(0, await check.Db.ClaimAuditSamples.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task AProvinceWideAudit_IsOpenToTheRegencysVerifier_WhoseRechecksItHolds(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await ScenarioAsync(services);
        ClaimAuditSample? sample = null;
        await VervalKit.RunAsync(services, async unit =>
            sample = await unit.Scope<ClaimAuditService>().DrawAsync(new DrawRequest(RegionCode.From("64"), HouseholdStatus.Graduated, From, To, 3, false), "bappeda.kaltim", unit.Audit));

        // Bontang's independent verifier holds the re-checks and may open the audit; the province's region
        // contains Bontang, but a regency user's scope does not contain the province.
        Assert.All(sample!.Items, i => Assert.Equal(Independent, i.AssignedTo));
        await using var read = VervalKit.Open(services);
        var queries = read.Scope<ClaimAuditQueries>();
        Assert.NotNull(await queries.GetAsync(sample.Id, new RegionScope(Bontang)));
        Assert.Empty(await queries.ListAsync(RegionCode.From("64"), new RegionScope(Bontang)));
        Assert.Single(await queries.WaitingForAsync(Independent, new RegionScope(Bontang)), w => w.AuditId == sample.Id && w.NoKk == sample.Items[0].NoKk);
    }
}
