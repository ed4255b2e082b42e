using System.Globalization;

namespace Tuntas.Data.Interventions;

/// <summary>
/// The regency's policy for reading deliveries. <see cref="HandlingMonths"/>: a verified household
/// with a delivery in this many months before a day is "in handling" (dalam penanganan) that day.
/// <see cref="LeakageFactor"/>: a household receiving a poverty-targeted programme while its
/// spending is at least this many times the extreme poverty line (or, without spending, whose desil
/// is at least <see cref="LeakageDesil"/>) counts as leakage.
/// </summary>
public sealed record InterventionOptions(int HandlingMonths = 12, decimal LeakageFactor = 2m, int LeakageDesil = 5)
{
    /// <summary>From <c>TUNTAS_HANDLING_MONTHS</c> when set (the command line and the web app read the same variable).</summary>
    public static InterventionOptions FromEnvironment()
    {
        var months = Environment.GetEnvironmentVariable("TUNTAS_HANDLING_MONTHS");
        return int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 120
            ? new InterventionOptions(m)
            : new InterventionOptions();
    }

    /// <summary>The policy shipped: 12 months, twice the line, desil 5.</summary>
    public static InterventionOptions Default { get; } = new();

    public Tuntas.Domain.Monitoring.HandlingWindow Window => new(HandlingMonths);

    /// <summary>The first day of the window that ends on <paramref name="at"/>.</summary>
    public DateOnly WindowStart(DateOnly at) => Window.Start(at);
}
