using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Interventions;

/// <summary>
/// Reads of the configuration the commands show: the programme catalogue, the needs rules, the
/// poverty criteria and the targets.
/// </summary>
public sealed class CatalogueQueries(TuntasDbContext db)
{
    /// <summary>The whole programme catalogue, open and closed.</summary>
    public async Task<List<Programme>> ProgrammesAsync(CancellationToken ct = default) =>
        await db.Programmes.AsNoTracking().ToListAsync(ct);

    /// <summary>The needs rules, by code, then in the order they were added.</summary>
    public async Task<List<NeedRule>> NeedRulesAsync(CancellationToken ct = default) =>
        await db.NeedRules.AsNoTracking().OrderBy(r => r.Code).ThenBy(r => r.Id).ToListAsync(ct);

    /// <summary>Every configured set of criteria.</summary>
    public async Task<List<PovertyCriteria>> CriteriaAsync(CancellationToken ct = default) =>
        await db.Criteria.AsNoTracking().ToListAsync(ct);

    /// <summary>Every target set, earlier ones included.</summary>
    public async Task<List<Target>> TargetsAsync(CancellationToken ct = default) =>
        await db.Targets.AsNoTracking().ToListAsync(ct);
}
