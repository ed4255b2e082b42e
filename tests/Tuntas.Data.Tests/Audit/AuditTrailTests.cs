using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Tuntas.Data.Audit;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Audit;

public class AuditTrailTests
{
    // Sub-millisecond ticks on purpose: the stored time must still hash the same when read back.
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    /// <summary>A fresh database (its chain holds the entry of the seeded criteria) with three more entries.</summary>
    private static async Task<TestDatabase> ChainAsync(TestProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();

        // Start from a chain of one entry, like an initialised register with its shipped criteria
        // (tuntas init also records the programme catalogue), so the sequence numbers below are fixed.
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"");
        await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditHead\" SET \"Sequence\" = 0, \"Hash\" = {0}", AuditEntry.GenesisHash);
        await using var audit = new AuditTrail(db, new FakeTimeProvider(Now));
        await audit.BeginAsync();
        audit.Record("sistem:init", "criteria.set", AuditSubject.Named("criteria", "1"), null, new { year = 2021, line = 322_170 });
        audit.Record("dinsos.bontang", "household.status", AuditSubject.Named("household", "6474010101200001", "64.74.01.1001"), new { status = "listed" }, new { status = "verified" });
        audit.Record("dinsos.bontang", "household.status", AuditSubject.Named("household", "6474010101200002", "64.74.01.1002"), new { status = "verified" }, new { status = "graduated" });
        audit.Record("admin", "target.set", AuditSubject.Named("target", "64.74", "64.74"), null, new { households = 0, date = new DateOnly(2025, 12, 31) });
        await audit.CommitAsync();
        return database;
    }

    private static async Task<AuditVerification> VerifyAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await AuditVerifier.VerifyAsync(db);
    }

    private static async Task SqlAsync(TestDatabase database, string sql, params object[] parameters)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(sql, parameters);
    }

    [Theory, DatabaseData]
    public async Task Commit_EntriesChainAndVerifyIntact(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);

        var result = await VerifyAsync(database);

        await using var db = database.CreateContext();
        var entries = await db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.True(result.Intact, result.FirstBreak?.Problem);
        Assert.Equal(4, result.Entries);
        Assert.Equal([1L, 2, 3, 4], entries.Select(e => e.Sequence));
        Assert.Equal(AuditEntry.GenesisHash, entries[0].PreviousHash);
        Assert.All(entries.Skip(1).Zip(entries), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.Equal(entries[^1].Hash, result.HeadHash);
        Assert.Equal(Now.UtcDateTime.AddTicks(-(Now.UtcDateTime.Ticks % TimeSpan.TicksPerMillisecond)), entries[^1].RecordedAt);
        Assert.Equal("{\"status\":\"graduated\"}", entries[2].After);
        var head = await db.Set<AuditHead>().SingleAsync();
        Assert.Equal((4L, entries[^1].Hash), (head.Sequence, head.Hash));
    }

    [Theory, DatabaseData]
    public async Task Verify_EntryEditedWithSql_ReportsThatEntryAltered(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);

        await SqlAsync(database, "UPDATE \"AuditEntries\" SET \"After\" = {0} WHERE \"Sequence\" = 3", "{\"status\":\"verified\"}");
        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBreak!.Sequence);
        Assert.Equal("entry 3 was altered: its content no longer matches its hash", result.FirstBreak.Problem);
        Assert.Equal(2, result.Entries);
    }

    [Theory, DatabaseData]
    public async Task Verify_EntryEditedWithItsHashRecomputed_BreaksTheLinkOfTheNext(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);
        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 2);
            entry.Actor = "someone.else";
            entry.Hash = entry.ComputeHash();
            await db.SaveChangesAsync();
        }

        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBreak!.Sequence);
        Assert.Contains("does not link to the entry before it", result.FirstBreak.Problem, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Verify_MiddleEntryDeleted_IsBrokenThere(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);

        await SqlAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2");
        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal("entry 2 is missing (the next one is 3)", result.FirstBreak!.Problem);
        Assert.Equal(1, result.Entries);
    }

    [Theory, DatabaseData]
    public async Task Verify_LastEntryDeleted_IsBrokenAgainstTheHead(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);

        await SqlAsync(database, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 4");
        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBreak!.Sequence);
        Assert.Equal("the chain ends at entry 3 but its head records 4: the newest entries were removed", result.FirstBreak.Problem);
    }

    [Theory, DatabaseData]
    public async Task Verify_TwoEntriesSwapped_IsBroken(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);

        // Three steps: Sequence is unique.
        await SqlAsync(database, "UPDATE \"AuditEntries\" SET \"Sequence\" = 1000 WHERE \"Sequence\" = 2");
        await SqlAsync(database, "UPDATE \"AuditEntries\" SET \"Sequence\" = 2 WHERE \"Sequence\" = 3");
        await SqlAsync(database, "UPDATE \"AuditEntries\" SET \"Sequence\" = 3 WHERE \"Sequence\" = 1000");
        var result = await VerifyAsync(database);

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBreak!.Sequence);
        Assert.Contains("does not link to the entry before it", result.FirstBreak.Problem, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Dispose_WithoutCommit_LeavesNoEntriesAndNoChanges(TestProvider provider)
    {
        await using var database = await ChainAsync(provider);

        await using (var db = database.CreateContext())
        {
            var audit = new AuditTrail(db, new FakeTimeProvider(Now));
            await using (audit)
            {
                await audit.BeginAsync();
                db.Households.Add(Families.ThreeFamilies()[0]);
                audit.Record("operator.bontangkuala", "household.create", AuditSubject.Named("household", "6474010101200001"), null, new { noKk = "6474010101200001" });

                // Written inside the unit of work's transaction, then abandoned.
                await db.SaveChangesAsync();
            }

            Assert.False(audit.InProgress);
        }

        await using var check = database.CreateContext();
        Assert.False(await check.Households.AnyAsync());
        Assert.False(await check.People.AnyAsync());
        Assert.Equal(4, await check.AuditEntries.CountAsync());
        var result = await AuditVerifier.VerifyAsync(check);
        Assert.True(result.Intact, result.FirstBreak?.Problem);
        Assert.Equal(4, result.Entries);
    }

    [Fact]
    public async Task Record_WithoutBegin_IsRefused()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using var db = database.CreateContext();
        await using var audit = new AuditTrail(db, new FakeTimeProvider(Now));

        Assert.Throws<InvalidOperationException>(() => audit.Record("admin", "x", AuditSubject.Named("x", "1")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => audit.CommitAsync());
    }
}
