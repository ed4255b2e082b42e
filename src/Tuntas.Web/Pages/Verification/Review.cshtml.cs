using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>One visit under review: what was found, the evidence, and approve or return with a note.</summary>
public sealed class ReviewModel(VervalQueries queries, ReviewVisit review, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public Classification? Classification { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(long id, int version, string? note, CancellationToken ct) =>
        await ShowAsync(id, await DecideAsync(caller => review.ApproveAsync(caller.Scope, id, version, caller.UserName, note, ct)), ct);

    public async Task<IActionResult> OnPostReturnAsync(long id, int version, string? note, CancellationToken ct) =>
        await ShowAsync(id, await DecideAsync(caller => review.ReturnAsync(caller.Scope, id, version, caller.UserName, note, ct)), ct);

    private async Task<WriteResult<long>> DecideAsync(Func<Caller, Task<WriteResult<long>>> decide)
    {
        var caller = HttpContext.GetCaller();
        return VervalAccess.MayReview(caller.Role) ? await decide(caller) : new WriteError.NotFound("visit");
    }

    /// <summary>After a decision: to the household; after a refusal, the visit as it is stored, with the reason.</summary>
    private async Task<IActionResult> ShowAsync(long id, WriteResult<long> result, CancellationToken ct)
    {
        if (result.Error is WriteError.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            Error = error.Words(text, "ConcurrencyVisit");
            return Page();
        }

        return Redirect($"/keluarga/{Household.NoKk.Value}?pesan=kunjungan-diperiksa");
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
