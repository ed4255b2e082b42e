using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Regions;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Database;

/// <summary>What <c>tuntas init</c> did.</summary>
public sealed record InitResult(string Database, IReadOnlyList<string> MigrationsApplied, RegionLoadResult Regions);

/// <summary>Creates or upgrades the schema and loads the Kemendagri regions. Safe to run again.</summary>
public static class DatabaseInitializer
{
    public static async Task<InitResult> InitializeAsync(DatabaseUri database, CancellationToken ct = default)
    {
        await using var db = TuntasDatabase.CreateContext(database);
        var unknown = (await db.Database.GetAppliedMigrationsAsync(ct)).Except(db.Database.GetMigrations()).ToList();
        if (unknown.Count > 0)
        {
            // The schema history before the first release was folded into one initial migration; a
            // database made by a build from before that cannot be upgraded in place.
            throw new UnusableDatabaseException(
                $"The database {database.Display} was made by a development build of Tuntas before its first release (schema step {unknown[0]}); " +
                "it cannot be upgraded. Move it aside and run `tuntas init` (or `tuntas serve --demo`) to make a new one.");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while an operator's change is written; the mode is stored in
            // the file, so setting it once at init is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var regions = await RegionLoader.LoadAsync(db, RegionCatalog.ReadAll(), ct);
        await SeedAsync(db, ct);

        // A database made before the day counts existed, or whose counts have an older layout of
        // measures (or restored from such a copy), gets them now.
        if (!await Monitoring.DayCountStore.BuiltAsync(db, ct))
        {
            await Monitoring.DayCountStore.RebuildAsync(db, Interventions.InterventionOptions.FromEnvironment().Window, ct: ct);
        }

        return new InitResult(database.Display, pending, regions);
    }

    /// <summary>
    /// What a new database is given, written by the same use cases as an administrator's changes:
    /// the default criteria line, the programme catalogue and the needs rules, each only when none exist.
    /// </summary>
    private static async Task SeedAsync(TuntasDbContext db, CancellationToken ct)
    {
        var work = new UnitOfWork(db, new AuditTrail(db, TimeProvider.System), RegionClock.System);
        foreach (var seed in new Func<CancellationToken, Task<WriteResult<Done>>>[]
        {
            new Verification.ChangePovertyLines(work).SeedAsync,
            new Verification.ChangeCriteria(work).SeedAsync,
            new Interventions.ChangeProgrammes(work).SeedAsync,
            new Interventions.ChangeNeedRules(work).SeedAsync,
        })
        {
            if ((await seed(ct)).Error is { } error)
            {
                throw new InvalidOperationException("The shipped configuration could not be stored: " + error.English);
            }
        }
    }
}

/// <summary>A database this build cannot use as it is; the message says what to do instead. Nothing was written.</summary>
public sealed class UnusableDatabaseException(string message) : InvalidOperationException(message);
