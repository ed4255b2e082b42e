using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.UpdateCycles;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Interventions;
using Tuntas.Web.UpdateCycles;

namespace Tuntas.Web.Pages.UpdateCycles;

/// <summary>
/// One monthly update cycle: its deadlines, the progress of each kecamatan and village (late steps
/// said in words), the proposals with Dinas Sosial's check and the groundcheck, and the download for
/// SIKS-NG.
/// </summary>
public sealed class CycleModel(
    UpdateCycleQueries queries, CheckCycleProposal check, RecordProposalGroundcheck groundcheck, CycleExport export, RegionClock clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public CycleStatus Status { get; private set; } = null!;

    public UpdateCycle Cycle => Status.Cycle;

    public string? Error { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        HttpContext.PersonalData().Describe(count: Status.Proposals.Count, region: Cycle.Regency.Value);
        return Page();
    }

    /// <summary>The accepted proposals as one workbook to upload to SIKS-NG (Dinas Sosial).</summary>
    public async Task<IActionResult> OnGetExportAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CycleAccess.MayManage(Caller.Role))
        {
            return NotFound();
        }

        var path = Path.Combine(Path.GetTempPath(), $"tuntas-cycle-{Guid.NewGuid():N}.xlsx");
        try
        {
            var count = await export.WriteAsync(Cycle, path, ct);
            HttpContext.PersonalData().Describe(count: count, region: Cycle.Regency.Value);
            return File(await System.IO.File.ReadAllBytesAsync(path, ct), SpreadsheetResult.ContentType, CycleExport.FileName(Cycle));
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    public async Task<IActionResult> OnPostCheckAsync(long id, long proposal, int version, string? decision, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CycleAccess.MayManage(Caller.Role))
        {
            return NotFound();
        }

        if (decision is not ("accept" or "refuse"))
        {
            Error = text["CycleChooseDecision"];
            return Page();
        }

        return await ShowAsync(id, (await check.CheckAsync(Caller.Scope, id, proposal, version, decision == "accept", note, Caller.UserName, ct)).Error, ct);
    }

    public async Task<IActionResult> OnPostGroundcheckAsync(long id, long proposal, int version, GroundcheckOutcome? outcome, DateOnly? checkedOn, string? note, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !CycleAccess.MayGroundcheck(Caller.Role))
        {
            return NotFound();
        }

        if (outcome is not { } found || !Enum.IsDefined(found) || checkedOn is not { } on)
        {
            Error = text["CycleGroundcheckIncomplete"];
            return Page();
        }

        return await ShowAsync(id, (await groundcheck.RecordAsync(Caller.Scope, id, proposal, version, found, on, note, Caller.UserName, ct)).Error, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, WriteError? error, CancellationToken ct)
    {
        if (error is null)
        {
            return Redirect($"/pemutakhiran/{id}#usulan");
        }

        if (error is WriteError.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Error = error.Words(text);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!CycleAccess.MayRead(Caller.Role) || await queries.FindAsync(Caller.Scope, id, ct) is not { } cycle)
        {
            return false;
        }

        Status = await queries.StatusAsync(Caller.Scope, cycle, ct);
        Today = clock.Today(cycle.Regency);
        return true;
    }
}
