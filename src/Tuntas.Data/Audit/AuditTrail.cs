using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuntas.Data.Database;

namespace Tuntas.Data.Audit;

/// <summary>
/// An audited unit of work. <see cref="BeginAsync"/> opens a transaction (or joins the one in
/// progress) and takes the chain's lock; every change is then <see cref="Record">recorded</see>;
/// <see cref="CommitAsync"/> saves the changes, appends their entries to the chain and commits, all
/// at once. Disposing without committing rolls everything back, entries included.
/// </summary>
public sealed class AuditTrail(TuntasDbContext db, TimeProvider time) : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly List<Pending> _pending = [];
    private IDbContextTransaction? _ownTransaction;

    /// <summary>Whether a unit of work is open.</summary>
    public bool InProgress { get; private set; }

    public async Task BeginAsync(CancellationToken ct = default)
    {
        if (InProgress)
        {
            throw new InvalidOperationException("An audited unit of work is already open.");
        }

        if (db.Database.CurrentTransaction is null)
        {
            _ownTransaction = await db.Database.BeginTransactionAsync(ct);
        }

        // Writers queue here: the head row's lock on PostgreSQL, the write lock on SQLite.
        var touched = await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditHead\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1", ct);
        if (touched == 0)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"AuditHead\" (\"Id\", \"Sequence\", \"Hash\") VALUES (1, 0, {0})", [AuditEntry.GenesisHash], ct);
        }

        InProgress = true;
    }

    /// <summary>Records one change. <paramref name="before"/> and <paramref name="after"/> are snapshots, serialized now.</summary>
    public void Record(string actor, string action, AuditSubject subject, object? before = null, object? after = null)
    {
        if (!InProgress)
        {
            throw new InvalidOperationException("Begin the audited unit of work before recording a change.");
        }

        _pending.Add(new Pending(actor, action, subject, Serialize(before), Serialize(after), AuditEntry.ToStoredPrecision(time.GetUtcNow().UtcDateTime)));
    }

    /// <summary>Saves the changes, appends the recorded entries to the chain, and commits.</summary>
    public async Task CommitAsync(CancellationToken ct = default)
    {
        if (!InProgress)
        {
            throw new InvalidOperationException("No audited unit of work is open.");
        }

        await db.SaveChangesAsync(ct);
        await db.CountTracker.ApplyAsync(ct);
        await FlushAsync(ct);
        if (_ownTransaction is not null)
        {
            await _ownTransaction.CommitAsync(ct);
            await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }

        InProgress = false;
    }

    /// <summary>
    /// Appends the entries recorded so far to the chain (in the open transaction) and keeps the unit
    /// of work open: long runs flush as they go, so memory does not grow with their size. The records
    /// the entries name must have their keys by then.
    /// </summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        if (!InProgress)
        {
            throw new InvalidOperationException("No audited unit of work is open.");
        }

        if (_pending.Count == 0)
        {
            return;
        }

        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == AuditHead.SingletonId, ct);
        var (sequence, hash) = (head.Sequence, head.Hash);
        const string Insert = """
            INSERT INTO "AuditEntries" ("Sequence", "RecordedAt", "Actor", "Action", "EntityType", "EntityKey", "HouseholdId", "Region", "Before", "After", "PreviousHash", "Hash")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
            """;
        var batch = new StatementBatch(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var p in _pending)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                RecordedAt = p.RecordedAt,
                Actor = p.Actor,
                Action = p.Action,
                EntityType = p.Subject.Type,
                EntityKey = p.Subject.Key(),
                HouseholdId = p.Subject.HouseholdId(),
                Region = p.Subject.Region(),
                Before = p.Before,
                After = p.After,
                PreviousHash = hash,
                Hash = "",
            };
            entry.Hash = hash = entry.ComputeHash();
            batch.Add(Insert, entry.Sequence, entry.RecordedAt, entry.Actor, entry.Action, entry.EntityType, entry.EntityKey, entry.HouseholdId, entry.Region, entry.Before, entry.After, entry.PreviousHash, entry.Hash);
            if (batch.Count == 1000)
            {
                await batch.ExecuteAsync(ct);
            }
        }

        await batch.ExecuteAsync(ct);
        await db.Set<AuditHead>().Where(h => h.Id == AuditHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, sequence).SetProperty(h => h.Hash, hash), ct);
        _pending.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Clear();
        if (InProgress)
        {
            // Not committed: what was announced to the day counts did not happen.
            db.CountTracker.Reset();
        }

        InProgress = false;
        if (_ownTransaction is not null)
        {
            // Not committed: roll back the changes and their entries together.
            await _ownTransaction.DisposeAsync();
            _ownTransaction = null;
        }
    }

    /// <summary>Runs <paramref name="work"/> as one audited unit of work and commits it.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken ct = default)
    {
        await BeginAsync(ct);
        try
        {
            var result = await work();
            await CommitAsync(ct);
            return result;
        }
        finally
        {
            await DisposeAsync();
        }
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, Json),
    };

    private sealed record Pending(string Actor, string Action, AuditSubject Subject, string? Before, string? After, DateTime RecordedAt);
}
