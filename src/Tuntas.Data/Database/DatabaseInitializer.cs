using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Regions;
using Tuntas.Domain.Verification;

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
            throw new InvalidOperationException(
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
        await SeedCriteriaAsync(db, ct);
        await SeedProgrammesAsync(db, ct);
        await SeedNeedRulesAsync(db, ct);

        // A database made before the day counts existed, or whose counts have an older layout of
        // measures (or restored from such a copy), gets them now.
        if (!await Monitoring.DayCountStore.BuiltAsync(db, ct))
        {
            await Monitoring.DayCountStore.RebuildAsync(db, Interventions.InterventionOptions.FromEnvironment().Window, ct: ct);
        }

        return new InitResult(database.Display, pending, regions);
    }

    /// <summary>The shipped default line (2021, Rp322.170) when no criteria are configured yet.</summary>
    private static async Task SeedCriteriaAsync(TuntasDbContext db, CancellationToken ct)
    {
        if (await db.Criteria.AnyAsync(ct))
        {
            return;
        }

        await using var audit = new AuditTrail(db, TimeProvider.System);
        await audit.BeginAsync(ct);
        var criteria = PovertyCriteria.Default2021(TimeProvider.System.GetUtcNow().UtcDateTime);
        db.Criteria.Add(criteria);
        audit.Record("sistem:init", "criteria.set", AuditSubject.Of(criteria), null, new
        {
            criteria.Year,
            criteria.LinePerCapita,
            criteria.LineSource,
            criteria.DesilMax,
            criteria.IndicatorThreshold,
        });
        await audit.CommitAsync(ct);
    }

    /// <summary>The shipped programme catalogue when there is none yet.</summary>
    private static async Task SeedProgrammesAsync(TuntasDbContext db, CancellationToken ct)
    {
        if (await db.Programmes.AnyAsync(ct))
        {
            return;
        }

        await using var audit = new AuditTrail(db, TimeProvider.System);
        await audit.BeginAsync(ct);
        foreach (var programme in Tuntas.Domain.Interventions.Programme.Seed(TimeProvider.System.GetUtcNow().UtcDateTime))
        {
            db.Programmes.Add(programme);
            audit.Record("sistem:init", "programme.set", AuditSubject.Of(programme), null, new
            {
                programme.Code,
                programme.Name,
                programme.OwnerAgency,
                strategy = programme.Strategy,
                unit = programme.Unit,
                programme.TypicalValue,
                programme.PovertyTargeted,
            });
        }

        await audit.CommitAsync(ct);
    }

    /// <summary>The shipped needs rules when there are none yet.</summary>
    private static async Task SeedNeedRulesAsync(TuntasDbContext db, CancellationToken ct)
    {
        if (await db.NeedRules.AnyAsync(ct))
        {
            return;
        }

        await using var audit = new AuditTrail(db, TimeProvider.System);
        await audit.BeginAsync(ct);
        foreach (var rule in Tuntas.Domain.Interventions.NeedRule.Seed(TimeProvider.System.GetUtcNow().UtcDateTime))
        {
            db.NeedRules.Add(rule);
            audit.Record("sistem:init", "need-rule.set", AuditSubject.Named("need-rule", rule.Code), null, new
            {
                rule.Code,
                rule.Name,
                rule.Programmes,
                subject = rule.Subject,
                rule.Fact,
                op = rule.Operator,
                rule.Values,
                rule.MinAge,
                rule.MaxAge,
            });
        }

        await audit.CommitAsync(ct);
    }
}
