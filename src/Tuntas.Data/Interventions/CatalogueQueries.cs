using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Interventions;

/// <summary>
/// Reads of the configuration the screens and commands show: the programme catalogue, the needs
/// rules, the poverty criteria, the targets, and the names of regions listed beside households.
/// </summary>
public sealed class CatalogueQueries(TuntasDbContext db)
{
    /// <summary>The whole programme catalogue, open and closed.</summary>
    public async Task<List<Programme>> ProgrammesAsync(CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking().ToListAsync(ct);

    /// <summary>The open programmes, or only <paramref name="own"/> (an agency officer's programme) when given; by code.</summary>
    public async Task<List<Programme>> OpenProgrammesAsync(string? own, CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking()
            .Where(p => p.Active && (own == null || p.Code == own))
            .OrderBy(p => p.Code)
            .ToListAsync(ct);

    /// <summary>The needs rules, by code, then in the order they were added.</summary>
    public async Task<List<NeedRule>> NeedRulesAsync(CancellationToken ct = default) =>
        await db.NeedRules.AsNoTracking().OrderBy(r => r.Code).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>Every configured set of criteria.</summary>
    public async Task<List<PovertyCriteria>> CriteriaAsync(CancellationToken ct = default) =>
        await db.Criteria.AsNoTracking().ToListAsync(ct);

    /// <summary>Every target set, earlier ones included.</summary>
    public async Task<List<Target>> TargetsAsync(CancellationToken ct = default) =>
        await db.Targets.AsNoTracking().ToListAsync(ct);

    /// <summary>The names of regions by code, for the villages a list shows.</summary>
    public async Task<Dictionary<string, string>> RegionNamesAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct().Select(RegionCode.From).ToList();
        return await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).ToDictionaryAsync(r => r.Code.Value, r => r.Name, ct);
    }
}
