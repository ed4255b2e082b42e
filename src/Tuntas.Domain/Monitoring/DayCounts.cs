using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Monitoring;

/// <summary>
/// The maintained day counts behind the headline figures. For every region (at all four levels),
/// measure and day the database keeps the change of the count on that day; a figure as of a day
/// is the sum of the changes up to it. A household's status history becomes such changes: +1 in
/// its status (and village) on the day a status takes effect, −1 there on the day the next one
/// does. The sum up to a day therefore counts each household once, in its status and village at
/// the end of that day, exactly like reading its last status change on or before the day.
/// </summary>
public static class DayCountMeasure
{
    /// <summary>
    /// The caseload: households listed or verified. Kept as a measure of its own so that the trend
    /// and the child rankings read one measure, and a verification (listed to verified in the same
    /// village) leaves no row at all.
    /// </summary>
    public const string Caseload = "Caseload";

    /// <summary>Verified households with a delivery in the handling window (see <see cref="HandlingWindow"/>).</summary>
    public const string InHandling = "InHandling";

    /// <summary>Households whose status is an exit reached from the caseload (listed or verified).</summary>
    public const string ExitedFromCaseload = "ExitedFromCaseload";

    /// <summary>Of <see cref="ExitedFromCaseload"/>: those whose exit had an approved field visit behind it.</summary>
    public const string ExitedWithVisit = "ExitedWithVisit";

    /// <summary>A status measure: households in that status (the status name itself).</summary>
    public static string Status(HouseholdStatus status) => status.ToString();

    /// <summary>An entry measure: status changes into <paramref name="status"/> effective that day (only ever added to).</summary>
    public static string Entered(HouseholdStatus status) => "Entered" + status;
}

/// <summary>The handling window: a verified household is "in handling" on a day when a delivery reached it in the months before.</summary>
public sealed record HandlingWindow(int Months)
{
    /// <summary>The first day of the window that ends on <paramref name="at"/>.</summary>
    public DateOnly Start(DateOnly at) => at.AddMonths(-Months).AddDays(1);

    /// <summary>The last day whose window still contains <paramref name="day"/> (windows move forward monotonically).</summary>
    public DateOnly LastDayCovering(DateOnly day)
    {
        var last = day.AddMonths(Months).AddDays(-1);
        while (Start(last.AddDays(1)) <= day)
        {
            last = last.AddDays(1);
        }

        while (Start(last) > day)
        {
            last = last.AddDays(-1);
        }

        return last;
    }
}

/// <summary>
/// One status change of a household, as the day counts need it. <c>WithVisit</c>: the change rests
/// on a field visit that Dinas Sosial approved (a visit pending review or returned does not count).
/// </summary>
public sealed record CountedEvent(long Id, HouseholdStatus From, HouseholdStatus To, DateOnly EffectiveDate, string VillageCode, bool WithVisit);

/// <summary>One delivery: its day and the last day of its period (the day itself when it has none).</summary>
public sealed record CountedDelivery(DateOnly Date, DateOnly LastDay);

/// <summary>A change of one measure in one village on one day.</summary>
public readonly record struct DayCountChange(string VillageCode, string Measure, DateOnly Day, int Households, int People);

/// <summary>Turns a household's history into the day-count changes it contributes.</summary>
public static class DayCountLedger
{
    private static readonly HouseholdStatus[] Caseload = [HouseholdStatus.Listed, HouseholdStatus.Verified];

    private static readonly HouseholdStatus[] Exits = [HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    /// <summary>
    /// The changes of one household: <paramref name="events"/> in any order (they are ordered by day,
    /// then by id, as the as-of reading does), its <paramref name="people"/> today, its deliveries.
    /// Changes that cancel on the same day are left out.
    /// </summary>
    public static IReadOnlyList<DayCountChange> Of(IEnumerable<CountedEvent> events, int people, IEnumerable<CountedDelivery> deliveries, HandlingWindow window)
    {
        var ordered = events.OrderBy(e => e.EffectiveDate).ThenBy(e => e.Id).ToList();
        var changes = new Dictionary<(string Village, string Measure, DateOnly Day), (int Households, int People)>();
        void Add(string village, string measure, DateOnly day, int households, int persons)
        {
            var key = (village, measure, day);
            var (h, p) = changes.GetValueOrDefault(key);
            changes[key] = (h + households, p + persons);
        }

        var covered = Coverage(deliveries, window);
        CountedEvent? lastChange = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            DateOnly? end = i + 1 < ordered.Count ? ordered[i + 1].EffectiveDate : null;

            void Span(string measure, int persons)
            {
                Add(e.VillageCode, measure, e.EffectiveDate, 1, persons);
                if (end is { } d)
                {
                    Add(e.VillageCode, measure, d, -1, -persons);
                }
            }

            if (e.To != HouseholdStatus.Registered)
            {
                Span(DayCountMeasure.Status(e.To), people);
            }

            if (Caseload.Contains(e.To))
            {
                Span(DayCountMeasure.Caseload, people);
            }

            if (Exits.Contains(e.To) && e.From != e.To)
            {
                Add(e.VillageCode, DayCountMeasure.Entered(e.To), e.EffectiveDate, 1, people);
            }

            // An event that keeps the status (a move: From equals To) continues the change that led
            // to the status: an exit from the caseload stays one, with or without its visit.
            var change = e.From != e.To ? e : lastChange is { } c && c.To == e.To ? c : e;
            if (e.From != e.To)
            {
                lastChange = e;
            }

            if (Exits.Contains(e.To) && Caseload.Contains(change.From))
            {
                Span(DayCountMeasure.ExitedFromCaseload, people);
                if (change.WithVisit)
                {
                    Span(DayCountMeasure.ExitedWithVisit, people);
                }
            }

            if (e.To == HouseholdStatus.Verified && end != e.EffectiveDate)
            {
                // In handling on the days of this verified span that a delivery's window covers.
                foreach (var (from, to) in covered)
                {
                    var start = from > e.EffectiveDate ? from : e.EffectiveDate;
                    DateOnly? stop = end is { } d ? (to.AddDays(1) < d ? to.AddDays(1) : d) : to.AddDays(1);
                    if (stop is { } s && s <= start)
                    {
                        continue;
                    }

                    Add(e.VillageCode, DayCountMeasure.InHandling, start, 1, 0);
                    if (stop is { } last)
                    {
                        Add(e.VillageCode, DayCountMeasure.InHandling, last, -1, 0);
                    }
                }
            }
        }

        return changes
            .Where(c => c.Value != (0, 0))
            .Select(c => new DayCountChange(c.Key.Village, c.Key.Measure, c.Key.Day, c.Value.Households, c.Value.People))
            .ToList();
    }

    /// <summary>The days covered by some delivery's window, as disjoint inclusive ranges in order.</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> Coverage(IEnumerable<CountedDelivery> deliveries, HandlingWindow window)
    {
        var ranges = deliveries
            .Select(d => (From: d.Date, To: window.LastDayCovering(d.LastDay < d.Date ? d.Date : d.LastDay)))
            .OrderBy(r => r.From)
            .ToList();
        var merged = new List<(DateOnly From, DateOnly To)>();
        foreach (var r in ranges)
        {
            if (merged.Count > 0 && r.From <= merged[^1].To.AddDays(1))
            {
                var last = merged[^1];
                merged[^1] = (last.From, r.To > last.To ? r.To : last.To);
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
