using Tuntas.Data.OpenSid;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// The two workbooks a village loads into its OpenSID, downloaded from the village's dashboard
/// ("Untuk OpenSID"): <c>/dasbor/{desa}/opensid/suplemen?at=DATE</c> (its extreme-poor families as
/// Data Suplemen) and <c>/dasbor/{desa}/opensid/bantuan?programme=CODE</c> (a programme's recipients
/// as Program Bantuan). Who may download is set by <see cref="EndpointAccess.OpenSidSuplemen"/> and
/// <see cref="EndpointAccess.OpenSidBantuan"/>; here a desa outside the caller's region, a code that
/// is not a desa, an unknown programme or (for an agency officer) another agency's programme is not found.
/// Each download is recorded in the personal-data log (declared in <see cref="EndpointAccess"/>).
/// </summary>
public static class OpenSidEndpoints
{
    public static IEndpointRouteBuilder MapOpenSidEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/dasbor/{region}/opensid/suplemen", async (string region, string? at, HttpContext http, OpenSidExports exports, RegionClock clock, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            var today = clock.Today();
            var day = today;
            if (!EndpointAccess.OpenSidSuplemen.Allows(caller.Role) || Village(caller, region) is not { } village
                || (!string.IsNullOrWhiteSpace(at) && !DateText.TryParse(at, out day)))
            {
                return Results.NotFound();
            }

            var (export, _) = await exports.SuplemenAsync(village, day, ct);
            if (export is null)
            {
                return Results.NotFound();
            }

            using var buffer = new MemoryStream();
            OpenSidWorkbook.WriteSuplemen(buffer, export, DateTime.UtcNow);
            http.PersonalData().Describe($"{village.Value} {DateText.Iso(day)}", export.Families.Count, village.Value);
            return Results.File(buffer.ToArray(), OpenSidWorkbook.ContentType, $"suplemen-miskin-ekstrem-{village.Value}-{DateText.Iso(day)}.xlsx");
        }).RequireAuthorization()
        .WithSummary("The village's extreme-poor families as an OpenSID Data Suplemen workbook.");

        app.MapGet("/dasbor/{region}/opensid/bantuan", async (string region, string? programme, HttpContext http, OpenSidExports exports, RegionClock clock, CancellationToken ct) =>
        {
            var caller = http.GetCaller();

            // An agency officer downloads their own programme only (the one they record), by default too.
            var code = caller.Role == Role.Agency ? caller.Programme : programme;
            if (!EndpointAccess.OpenSidBantuan.Allows(caller.Role) || Village(caller, region) is not { } village || string.IsNullOrWhiteSpace(code)
                || (caller.Role == Role.Agency && !string.IsNullOrWhiteSpace(programme) && !string.Equals(programme.Trim(), code, StringComparison.OrdinalIgnoreCase)))
            {
                return Results.NotFound();
            }

            var (export, _) = await exports.BantuanAsync(village, code, ct);
            if (export is null)
            {
                return Results.NotFound();
            }

            var today = clock.Today();
            using var buffer = new MemoryStream();
            OpenSidWorkbook.WriteBantuan(buffer, export, today, DateTime.UtcNow);
            http.PersonalData().Describe($"{village.Value} {export.ProgrammeCode}", export.Households.Count, village.Value);
            return Results.File(buffer.ToArray(), OpenSidWorkbook.ContentType, $"program-bantuan-{export.ProgrammeCode}-{village.Value}-{DateText.Iso(today)}.xlsx");
        }).RequireAuthorization()
        .WithSummary("The village's households that received a programme as an OpenSID Program Bantuan workbook.");
        return app;
    }

    /// <summary>The desa/kelurahan of the route when it lies in the caller's region; null otherwise.</summary>
    private static RegionCode? Village(Caller caller, string text) =>
        RegionCode.TryParse(text.Trim(), out var code) && code.Level == RegionLevel.Village && caller.Scope.Contains(code) ? code : null;
}
