using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Monitoring;

/// <summary>A region's target: no more than <see cref="Households"/> extreme-poor households by <see cref="Date"/>.</summary>
public sealed class Target
{
    public Target(RegionCode region, DateOnly date, int households, string setBy, DateTime nowUtc)
    {
        if (households < 0)
        {
            throw new DomainException(MonitoringErrors.NegativeTarget());
        }

        Region = region;
        Date = date;
        Households = households;
        SetBy = setBy;
        SetAt = nowUtc;
    }

    // For EF Core materialisation.
    private Target()
    {
        Region = null!;
        SetBy = null!;
    }

    public long Id { get; private set; }

    public RegionCode Region { get; private set; }

    public DateOnly Date { get; private set; }

    public int Households { get; private set; }

    public string SetBy { get; private set; }

    public DateTime SetAt { get; private set; }

    /// <summary>The target shown on a day: the first one due on or after it, else the last one.</summary>
    public static Target? Applicable(IEnumerable<Target> targets, DateOnly at)
    {
        var list = targets.OrderBy(t => t.Date).ThenByDescending(t => t.SetAt).ToList();
        return list.FirstOrDefault(t => t.Date >= at) ?? list.LastOrDefault();
    }
}

/// <summary>
/// The national target that applies to every region without a target of its own (nor an ancestor
/// with one): no extreme-poor households by 31 December 2026, Inpres 8/2025.
/// </summary>
public static class NationalTarget
{
    public static readonly DateOnly Date = new(2026, 12, 31);

    public const int Households = 0;

    /// <summary>The instruction that sets it.</summary>
    public const string Basis = "Inpres 8/2025";
}
