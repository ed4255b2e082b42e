using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>
/// The reference table of poverty lines: the shipped lines at <c>tuntas init</c> and an
/// administrator's correction of a figure. One writer of lines and of their audit entry.
/// </summary>
public sealed class ChangePovertyLines(UnitOfWork work) : IUseCase
{
    /// <summary>
    /// Adds every shipped line value (code and year) the table does not hold yet. A value already
    /// there is never overwritten, whoever wrote it, so an administrator's correction survives every
    /// later <c>tuntas init</c>. Running it again adds nothing.
    /// </summary>
    public async Task<WriteResult<Done>> SeedAsync(CancellationToken ct = default)
    {
        var held = (await work.Db.PovertyLines.AsNoTracking().Select(l => new { l.Code, l.Year }).ToListAsync(ct))
            .Select(l => (l.Code, l.Year))
            .ToHashSet();
        var missing = PovertyLine.Shipped(work.Clock.UtcNow, Seeding.Actor).Where(l => !held.Contains((l.Code, l.Year))).ToList();
        if (missing.Count == 0)
        {
            return WriteResult<Done>.Ok(Done.Value);
        }

        return await work.RunAsync(_ =>
        {
            foreach (var line in missing)
            {
                work.Db.PovertyLines.Add(line);
                work.Audit.Record(Seeding.Actor, "povertyline.set", AuditSubject.Named("povertyline", $"{line.Code}/{line.Year}"), null, Snapshot(line));
            }

            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Corrects (or adds) the value of a line for a year; a new code needs its basis.</summary>
    public Task<WriteResult<PovertyLine>> SetAsync(string code, int year, long linePerCapita, string source, string? basis, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<PovertyLine>(async c =>
        {
            var key = code.Trim().ToLowerInvariant();
            var line = await work.Db.PovertyLines.SingleOrDefaultAsync(l => l.Code == key && l.Year == year, c);
            object? before = null;
            if (line is null)
            {
                var sibling = await work.Db.PovertyLines.AsNoTracking().Where(l => l.Code == key).OrderByDescending(l => l.Year).FirstOrDefaultAsync(c);
                if ((basis ?? sibling?.Basis) is not { } b)
                {
                    return new WriteError.NotFound($"Poverty line {key}");
                }

                line = new PovertyLine(key, year, b, linePerCapita, source, sibling?.Official ?? false, null, work.Clock.UtcNow, actor);
                work.Db.PovertyLines.Add(line);
            }
            else
            {
                before = Snapshot(line);
                line.Change(linePerCapita, source, null, work.Clock.UtcNow, actor);
            }

            work.Audit.Record(actor, "povertyline.set", AuditSubject.Named("povertyline", $"{line.Code}/{line.Year}"), before, Snapshot(line));
            return WriteResult<PovertyLine>.Ok(line);
        }, ct);

    private static object Snapshot(PovertyLine l) => new { l.Code, l.Year, l.Basis, l.LinePerCapita, l.Source, l.Computation, l.Official };
}
