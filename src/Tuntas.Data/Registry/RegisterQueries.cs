using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Registry;

/// <summary>A page of a list and the size of the whole list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>One line of the household list.</summary>
public sealed record HouseholdSummary(
    long Id, NomorKk NoKk, RegionCode VillageCode, string VillageName, string? Address, HouseholdStatus Status,
    string? HeadName, string? HeadNik, int MemberCount, int? Desil, long? SpendingPerCapita);

/// <summary>A region with the number of households and people registered in and below it.</summary>
public sealed record RegionCount(RegionCode Code, string Name, RegionLevel Level, int Households, int People);

/// <summary>What a list may be filtered by.</summary>
public sealed record HouseholdFilter(RegionCode? Region = null, HouseholdStatus? Status = null, string? Search = null);

/// <summary>
/// Read queries on the register. Every one takes the caller's <see cref="RegionScope"/> and applies
/// it first; something outside the scope is reported as not found.
/// </summary>
public sealed class RegisterQueries(TuntasDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>The region, or null when it does not exist or lies outside the scope.</summary>
    public async Task<Region?> FindRegionAsync(RegionScope scope, RegionCode code, CancellationToken ct = default)
    {
        if (!scope.Contains(code))
        {
            return null;
        }

        return await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, ct);
    }

    /// <summary>The region and its ancestors, province first (for breadcrumbs).</summary>
    public async Task<IReadOnlyList<Region>> LineageAsync(RegionCode code, CancellationToken ct = default)
    {
        var codes = Enum.GetValues<RegionLevel>().Select(code.AtLevel).OfType<RegionCode>().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToListAsync(ct);
        return regions.OrderBy(r => r.Level).ToList();
    }

    /// <summary>
    /// The children of a region (the provinces when <paramref name="parent"/> is null) that the scope
    /// can see, with the households and people registered below each.
    /// </summary>
    public async Task<IReadOnlyList<RegionCount>> ChildrenWithCountsAsync(RegionScope scope, RegionCode? parent, CancellationToken ct = default)
    {
        var children = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == parent)
            .OrderBy(r => r.Code)
            .ToListAsync(ct);
        children = children.Where(r => scope.Contains(r.Code) || r.Code.Contains(scope.Region ?? r.Code)).ToList();
        if (children.Count == 0)
        {
            return [];
        }

        var level = children[0].Level;
        var households = db.Households.AsNoTracking().InScope(scope);
        if (parent is not null)
        {
            households = households.InRegion(parent);
        }

        var counts = level switch
        {
            RegionLevel.Province => await Count(households, h => h.ProvinceCode, ct),
            RegionLevel.Regency => await Count(households, h => h.RegencyCode, ct),
            RegionLevel.District => await Count(households, h => h.DistrictCode, ct),
            _ => await Count(households, h => h.VillageCode, ct),
        };

        return children
            .Select(r => counts.TryGetValue(r.Code.Value, out var c)
                ? new RegionCount(r.Code, r.Name, r.Level, c.Households, c.People)
                : new RegionCount(r.Code, r.Name, r.Level, 0, 0))
            .ToList();
    }

    private async Task<Dictionary<string, (int Households, int People)>> Count(
        IQueryable<Household> households, System.Linq.Expressions.Expression<Func<Household, RegionCode>> key, CancellationToken ct)
    {
        var byRegion = await households.GroupBy(key)
            .Select(g => new { Code = g.Key, Households = g.Count() })
            .ToListAsync(ct);
        var people = await households.Join(db.People, h => h.Id, p => p.HouseholdId, (h, p) => h)
            .GroupBy(key)
            .Select(g => new { Code = g.Key, People = g.Count() })
            .ToListAsync(ct);
        var peopleByCode = people.ToDictionary(p => p.Code.Value, p => p.People, StringComparer.Ordinal);
        return byRegion.ToDictionary(
            g => g.Code.Value,
            g => (g.Households, peopleByCode.GetValueOrDefault(g.Code.Value)),
            StringComparer.Ordinal);
    }

    /// <summary>Households in scope, filtered and searched, one page at a time, ordered by village then No. KK.</summary>
    public async Task<Page<HouseholdSummary>> ListHouseholdsAsync(
        RegionScope scope, HouseholdFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);

        var query = db.Households.AsNoTracking().InScope(scope);
        if (filter.Region is not null)
        {
            query = query.InRegion(filter.Region);
        }

        if (filter.Status is not null)
        {
            query = query.Where(h => h.Status == filter.Status);
        }

        query = ApplySearch(query, filter.Search);
        return await ListAsync(query, page, pageSize, ct);
    }

    /// <summary>
    /// Any set of households as list lines, one page at a time, ordered by village then No. KK. The
    /// caller has applied the scope; <paramref name="pageSize"/> is not capped (exports take all).
    /// </summary>
    public async Task<Page<HouseholdSummary>> ListAsync(IQueryable<Household> query, int page, int pageSize, CancellationToken ct = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Max(1, pageSize);
        query = query.AsNoTracking();
        // A page far past the last one (page=2147483647) must not overflow into a negative offset,
        // which PostgreSQL refuses: such a page is simply empty.
        var offset = (int)Math.Min((long)(page - 1) * pageSize, int.MaxValue);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(h => h.VillageCode).ThenBy(h => h.NoKk)
            .Skip(offset).Take(pageSize)
            .Select(h => new
            {
                h.Id,
                h.NoKk,
                h.VillageCode,
                VillageName = db.Regions.Where(r => r.Code == h.VillageCode).Select(r => r.Name).FirstOrDefault(),
                h.Address,
                h.Status,
                Head = h.Members.Where(m => m.Relation == FamilyRelation.KepalaKeluarga).Select(m => new { m.Name, m.Nik }).FirstOrDefault(),
                MemberCount = h.Members.Count,
                h.Desil,
                h.SpendingPerCapita,
            })
            .ToListAsync(ct);

        var items = rows.Select(r => new HouseholdSummary(
            r.Id, r.NoKk, r.VillageCode, r.VillageName ?? r.VillageCode.Value, r.Address, r.Status,
            r.Head?.Name, r.Head?.Nik.Value, r.MemberCount, r.Desil, r.SpendingPerCapita)).ToList();
        return new Page<HouseholdSummary>(items, page, pageSize, total);
    }

    /// <summary>
    /// Search by a whole value: a No. KK or NIK (all 16 digits; dots, dashes and spaces between them are
    /// ignored) matches exactly, and a name matches a member whose name holds the searched words as
    /// whole words, in that order, any case ("siti" or "siti aminah" finds "Siti Aminah", "amin" does
    /// not). A fragment finds nothing, so a withheld name cannot be spelled out letter by letter.
    /// </summary>
    private IQueryable<Household> ApplySearch(IQueryable<Household> query, string? search)
    {
        var text = search?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return query;
        }

        // No name holds such a character (import refuses them), and PostgreSQL refuses NUL in a
        // parameter: the search finds nothing rather than failing. The API answers 400 before this.
        if (UnsafeText.Find(text) is not null)
        {
            return query.Where(h => false);
        }

        var digits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 16 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '\''))
        {
            var noKk = NomorKk.From(digits);
            var nik = Nik.From(digits);
            return query.Where(h => h.NoKk == noKk || h.Members.Any(m => m.Nik == nik));
        }

        var words = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var pattern = "% " + EscapeLike(words) + " %";
#pragma warning disable CA1304, CA1311 // Translated to SQL lower(); the culture of this machine plays no part.
        return query.Where(h => h.Members.Any(m => EF.Functions.Like((" " + m.Name + " ").ToLower(), pattern, "\\")));
#pragma warning restore CA1304, CA1311
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>One household with its members, or null when it does not exist or lies outside the scope.</summary>
    public async Task<Household?> FindHouseholdAsync(RegionScope scope, NomorKk noKk, CancellationToken ct = default) =>
        await db.Households.AsNoTracking()
            .InScope(scope)
            .Include(h => h.Members)
            .SingleOrDefaultAsync(h => h.NoKk == noKk, ct);
}
