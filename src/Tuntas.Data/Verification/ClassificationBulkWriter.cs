using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuntas.Data.Database;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Verification;

/// <summary>
/// Writes what a classification changed on households that are not tracked (the domain ran on
/// them in memory): the household columns, guarded by the version each was read at, and the new
/// status events, as a <see cref="StatementBatch"/> instead of the change tracker: an import can
/// list tens of thousands of families at once. The families are announced to the unit of work's
/// day counts before the write.
/// </summary>
internal static class ClassificationBulkWriter
{
    private const string Update = """
        UPDATE "Households" SET "IsCandidate" = @p0, "ClassificationJson" = @p1, "ClassifiedAt" = @p2,
            "UpdatedAt" = @p3, "Version" = @p4, "Status" = @p5, "StatusSince" = @p6
        WHERE "Id" = @p7 AND "Version" = @p8
        """;

    private const string Insert = """
        INSERT INTO "HouseholdStatusEvents" ("HouseholdId", "From", "To", "EffectiveDate", "RecordedAt", "Actor", "Reason", "Source",
            "VillageCode", "DistrictCode", "RegencyCode", "ProvinceCode")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
        """;

    public static async Task WriteAsync(TuntasDbContext db, IReadOnlyList<(Household Household, int ReadVersion)> changed, CancellationToken ct)
    {
        if (changed.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk classification writes inside the import's transaction.");
        await db.CountTracker.BeforeChangeAsync(changed.Where(c => c.Household.StatusHistory.Count > 0).Select(c => c.Household.Id), ct);
        var batch = new StatementBatch(db.Database.GetDbConnection(), transaction);
        var updates = new List<(int Statement, Household Household)>();
        foreach (var (h, read) in changed)
        {
            updates.Add((batch.Count, h));
            batch.Add(Update, h.IsCandidate, h.ClassificationJson, h.ClassifiedAt, h.UpdatedAt, h.Version, h.Status.ToString(), h.StatusSince, h.Id, read);
            foreach (var e in h.StatusHistory)
            {
                batch.Add(Insert, h.Id, e.From.ToString(), e.To.ToString(), e.EffectiveDate, e.RecordedAt, e.Actor, e.Reason, e.Source,
                    e.VillageCode.Value, e.DistrictCode.Value, e.RegencyCode.Value, e.ProvinceCode.Value);
            }
        }

        var affected = await batch.ExecuteAsync(ct);
        if (updates.FirstOrDefault(u => affected[u.Statement] != 1) is { Household: { } lost })
        {
            throw new DbUpdateConcurrencyException($"KK {lost.NoKk.Value} was changed by someone else during the classification; run it again.");
        }

    }
}
