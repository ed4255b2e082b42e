using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>A visit's position as the review map shows it.</summary>
public sealed record VisitPoint(long VisitId, long HouseholdId, string NoKk, DateOnly VisitedOn, double Latitude, double Longitude)
{
    public GeoPoint Point => new(Latitude, Longitude);
}

/// <summary>What the review page sets beside a visit: the visit it is compared with, the marks, and the points of the map.</summary>
public sealed record VisitComparison(Visit? Previous, VisitMarkReport Marks, IReadOnlyList<VisitPoint> HouseholdPoints, IReadOnlyList<VisitPoint> VillagePoints);

/// <summary>
/// Reads what the reviewer's marks (<see cref="VisitMarks"/>) are computed from. The marks are derived,
/// never stored: the previous visit, the form's opening time and the desa's other positions are all kept.
/// </summary>
public sealed class VisitMarkQueries(TuntasDbContext db, VisitMarkSettings settings)
{
    public VisitMarkSettings Settings => settings;

    /// <summary>For one visit of a household living in <paramref name="village"/>: the comparison and the map's points.</summary>
    public async Task<VisitComparison> CompareAsync(Visit visit, RegionCode village, CancellationToken ct)
    {
        var ofHousehold = await db.Visits.AsNoTracking().Where(v => v.HouseholdId == visit.HouseholdId && v.Id != visit.Id).ToListAsync(ct);
        var previous = VisitMarks.Previous(ofHousehold, v => (v.Id, v.SubmittedAt, v.Review == ReviewState.Returned), visit.Id);
        var points = (await PointsInAsync([village], ct)).Select(p => p.Point).ToList();
        var others = points.Where(p => p.VisitId != visit.Id).ToList();
        var marks = VisitMarks.Evaluate(
            VisitAnswers.Of(visit), previous is null ? null : VisitAnswers.Of(previous), visit.FormOpenedAt, visit.SubmittedAt,
            GeoPoint.Of(visit.Latitude, visit.Longitude), others.Select(p => p.Point).ToList(), settings);
        return new VisitComparison(
            previous,
            marks,
            others.Where(p => p.HouseholdId == visit.HouseholdId).OrderBy(p => p.VisitedOn).ToList(),
            others.Where(p => p.HouseholdId != visit.HouseholdId).OrderBy(p => p.VisitedOn).ToList());
    }

    /// <summary>The marks of several visits (the review queue), by visit id.</summary>
    public async Task<IReadOnlyDictionary<long, VisitMarkReport>> MarksAsync(IReadOnlyCollection<long> visitIds, CancellationToken ct)
    {
        if (visitIds.Count == 0)
        {
            return new Dictionary<long, VisitMarkReport>();
        }

        var ids = visitIds.ToList();
        var rows = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.Id))
            .Join(db.Households, v => v.HouseholdId, h => h.Id, (v, h) => new { Visit = v, h.VillageCode })
            .ToListAsync(ct);
        var households = rows.Select(r => r.Visit.HouseholdId).Distinct().ToList();
        var ofHouseholds = (await db.Visits.AsNoTracking().Where(v => households.Contains(v.HouseholdId)).ToListAsync(ct)).ToLookup(v => v.HouseholdId);
        var points = (await PointsInAsync(rows.Select(r => r.VillageCode).Distinct().ToList(), ct)).ToLookup(p => p.Village);
        var marks = new Dictionary<long, VisitMarkReport>();
        foreach (var (visit, village) in rows.Select(r => (r.Visit, r.VillageCode)))
        {
            var previous = VisitMarks.Previous(ofHouseholds[visit.HouseholdId], v => (v.Id, v.SubmittedAt, v.Review == ReviewState.Returned), visit.Id);
            marks[visit.Id] = VisitMarks.Evaluate(
                VisitAnswers.Of(visit), previous is null ? null : VisitAnswers.Of(previous), visit.FormOpenedAt, visit.SubmittedAt,
                GeoPoint.Of(visit.Latitude, visit.Longitude), points[village].Where(p => p.Point.VisitId != visit.Id).Select(p => p.Point.Point).ToList(), settings);
        }

        return marks;
    }

    /// <summary>Every visit with a position of the households living in the given desa/kelurahan.</summary>
    private async Task<List<(RegionCode Village, VisitPoint Point)>> PointsInAsync(IReadOnlyCollection<RegionCode> villages, CancellationToken ct)
    {
        var list = villages.ToList();
        var rows = await db.Visits.AsNoTracking().Where(v => v.Latitude != null && v.Longitude != null)
            .Join(db.Households.Where(h => list.Contains(h.VillageCode)), v => v.HouseholdId, h => h.Id,
                (v, h) => new { v.Id, v.HouseholdId, h.NoKk, h.VillageCode, v.VisitedOn, v.Latitude, v.Longitude })
            .ToListAsync(ct);
        return rows.Select(r => (r.VillageCode, new VisitPoint(r.Id, r.HouseholdId, r.NoKk.Value, r.VisitedOn, r.Latitude!.Value, r.Longitude!.Value))).ToList();
    }
}
