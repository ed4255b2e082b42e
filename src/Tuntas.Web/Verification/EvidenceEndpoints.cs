using Tuntas.Data.Verification;
using Tuntas.Web.Access;

namespace Tuntas.Web.Verification;

/// <summary>Downloads of evidence files, only for callers who may see the household or village they belong to.</summary>
public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bukti/{id:long}", async (long id, HttpContext http, VervalQueries queries, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            return VervalAccess.MayVisit(caller.Role) ? File(store, await queries.VisitEvidenceAsync(caller.Scope, id, ct)) : Results.NotFound();
        }).RequireAuthorization();

        app.MapGet("/bukti/musyawarah/{id:long}", async (long id, HttpContext http, VervalQueries queries, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            return VervalAccess.MayVisit(caller.Role) ? File(store, await queries.MeetingMinutesAsync(caller.Scope, id, ct)) : Results.NotFound();
        }).RequireAuthorization();

        app.MapGet("/bukti/usul/{id:long}", async (long id, HttpContext http, VervalQueries queries, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            return VervalAccess.MayVisit(caller.Role) ? File(store, await queries.ProposalEvidenceAsync(caller.Scope, id, ct)) : Results.NotFound();
        }).RequireAuthorization();

        // The berita acara of a village's meeting in a monthly update cycle: for the roles of the cycle, within their region.
        app.MapGet("/bukti/pemutakhiran/{id:long}", async (long id, HttpContext http, Tuntas.Data.UpdateCycles.UpdateCycleQueries queries, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            return UpdateCycles.CycleAccess.MayRead(caller.Role) ? File(store, await queries.MinutesAsync(caller.Scope, id, ct)) : Results.NotFound();
        }).RequireAuthorization();

        // The proof of a delivery (a receipt, a photo of the repaired house): for the roles that record deliveries, within their region.
        app.MapGet("/bukti/penyaluran/{id:long}", async (long id, HttpContext http, VervalQueries queries, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            return Interventions.InterventionAccess.MayRecord(caller.Role) ? File(store, await queries.DeliveryEvidenceAsync(caller.Scope, id, ct)) : Results.NotFound();
        }).RequireAuthorization();
        return app;
    }

    private static IResult File(EvidenceStore store, StoredFile? file)
    {
        var (key, contentType, fileName) = (file?.StorageKey, file?.ContentType, file?.FileName);
        var path = store.Find(key);
        if (path is null)
        {
            return Results.NotFound();
        }

        contentType ??= Path.GetExtension(path) switch
        {
            ".jpg" => "image/jpeg",
            ".png" => "image/png",
            ".webp" => "image/webp",
            _ => "application/pdf",
        };

        // Shown inline (a photo in the review page), never as HTML: the type comes from the sniffed content.
        return Results.File(path, contentType, enableRangeProcessing: false, fileDownloadName: contentType == "application/pdf" ? fileName : null);
    }
}
