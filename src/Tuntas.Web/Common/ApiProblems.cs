using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tuntas.Domain.Regions;

namespace Tuntas.Web.Common;

/// <summary>
/// The API's errors as RFC 7807 problem details, in one place. A record outside the caller's scope
/// is answered exactly like one that does not exist.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = $"{what} was not found.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });

    public static ValidationProblem BadParameter(string parameter, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [reason] }, title: "A request parameter is not valid.");

    /// <summary>
    /// Reads the <c>region</c> and <c>at</c> parameters of a figures endpoint (<c>at</c> defaults to
    /// today in WITA); the 400 answer naming the bad one when they cannot be read.
    /// </summary>
    public static ValidationProblem? ReadRegionAndDay(string? region, string? at, RegionClock clock, out RegionCode code, out DateOnly day)
    {
        var parsed = RegionCode.Parse(region);
        code = parsed.Value!;
        day = clock.Today(parsed.IsValid ? parsed.Value : null);
        if (string.IsNullOrWhiteSpace(region) || !parsed.IsValid)
        {
            return BadParameter("region", parsed.Error ?? "Give a region code, for example 64.74.");
        }

        return string.IsNullOrWhiteSpace(at) ? null : ReadDay("at", at, ref day);
    }

    /// <summary>Reads a date parameter (YYYY-MM-DD) into <paramref name="day"/>; the 400 answer naming it when it is not a date.</summary>
    public static ValidationProblem? ReadDay(string parameter, string text, ref DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            ? SetDay(ref day, parsed)
            : BadParameter(parameter, $"'{text}' is not a date; write it as YYYY-MM-DD.");

    private static ValidationProblem? SetDay(ref DateOnly day, DateOnly value)
    {
        day = value;
        return null;
    }
}
