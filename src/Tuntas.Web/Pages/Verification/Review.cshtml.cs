using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tuntas.Data;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Common;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>One visit under review: what was found, the evidence, and approve or return with a note.</summary>
public sealed class ReviewModel(TuntasDbContext db, VervalQueries queries, VervalService verval, AuditTrail audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public Classification? Classification { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(long id, int version, string? note, CancellationToken ct) =>
        await DecideAsync(id, version, async () => await verval.ApproveAsync(Visit, Household, Caller.UserName, note, audit, ct), ct);

    public async Task<IActionResult> OnPostReturnAsync(long id, int version, string? note, CancellationToken ct) =>
        await DecideAsync(id, version, () =>
        {
            verval.Return(Visit, Household, Caller.UserName, note ?? "", audit);
            return Task.CompletedTask;
        }, ct);

    private async Task<IActionResult> DecideAsync(long id, int version, Func<Task> decide, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // The version the reviewer saw: if someone decided in the meantime, this decision loses
        // (checked here for a decision already stored, and by the database for one made at the same moment).
        if (Visit.Version != version)
        {
            Error = text["ConcurrencyVisit"];
            return Page();
        }

        db.Entry(Visit).Property(v => v.Version).OriginalValue = version;
        try
        {
            await audit.BeginAsync(ct);
            await decide();
            await audit.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            await audit.DisposeAsync();
            await LoadAfterFailureAsync(id, ct);
            Error = e.Localized;
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            await audit.DisposeAsync();
            await LoadAfterFailureAsync(id, ct);
            Error = text["ConcurrencyVisit"];
            return Page();
        }
        finally
        {
            await audit.DisposeAsync();
        }

        return Redirect($"/keluarga/{Household.NoKk.Value}?pesan=kunjungan-diperiksa");
    }

    /// <summary>After a refused decision, show the visit as it is stored, not as the refused change left it in memory.</summary>
    private async Task LoadAfterFailureAsync(long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(id, ct);
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!VervalAccess.MayReview(Caller.Role) || await queries.FindVisitAsync(Caller.Scope, id, ct) is not { } found)
        {
            return false;
        }

        (Visit, Household) = found;
        Classification = Classification.FromJson(Household.ClassificationJson);
        return true;
    }
}
