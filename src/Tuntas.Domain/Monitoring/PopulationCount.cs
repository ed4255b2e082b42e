using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Monitoring;

/// <summary>
/// The population of a region in a year: the denominator of the extreme-poverty rate. Loaded from a
/// statistics table (<c>tuntas population import</c>); <see cref="Source"/> says where it came from.
/// </summary>
public sealed class PopulationCount
{
    public PopulationCount(RegionCode region, int year, long people, string source, DateTime nowUtc)
    {
        Region = region;
        Year = year;
        Source = source;
        Update(people, source, nowUtc);
    }

    // For EF Core materialisation.
    private PopulationCount()
    {
        Region = null!;
        Source = null!;
    }

    public long Id { get; private set; }

    public RegionCode Region { get; private set; }

    public int Year { get; private set; }

    public long People { get; private set; }

    public string Source { get; private set; }

    public DateTime LoadedAt { get; private set; }

    /// <summary>Replaces the figure; true when anything changed.</summary>
    public bool Update(long people, string source, DateTime nowUtc)
    {
        if (people < 0)
        {
            throw new Common.DomainException(MonitoringErrors.NegativePopulation());
        }

        if (People == people && Source == source && LoadedAt != default)
        {
            return false;
        }

        People = people;
        Source = source;
        LoadedAt = nowUtc;
        return true;
    }

    /// <summary>The figure used on a day: the latest year not after it, else the earliest there is.</summary>
    public static PopulationCount? Applicable(IEnumerable<PopulationCount> counts, DateOnly at)
    {
        var list = counts.OrderBy(c => c.Year).ToList();
        return list.LastOrDefault(c => c.Year <= at.Year) ?? list.FirstOrDefault();
    }
}
