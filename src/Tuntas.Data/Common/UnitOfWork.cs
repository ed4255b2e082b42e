using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Common;

/// <summary>Marks a use case: one class per write, which owns its unit of work through <see cref="UnitOfWork"/>. Registered by <c>AddTuntas</c>.</summary>
public interface IUseCase;

/// <summary>
/// The one owner of a write's unit of work, used by every use case: it opens the transaction and
/// takes the audit chain's lock, runs the domain work, saves, brings the day counts up to date for
/// every household the work touched (<see cref="Monitoring.DayCountTracker"/>), appends the audit
/// entries and commits; or, on a broken rule or a concurrent change, rolls everything back, forgets
/// what the work left in memory and returns the typed reason. The only other transactions are
/// those of whole-table jobs that own their work: the household import's bulk path, the region
/// loader of <c>tuntas init</c> and a rebuild of the day counts.
/// </summary>
public sealed class UnitOfWork(TuntasDbContext db, AuditTrail audit, RegionClock clock)
{
    public TuntasDbContext Db => db;

    public AuditTrail Audit => audit;

    public RegionClock Clock => clock;

    /// <summary>
    /// Runs <paramref name="work"/> as one committed, audited unit of work; a work that returns a
    /// refusal (not found, not allowed) is rolled back like a broken rule.
    /// </summary>
    public Task<WriteResult<T>> RunOrRefuseAsync<T>(Func<CancellationToken, Task<WriteResult<T>>> work, CancellationToken ct = default) =>
        RunCoreAsync(work, keep: true, ct);

    /// <summary>
    /// A dry run: <paramref name="work"/> runs exactly as it would (same transaction, same rules) and
    /// its value is returned, but everything it wrote is rolled back.
    /// </summary>
    public Task<WriteResult<T>> TryOutAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        RunCoreAsync(async c => WriteResult<T>.Ok(await work(c)), keep: false, ct);

    private async Task<WriteResult<T>> RunCoreAsync<T>(Func<CancellationToken, Task<WriteResult<T>>> work, bool keep, CancellationToken ct)
    {
        var committed = false;
        try
        {
            await audit.BeginAsync(ct);
            var result = await work(ct);
            if (!result.Succeeded || !keep)
            {
                return result;
            }

            await audit.CommitAsync(ct);
            committed = true;
            return result;
        }
        catch (DomainException e)
        {
            return new WriteError.RuleBroken(e);
        }
        catch (DbUpdateConcurrencyException e)
        {
            return new WriteError.Conflict(e.Message);
        }
        finally
        {
            await audit.DisposeAsync();
            if (!committed)
            {
                // What refused (or tried-out) work changed in memory is not what is stored.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> as one committed, audited unit of work.</summary>
    public Task<WriteResult<T>> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        RunOrRefuseAsync(async c => WriteResult<T>.Ok(await work(c)), ct);

    /// <summary>Runs <paramref name="work"/> as one committed, audited unit of work.</summary>
    public Task<WriteResult<Done>> RunAsync(Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        RunOrRefuseAsync(async c =>
        {
            await work(c);
            return WriteResult<Done>.Ok(Done.Value);
        }, ct);
}
