using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>What a classification run did.</summary>
public sealed record ClassificationSummary(int Households, int Candidates, int Changed, int Listed);

/// <summary>
/// Applies the configured criteria to households, keeps the explanation on each, and moves new
/// candidates into the caseload as <c>listed</c> (registered households, and graduated ones that
/// qualify again). A listed or verified household that no longer qualifies stays where it is until a
/// field visit decides; an excluded one re-enters only through an usul.
/// </summary>
public sealed class ClassificationService(TuntasDbContext db, TimeProvider time)
{
    private const int Chunk = 2000;

    private List<PovertyCriteria>? _criteria;

    /// <summary>The criteria, read once per unit of work (a scope).</summary>
    private async Task<List<PovertyCriteria>> CriteriaAsync(CancellationToken ct) =>
        _criteria ??= await db.Criteria.AsNoTracking().ToListAsync(ct);

    /// <summary>
    /// Classifies the households the query selects, inside an open audited unit of work. With
    /// <paramref name="bulk"/> (the import, whose context tracks no households) the domain runs on
    /// untracked households, each chunk is written by <see cref="ClassificationBulkWriter"/> and its
    /// audit entries flushed, so time and memory stay flat for large files.
    /// </summary>
    public async Task<ClassificationSummary> ClassifyAsync(IQueryable<Household> which, DateOnly at, string actor, AuditTrail audit, CancellationToken ct = default, bool bulk = false)
    {
        var criteria = await CriteriaAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = Domain.Regions.RegionClock.DayAt(now);
        int households = 0, candidates = 0, changed = 0, listed = 0;
        long lastId = 0;
        while (true)
        {
            // Read only what the rules need; load (and write) only the households whose result is a
            // candidate or differs from what is stored. A household that is not a candidate and never
            // was keeps no stored explanation: its page computes one with the criteria of the day.
            var chunk = await which.AsNoTracking().Where(h => h.Id > lastId).OrderBy(h => h.Id).Take(Chunk)
                .Select(h => new { h.Id, h.VillageCode, h.SpendingPerCapita, h.Desil, h.DesilSource, h.DesilPeriod, h.Indicators, h.NoShelter, h.AssessedOn, h.IsCandidate, Stored = h.ClassificationJson != null })
                .ToListAsync(ct);
            if (chunk.Count == 0)
            {
                break;
            }

            // The desil in force on the day classified: the latest version not after it. A family
            // without any dated desil keeps the one on its record (data from before the history).
            var chunkIds = chunk.Select(h => h.Id).ToList();
            var desils = (await db.HouseholdDesils.AsNoTracking().Where(d => chunkIds.Contains(d.HouseholdId)).ToListAsync(ct))
                .GroupBy(d => d.HouseholdId).ToDictionary(g => g.Key, g => DesilHistory.InForce(g, at));

            var results = new Dictionary<long, Classification>();
            foreach (var h in chunk)
            {
                households++;
                var facts = desils.TryGetValue(h.Id, out var inForce)
                    ? new WelfareFacts(h.SpendingPerCapita, inForce?.Desil, inForce?.Source, inForce?.Period, h.Indicators, h.NoShelter, h.AssessedOn)
                    : new WelfareFacts(h.SpendingPerCapita, h.Desil, h.DesilSource, h.DesilPeriod, h.Indicators, h.NoShelter, h.AssessedOn);
                var result = Classifier.Classify(facts, PovertyCriteria.Select(criteria, h.VillageCode, at), at);
                candidates += result.IsCandidate ? 1 : 0;
                if (result.IsCandidate || h.IsCandidate || h.Stored)
                {
                    results[h.Id] = result;
                }
            }

            var ids = results.Keys.ToList();
            var source = bulk ? db.Households.AsNoTracking() : db.Households;
            var written = new List<(Household, int)>();
            foreach (var household in ids.Count == 0 ? [] : await source.Where(h => ids.Contains(h.Id)).ToListAsync(ct))
            {
                var result = results[household.Id];
                written.Add((household, household.Version));
                changed += household.ApplyClassification(result, now) ? 1 : 0;
                if (result.IsCandidate && household.Status is HouseholdStatus.Registered or HouseholdStatus.Graduated)
                {
                    var effective = household.StatusSince is { } since && since > at ? since : at;
                    StatusChanges.Apply(household, new StatusChange(HouseholdStatus.Listed, effective > today ? today : effective, actor, Reason(result), "classification"), audit, today, now);
                    listed++;
                }
            }

            if (bulk)
            {
                await ClassificationBulkWriter.WriteAsync(db, written, ct);
                await audit.FlushAsync(ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }

            lastId = chunk[^1].Id;
        }

        audit.Record(actor, "classification.run", AuditSubject.Named("classification", at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), null,
            new { at, households, candidates, changed, listed });
        return new ClassificationSummary(households, candidates, changed, listed);
    }

    /// <summary>Classifies one household against the criteria of a day (loaded once by the caller).</summary>
    public static Classification Classify(Household household, IReadOnlyList<PovertyCriteria> criteria, DateOnly at) =>
        Classifier.Classify(household.Facts, PovertyCriteria.Select(criteria, household.VillageCode, at), at);

    public async Task<Classification> ClassifyOneAsync(Household household, DateOnly at, CancellationToken ct = default)
    {
        var criteria = await CriteriaAsync(ct);
        return Classify(household, criteria, at);
    }

    private static string Reason(Classification c)
    {
        var met = c.Rules.Where(r => r.Met).Select(r => r.Rule switch
        {
            "spending" => $"pengeluaran per kapita di bawah garis {c.CriteriaYear}",
            "desil" => "desil 1",
            "no_shelter" => "tidak punya tempat tinggal",
            "indicators" => $"{r.Value} dari 8 indikator",
            _ => r.Rule,
        });
        return "Memenuhi kriteria miskin ekstrem: " + string.Join(", ", met) + ".";
    }
}
