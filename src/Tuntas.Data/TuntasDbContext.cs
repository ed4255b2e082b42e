using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Import;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data;

/// <summary>
/// The one EF Core model of Tuntas. Each database has a subclass
/// (<see cref="SqliteTuntasDbContext"/>, <see cref="PostgresTuntasDbContext"/>) only so that its
/// migrations live in their own folder; the model itself is the same.
/// </summary>
public abstract class TuntasDbContext(DbContextOptions options) : IdentityDbContext<TuntasUser>(options), IDataProtectionKeyContext
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<PersonalDataView> PersonalDataViews => Set<PersonalDataView>();

    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();

    public DbSet<ImportRejectedRow> ImportRejectedRows => Set<ImportRejectedRow>();

    public DbSet<HouseholdChange> HouseholdChanges => Set<HouseholdChange>();

    public DbSet<HouseholdStatusEvent> StatusEvents => Set<HouseholdStatusEvent>();

    /// <summary>The residence history: each move of a family to another village.</summary>
    public DbSet<HouseholdMove> Moves => Set<HouseholdMove>();

    public DbSet<PovertyCriteria> Criteria => Set<PovertyCriteria>();

    public DbSet<PovertyLine> PovertyLines => Set<PovertyLine>();

    public DbSet<VervalRound> Rounds => Set<VervalRound>();

    public DbSet<VisitTask> Tasks => Set<VisitTask>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitEvidence> Evidence => Set<VisitEvidence>();

    public DbSet<VillageMeeting> Meetings => Set<VillageMeeting>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Tuntas.Domain.UpdateCycles.UpdateCycle> UpdateCycles => Set<Tuntas.Domain.UpdateCycles.UpdateCycle>();

    public DbSet<Tuntas.Domain.UpdateCycles.CycleVillage> CycleVillages => Set<Tuntas.Domain.UpdateCycles.CycleVillage>();

    public DbSet<Tuntas.Domain.UpdateCycles.CycleProposal> CycleProposals => Set<Tuntas.Domain.UpdateCycles.CycleProposal>();

    public DbSet<Tuntas.Domain.UpdateCycles.CycleGroundcheck> CycleGroundchecks => Set<Tuntas.Domain.UpdateCycles.CycleGroundcheck>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<PopulationCount> Population => Set<PopulationCount>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<NeedRule> NeedRules => Set<NeedRule>();

    public DbSet<Interventions.RecipientImport> RecipientImports => Set<Interventions.RecipientImport>();

    public DbSet<Interventions.RecipientRejectedRow> RecipientRejectedRows => Set<Interventions.RecipientRejectedRow>();

    public DbSet<Interventions.UnmatchedRecipient> UnmatchedRecipients => Set<Interventions.UnmatchedRecipient>();

    public DbSet<Reports.ImportedReport> ImportedReports => Set<Reports.ImportedReport>();

    public DbSet<Tuntas.Domain.ClaimAudit.ClaimAuditSample> ClaimAuditSamples => Set<Tuntas.Domain.ClaimAudit.ClaimAuditSample>();

    public DbSet<Tuntas.Domain.ClaimAudit.ClaimAuditItem> ClaimAuditItems => Set<Tuntas.Domain.ClaimAudit.ClaimAuditItem>();

    /// <summary>The maintained day counts behind the headline figures (see <see cref="Monitoring.DayCountStore"/>).</summary>
    public DbSet<Monitoring.RegionDayCount> DayCounts => Set<Monitoring.RegionDayCount>();

    public DbSet<Monitoring.DayCountState> DayCountStates => Set<Monitoring.DayCountState>();

    /// <summary>Every family's desil as dated facts with their source (the desil history).</summary>
    public DbSet<HouseholdDesil> HouseholdDesils => Set<HouseholdDesil>();

    public DbSet<Desil.DesilImport> DesilImports => Set<Desil.DesilImport>();

    public DbSet<Desil.DesilRejectedRow> DesilRejectedRows => Set<Desil.DesilRejectedRow>();

    /// <summary>Families a desil ranking holds and the register does not: Dinas Sosial's follow-up list.</summary>
    public DbSet<Desil.DesilFollowUp> DesilFollowUps => Set<Desil.DesilFollowUp>();

    /// <summary>The keys that protect sign-in cookies and antiforgery tokens, kept with the data so a restart signs nobody out.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The day counts' follower for this context's units of work (see <see cref="Monitoring.DayCountTracker"/>).</summary>
    public Monitoring.DayCountTracker CountTracker => _countTracker ??= new Monitoring.DayCountTracker(this);

    private Monitoring.DayCountTracker? _countTracker;

    /// <summary>
    /// Saves. A save that touches status changes, members or deliveries announces the households to
    /// <see cref="CountTracker"/> first; inside a unit of work the day counts then follow at its
    /// commit, and a save outside one is a unit of work of its own (its own transaction, the counts
    /// brought up to date before it commits).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var before = Monitoring.DayCountStore.Touched(ChangeTracker, out var entries);
        if (entries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await CountTracker.BeforeChangeAsync(before, cancellationToken);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            CountTracker.Created(Monitoring.DayCountStore.Saved(entries));
            if (own is not null)
            {
                await CountTracker.ApplyAsync(cancellationToken);
                await own.CommitAsync(cancellationToken);
            }

            return saved;
        }
        catch
        {
            if (own is not null)
            {
                CountTracker.Reset();
            }

            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TuntasDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Value types are stored as their canonical text: dotted region codes, 16-digit numbers.
        configurationBuilder.Properties<RegionCode>().HaveConversion<RegionCodeConverter>().HaveMaxLength(13);
        configurationBuilder.Properties<Nik>().HaveConversion<NikConverter>().HaveMaxLength(16);
        configurationBuilder.Properties<NomorKk>().HaveConversion<NomorKkConverter>().HaveMaxLength(16);

        // Times are UTC everywhere; SQLite hands them back without a kind, so mark them.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class RegionCodeConverter() : ValueConverter<RegionCode, string>(v => v.Value, s => RegionCode.From(s));

    private sealed class NikConverter() : ValueConverter<Nik, string>(v => v.Value, s => Nik.From(s));

    private sealed class NomorKkConverter() : ValueConverter<NomorKk, string>(v => v.Value, s => NomorKk.From(s));

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>The model on SQLite, the embedded default. Migrations in <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteTuntasDbContext(DbContextOptions<SqliteTuntasDbContext> options) : TuntasDbContext(options);

/// <summary>The model on PostgreSQL. Migrations in <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresTuntasDbContext(DbContextOptions<PostgresTuntasDbContext> options) : TuntasDbContext(options);
