using Microsoft.EntityFrameworkCore;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Web.Access;

namespace Tuntas.Web.Verification;

/// <summary>Downloads of evidence files, only for callers who may see the household or village they belong to.</summary>
public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/bukti/{id:long}", async (long id, HttpContext http, TuntasDbContext db, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            if (!VervalAccess.MayVisit(caller.Role))
            {
                return Results.NotFound();
            }

            var evidence = await (
                    from e in db.Evidence.AsNoTracking()
                    join v in db.Visits on e.VisitId equals v.Id
                    join h in db.Households.InScope(caller.Scope) on v.HouseholdId equals h.Id
                    where e.Id == id
                    select new { e.StorageKey, e.ContentType, e.FileName })
                .SingleOrDefaultAsync(ct);
            return File(store, evidence?.StorageKey, evidence?.ContentType, evidence?.FileName);
        }).RequireAuthorization();

        app.MapGet("/bukti/musyawarah/{id:long}", async (long id, HttpContext http, TuntasDbContext db, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
            return meeting is null || !VervalAccess.MayVisit(caller.Role) || !caller.Scope.Contains(meeting.Village)
                ? Results.NotFound()
                : File(store, meeting.MinutesStorageKey, null, meeting.MinutesFileName);
        }).RequireAuthorization();

        app.MapGet("/bukti/usul/{id:long}", async (long id, HttpContext http, TuntasDbContext db, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            var proposal = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
            return proposal is null || !VervalAccess.MayVisit(caller.Role) || !caller.Scope.Contains(proposal.Village)
                ? Results.NotFound()
                : File(store, proposal.EvidenceStorageKey, null, proposal.EvidenceFileName);
        }).RequireAuthorization();

        // The proof of a delivery (a receipt, a photo of the repaired house): for the roles that record deliveries, within their region.
        app.MapGet("/bukti/penyaluran/{id:long}", async (long id, HttpContext http, TuntasDbContext db, EvidenceStore store, CancellationToken ct) =>
        {
            var caller = http.GetCaller();
            if (!Interventions.InterventionAccess.MayRecord(caller.Role))
            {
                return Results.NotFound();
            }

            var delivery = await (
                    from d in db.Deliveries.AsNoTracking()
                    join h in db.Households.InScope(caller.Scope) on d.HouseholdId equals h.Id
                    where d.Id == id
                    select new { d.EvidenceStorageKey, d.EvidenceContentType, d.EvidenceFileName })
                .SingleOrDefaultAsync(ct);
            return File(store, delivery?.EvidenceStorageKey, delivery?.EvidenceContentType, delivery?.EvidenceFileName);
        }).RequireAuthorization();
        return app;
    }

    private static IResult File(EvidenceStore store, string? key, string? contentType, string? fileName)
    {
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
