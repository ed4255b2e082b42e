using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.ClaimAudit;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Common;

namespace Tuntas.Web.Pages.ClaimAudit;

/// <summary>
/// One claim audit: how it was drawn (seed, population hash), each drawn household with its
/// independent re-checker and finding, and the result. An independent verifier enters findings here.
/// </summary>
public sealed class SampleModel(ClaimAuditQueries queries, RecordClaimAuditFinding record, RegionClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public ClaimAuditSample Sample { get; private set; } = null!;

    public ClaimAuditTally Tally { get; private set; } = null!;

    /// <summary>The drawn households inside the caller's region (all of them, unless the audit is wider than the region).</summary>
    public IReadOnlyList<ClaimAuditItem> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The household whose finding was refused, so its form keeps what was typed.</summary>
    public string? ErrorNoKk { get; private set; }

    public string? TypedNote { get; private set; }

    public bool MayRecheck => Caller.Role is Role.Verifier or Role.Admin;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, string? noKk, int version, string? finding, string? note, string? checkedOn, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !MayRecheck || noKk is null || Items.All(i => i.NoKk != noKk))
        {
            return NotFound();
        }

        var result = RecheckFindingNames.ParseWire(finding);
        if (result is null)
        {
            return Refused(noKk, note, text["ClaimAuditFindingMissing"]);
        }

        if (!Tuntas.Web.Interventions.RegionPageModel.TryDay(checkedOn, out var day))
        {
            return Refused(noKk, note, text["ClaimAuditDateInvalid"]);
        }

        var recorded = await record.RecordAsync(id, noKk, version, result.Value, note, day, Caller.UserName, ct);
        if (recorded.Error is { } error)
        {
            return Refused(noKk, note, error.Words(text, "ClaimAuditConflict"));
        }

        return Redirect($"/audit-klaim/sampel/{id.ToString(CultureInfo.InvariantCulture)}#kk-{noKk}");
    }

    private PageResult Refused(string noKk, string? note, string message)
    {
        Error = message;
        ErrorNoKk = noKk;
        TypedNote = note;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (Caller.Role is not (Role.Verifier or Role.Admin))
        {
            return false;
        }

        var sample = await queries.GetAsync(id, Caller.Scope, ct);
        if (sample is null)
        {
            return false;
        }

        Sample = sample;
        Today = clock.Today(sample.Region);
        Tally = sample.Tally();
        Items = sample.Items.Where(i => Caller.Scope.Contains(i.District)).ToList();
        return true;
    }
}
