namespace Tuntas.Domain.Regions;

/// <summary>
/// The one clock of Tuntas: the current instant (UTC, stored as such) and the local day of a region.
/// A change made now is dated by the day in the region it concerns; Indonesia has three zones,
/// chosen by province (<see cref="RegionTimeZone"/>). Everything reads time through this class, on
/// one <see cref="TimeProvider"/>, so tests can hold the clock still.
/// </summary>
public sealed class RegionClock(TimeProvider time)
{
    /// <summary>The province whose day counts where no region is named: Kalimantan Timur (WITA).</summary>
    public static readonly RegionCode HomeProvince = RegionCode.From("64");

    /// <summary>A clock on the system time.</summary>
    public static readonly RegionClock System = new(TimeProvider.System);

    public TimeProvider Time => time;

    /// <summary>The current instant in UTC.</summary>
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    /// <summary>Today in <paramref name="region"/>'s zone (Kalimantan Timur's when none is given).</summary>
    public DateOnly Today(RegionCode? region = null) => DayAt(UtcNow, region);

    /// <summary>The local day of a UTC instant in <paramref name="region"/>'s zone.</summary>
    public static DateOnly DayAt(DateTime utc, RegionCode? region = null) =>
        DateOnly.FromDateTime(utc + RegionTimeZone.Of(region ?? HomeProvince).Offset);

    /// <summary>A UTC instant as local time in <paramref name="region"/>'s zone, with the zone's name (WIB, WITA, WIT).</summary>
    public static (DateTime Local, string Zone) Local(DateTime utc, RegionCode? region = null)
    {
        var zone = RegionTimeZone.Of(region ?? HomeProvince);
        return (DateTime.SpecifyKind(utc + zone.Offset, DateTimeKind.Unspecified), zone.Name);
    }
}

/// <summary>Indonesia's three time zones (no daylight saving) and which provinces keep each.</summary>
public sealed record RegionTimeZone(string Name, TimeSpan Offset)
{
    public static readonly RegionTimeZone Wib = new("WIB", TimeSpan.FromHours(7));

    public static readonly RegionTimeZone Wita = new("WITA", TimeSpan.FromHours(8));

    public static readonly RegionTimeZone Wit = new("WIT", TimeSpan.FromHours(9));

    /// <summary>
    /// The zone of a region by its province code: Sumatra, Java, West and Central Kalimantan keep WIB;
    /// Bali, Nusa Tenggara, South, East and North Kalimantan and Sulawesi keep WITA; Maluku and Papua
    /// (81 and above, the Papua provinces made in 2022 included) keep WIT.
    /// </summary>
    public static RegionTimeZone Of(RegionCode region)
    {
        var province = int.Parse(region.Value.AsSpan(0, 2), global::System.Globalization.CultureInfo.InvariantCulture);
        return province switch
        {
            >= 81 => Wit,
            51 or 52 or 53 or 63 or 64 or 65 or (>= 71 and <= 76) => Wita,
            _ => Wib,
        };
    }
}
