using Microsoft.EntityFrameworkCore;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Common;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.ClaimAudit;

/// <summary>
/// The claim audit's use cases own their unit of work: a refused draw or finding leaves nothing
/// behind, and says why in one typed reason.
/// </summary>
public class ClaimAuditUseCaseTests
{
    private static readonly DateOnly From = new(2025, 1, 1);
    private static readonly DateOnly To = new(2025, 6, 30);

    [Theory, DatabaseData]
    public async Task ADraw_InAnUnknownRegion_IsRefused_AndLeavesNothing(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await ClaimAuditServiceTests.ScenarioAsync(services);

        await using var unit = VervalKit.Open(services);
        var drawn = await unit.Scope<DrawClaimAudit>().DrawAsync(
            new DrawRequest(RegionCode.From("64.99"), HouseholdStatus.Graduated, From, To, 3, false), "dinsos.kepala");

        var refused = Assert.IsType<WriteError.RuleBroken>(drawn.Error);
        Assert.Equal("Region 64.99 is not in the Kemendagri list.", refused.English);
        Assert.False(await unit.Db.ClaimAuditSamples.AnyAsync());
        Assert.False(await unit.Db.AuditEntries.AnyAsync(e => e.Action == "claim-audit.draw"));
    }

    [Theory, DatabaseData]
    public async Task AFinding_NeedsAHouseholdOfTheSample_AndAVerifierOfItsRegion(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await ClaimAuditServiceTests.ScenarioAsync(services);

        long auditId;
        string noKk;
        await using (var unit = VervalKit.Open(services))
        {
            var drawn = await unit.Scope<DrawClaimAudit>().DrawAsync(
                new DrawRequest(RegionCode.From("64.74"), HouseholdStatus.Graduated, From, To, 3, false), "dinsos.kepala");
            Assert.True(drawn.Succeeded, drawn.Error?.English);
            (auditId, noKk) = (drawn.Value!.Id, drawn.Value.Items[0].NoKk);
        }

        await using (var unit = VervalKit.Open(services))
        {
            var record = unit.Scope<RecordClaimAuditFinding>();
            Assert.IsType<WriteError.NotFound>((await record.RecordAsync(auditId, "0000000000000000", null, RecheckFinding.Confirmed, null, VervalKit.Today, ClaimAuditServiceTests.Independent)).Error);
            Assert.IsType<WriteError.NotFound>((await record.RecordAsync(auditId + 1, noKk, null, RecheckFinding.Confirmed, null, VervalKit.Today, ClaimAuditServiceTests.Independent)).Error);
            Assert.IsType<WriteError.NotAllowed>((await record.RecordAsync(auditId, noKk, null, RecheckFinding.Confirmed, null, VervalKit.Today, "dinsos.kutim")).Error);
            Assert.IsType<WriteError.NotAllowed>((await record.RecordAsync(auditId, noKk, null, RecheckFinding.Confirmed, null, VervalKit.Today, "nobody")).Error);

            // The verifier who approved the original visits is refused by the rule, and nothing is kept.
            var insider = await record.RecordAsync(auditId, noKk, null, RecheckFinding.Confirmed, null, VervalKit.Today, VervalKit.Reviewer);
            Assert.IsType<WriteError.RuleBroken>(insider.Error);
            Assert.False(await unit.Db.AuditEntries.AnyAsync(e => e.Action == "claim-audit.finding"));

            var recorded = await record.RecordAsync(auditId, noKk, null, RecheckFinding.Confirmed, null, VervalKit.Today, ClaimAuditServiceTests.Independent);
            Assert.True(recorded.Succeeded, recorded.Error?.English);
            Assert.Equal(RecheckFinding.Confirmed, recorded.Value!.Finding);
        }

        await using var read = VervalKit.Open(services);
        Assert.Equal(1, await read.Db.AuditEntries.CountAsync(e => e.Action == "claim-audit.finding"));
    }
}
