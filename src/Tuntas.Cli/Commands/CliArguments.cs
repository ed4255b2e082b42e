using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Cli.Commands;

/// <summary>Parsing of the values commands share, with the message a user needs when one is wrong.</summary>
internal static class CliArguments
{
    public static bool TryDate(string? text, DateOnly fallback, out DateOnly date, out string? error)
    {
        error = null;
        date = fallback;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateText.TryParse(text, out date))
        {
            return true;
        }

        error = DateText.NotADate(text).Message;
        return false;
    }

    public static bool TryRegion(string? text, out RegionCode? region, out string? error)
    {
        region = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parsed = RegionCode.Parse(text);
        region = parsed.Value;
        error = parsed.Error;
        return parsed.IsValid;
    }

    /// <summary>
    /// The required <c>--region</c> and the optional <c>--at</c> (today by default) of a figures
    /// command; false with the message to fail with when either cannot be read.
    /// </summary>
    public static bool TryRegionAndDay(string? regionText, string? atText, out RegionCode region, out DateOnly day, out string? error)
    {
        day = Today;
        if (!TryRegion(regionText, out var code, out error) || code is null)
        {
            error ??= "Give a region with --region.";
            region = null!;
            return false;
        }

        region = code;
        return TryDate(atText, Today, out day, out error);
    }

    /// <summary>Today in Kalimantan Timur (WITA), the default as-of date.</summary>
    public static DateOnly Today => RegionClock.System.Today();
}
