namespace Tuntas.Domain.Monitoring;

/// <summary>The extreme-poor households of a region at the end of one day.</summary>
public sealed record TrendPoint(DateOnly Day, int Households);

/// <summary>
/// When the count reaches zero at the recent pace: <see cref="ZeroOn"/> null when the pace is flat
/// or rising (never, at this pace). <see cref="PerMonth"/> is the change per month (negative = falling).
/// </summary>
public sealed record Projection(DateOnly? ZeroOn, double PerMonth, DateOnly PaceFrom, DateOnly PaceTo);

/// <summary>The arithmetic of the trend chart: which days it shows, the target line and the projection.</summary>
public static class Trajectory
{
    /// <summary>Months of history the trend shows.</summary>
    public const int Months = 24;

    /// <summary>Months over which the pace of the projection is measured.</summary>
    public const int PaceMonths = 6;

    private const double DaysPerMonth = 365.2425 / 12;

    /// <summary>
    /// The days of the trend: the end of each of the <paramref name="months"/> months up to
    /// <paramref name="at"/>, the last point being <paramref name="at"/> itself; none before the end
    /// of the month of <paramref name="firstEvent"/> (when the history starts later).
    /// </summary>
    public static IReadOnlyList<DateOnly> Days(DateOnly at, DateOnly? firstEvent, int months = Months)
    {
        var days = new List<DateOnly>();
        for (var i = months - 1; i >= 1; i--)
        {
            var month = at.AddMonths(-i);
            days.Add(new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month)));
        }

        days.Add(at);
        if (firstEvent is { } first)
        {
            var firstMonthEnd = new DateOnly(first.Year, first.Month, DateTime.DaysInMonth(first.Year, first.Month));
            var kept = days.Where(d => d >= firstMonthEnd || d == at).ToList();
            return kept;
        }

        return days;
    }

    /// <summary>
    /// The target trajectory on <paramref name="day"/>: a straight line from the baseline to the
    /// target, the target value itself from the target date on.
    /// </summary>
    public static double TargetLine(TrendPoint baseline, DateOnly targetDate, int targetHouseholds, DateOnly day)
    {
        if (day >= targetDate || targetDate <= baseline.Day)
        {
            return targetHouseholds;
        }

        if (day <= baseline.Day)
        {
            return baseline.Households;
        }

        var share = (double)(day.DayNumber - baseline.Day.DayNumber) / (targetDate.DayNumber - baseline.Day.DayNumber);
        return baseline.Households + ((targetHouseholds - baseline.Households) * share);
    }

    /// <summary>
    /// The day the count reaches zero if it keeps falling at the pace of the last
    /// <see cref="PaceMonths"/> months (linear), from the last point. Null when the trend has fewer
    /// than two points.
    /// </summary>
    public static Projection? Project(IReadOnlyList<TrendPoint> points)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var last = points[^1];
        var paceStart = last.Day.AddMonths(-PaceMonths);
        var from = points.LastOrDefault(p => p.Day <= paceStart) ?? points[0];
        if (from.Day >= last.Day)
        {
            return null;
        }

        var perDay = (double)(last.Households - from.Households) / (last.Day.DayNumber - from.Day.DayNumber);
        var perMonth = perDay * DaysPerMonth;
        if (last.Households == 0)
        {
            return new Projection(last.Day, perMonth, from.Day, last.Day);
        }

        if (perDay >= 0)
        {
            return new Projection(null, perMonth, from.Day, last.Day);
        }

        var days = (int)Math.Ceiling(last.Households / -perDay);
        return new Projection(last.Day.AddDays(days), perMonth, from.Day, last.Day);
    }
}
