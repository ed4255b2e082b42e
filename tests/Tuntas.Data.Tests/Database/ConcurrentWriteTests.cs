using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Database;

/// <summary>Two writers at once: on SQLite the second waits for the first instead of failing with SQLITE_BUSY.</summary>
public class ConcurrentWriteTests
{
    private static Target TargetOn(int day) =>
        new(RegionCode.From("64.74"), new DateOnly(2030, 1, day), 0, "admin", Families.Now);

    [Theory, DatabaseData]
    public async Task TwoContextsWritingAtOnce_BothSucceed_TheSecondWaitsForTheFirst(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();

        // The first writer holds the write lock for a while inside its transaction.
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Targets.Add(TargetOn(1));
        await first.SaveChangesAsync();

        var clock = Stopwatch.StartNew();
        var secondWrite = Task.Run(async () =>
        {
            second.Targets.Add(TargetOn(2));
            await second.SaveChangesAsync();
            return clock.Elapsed;
        });
        await Task.Delay(1500);
        // SQLite has one writer at a time: the second waits. PostgreSQL locks rows, not the
        // database, so there the second insert goes straight through.
        Assert.Equal(provider == TestProvider.Postgres, secondWrite.IsCompleted);
        await transaction.CommitAsync();
        var waited = await secondWrite;

        Assert.InRange(waited, provider == TestProvider.Sqlite ? TimeSpan.FromSeconds(1.4) : TimeSpan.Zero, TimeSpan.FromSeconds(20));
        await using var check = database.CreateContext();
        Assert.Equal([1, 2], (await check.Targets.Select(t => t.Date).ToListAsync()).Select(d => d.Day).Order());
    }

    [Fact]
    public async Task EverySqliteConnection_HasTheBusyTimeoutAndForeignKeysOn()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync();

        async Task<long> PragmaAsync(string name)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {name};";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        var busy = await PragmaAsync("busy_timeout");
        var foreignKeys = await PragmaAsync("foreign_keys");

        Assert.Equal((30_000L, 1L), (busy, foreignKeys));
    }
}
