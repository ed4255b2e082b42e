using System.Globalization;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>
/// Reads the reviewer's mark thresholds from the environment, so that the web app, the command line and
/// the anomaly flags judge alike: <c>Tuntas__VisitMarks__MinimumFillSeconds</c> (default 120) and
/// <c>Tuntas__VisitMarks__FarFromVillageKm</c> (default 5). A value that is not a positive number is ignored.
/// </summary>
public static class VisitMarkSettingsSource
{
    public const string MinimumFillSecondsVariable = "Tuntas__VisitMarks__MinimumFillSeconds";

    public const string FarFromVillageKmVariable = "Tuntas__VisitMarks__FarFromVillageKm";

    public static VisitMarkSettings FromEnvironment() =>
        From(Environment.GetEnvironmentVariable(MinimumFillSecondsVariable), Environment.GetEnvironmentVariable(FarFromVillageKmVariable));

    public static VisitMarkSettings From(string? minimumFillSeconds, string? farFromVillageKm)
    {
        var settings = VisitMarkSettings.Default;
        if (double.TryParse(minimumFillSeconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is > 0 and < 86_400)
        {
            settings = settings with { MinimumFillTime = TimeSpan.FromSeconds(seconds) };
        }

        if (double.TryParse(farFromVillageKm, NumberStyles.Float, CultureInfo.InvariantCulture, out var km) && km is > 0 and < 20_000)
        {
            settings = settings with { FarFromVillageKm = km };
        }

        return settings;
    }
}
