using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Data.UpdateCycles;

/// <summary>One village of a cycle with its names and where it stands.</summary>
public sealed record CycleVillageRow(CycleVillage Village, string Name, string DistrictName, VillageProgress Progress, int Proposals);

/// <summary>One proposal of a cycle with the names of its village and kecamatan.</summary>
public sealed record CycleProposalRow(CycleProposal Proposal, string VillageName, string DistrictName);

/// <summary>A cycle as a caller sees it on a day: the villages of their region, the kecamatan summaries and the proposals.</summary>
public sealed record CycleStatus(
    UpdateCycle Cycle, string RegencyName, DateOnly Today, IReadOnlyList<CycleVillageRow> Villages, IReadOnlyList<DistrictProgress> Districts, IReadOnlyList<CycleProposalRow> Proposals);

/// <summary>The reads of the monthly update cycle, narrowed to the caller's region.</summary>
public sealed class UpdateCycleQueries(TuntasDbContext db, RegionClock clock)
{
    /// <summary>
    /// Whether a caller's region meets a cycle's kabupaten/kota: Dinas Sosial's region holds it, an
    /// operator's desa or a facilitator's kecamatan lies in it.
    /// </summary>
    public static bool Meets(RegionScope scope, RegionCode regency) =>
        scope.Region is not { } region || region.Contains(regency) || regency.Contains(region);

    public async Task<IReadOnlyList<UpdateCycle>> CyclesAsync(RegionScope scope, CancellationToken ct = default)
    {
        var all = await db.UpdateCycles.AsNoTracking().OrderByDescending(c => c.Month).ToListAsync(ct);
        return all.Where(c => Meets(scope, c.Regency)).ToList();
    }

    /// <summary>A cycle by id, or null when there is none or it is outside the caller's region.</summary>
    public async Task<UpdateCycle?> FindAsync(RegionScope scope, long id, CancellationToken ct = default) =>
        await db.UpdateCycles.SingleOrDefaultAsync(c => c.Id == id, ct) is { } cycle && Meets(scope, cycle.Regency) ? cycle : null;

    public Task<UpdateCycle?> FindAsync(RegionCode regency, DateOnly month, CancellationToken ct = default)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        return db.UpdateCycles.SingleOrDefaultAsync(c => c.Regency == regency && c.Month == first, ct);
    }

    /// <summary>The cycle as of today (in the regency's zone), for the villages of the caller's region.</summary>
    public async Task<CycleStatus> StatusAsync(RegionScope scope, UpdateCycle cycle, CancellationToken ct = default)
    {
        var today = clock.Today(cycle.Regency);
        var villages = (await db.CycleVillages.AsNoTracking().Where(v => v.CycleId == cycle.Id).ToListAsync(ct))
            .Where(v => scope.Contains(v.Village)).OrderBy(v => v.Village.Value, StringComparer.Ordinal).ToList();
        var proposals = (await db.CycleProposals.AsNoTracking().Where(p => p.CycleId == cycle.Id).ToListAsync(ct))
            .Where(p => scope.Contains(p.Village)).ToList();
        var names = await NamesAsync(cycle.Regency, ct);
        string Name(RegionCode code) => names.GetValueOrDefault(code.Value!) ?? code.Value!;
        string District(RegionCode village) => Name(village.AtLevel(RegionLevel.District)!);
        var byVillage = proposals.ToLookup(p => p.Village.Value);
        var rows = villages.Select(v => new CycleVillageRow(v, Name(v.Village), District(v.Village),
            VillageProgress.Of(cycle, v, byVillage[v.Village.Value], today), byVillage[v.Village.Value].Count())).ToList();
        var districts = DistrictProgress.Of(rows.Select(r => r.Progress), Name);
        var proposalRows = proposals
            .OrderBy(p => p.Village.Value, StringComparer.Ordinal).ThenBy(p => p.Id)
            .Select(p => new CycleProposalRow(p, Name(p.Village), District(p.Village))).ToList();
        return new CycleStatus(cycle, Name(cycle.Regency), today, rows, districts, proposalRows);
    }

    /// <summary>The berita acara of a village in a cycle, or null when there is none or the village is outside the scope.</summary>
    public async Task<Verification.StoredFile?> MinutesAsync(RegionScope scope, long cycleVillageId, CancellationToken ct = default)
    {
        var line = await db.CycleVillages.AsNoTracking().SingleOrDefaultAsync(v => v.Id == cycleVillageId, ct);
        return line is null || !scope.Contains(line.Village) ? null : new Verification.StoredFile(line.MinutesStorageKey, null, line.MinutesFileName);
    }

    /// <summary>The names of a regency, its kecamatan and its villages, by code.</summary>
    public async Task<Dictionary<string, string>> NamesAsync(RegionCode regency, CancellationToken ct = default)
    {
        var regions = await VillagesAndDistrictsAsync(regency, ct);
        var names = regions.ToDictionary(r => r.Code.Value!, r => r.Name, StringComparer.Ordinal);
        if (await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == regency, ct) is { } own)
        {
            names[own.Code.Value!] = own.Name;
        }

        return names;
    }

    /// <summary>The kecamatan of a regency and their villages, from the region list.</summary>
    public async Task<List<Region>> VillagesAndDistrictsAsync(RegionCode regency, CancellationToken ct = default)
    {
        var districts = await db.Regions.AsNoTracking().Where(r => r.ParentCode == regency).ToListAsync(ct);
        var all = new List<Region>(districts);
        foreach (var district in districts)
        {
            var code = district.Code;
            all.AddRange(await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).ToListAsync(ct));
        }

        return all;
    }
}
