using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.UpdateCycles;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.UpdateCycles;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.UpdateCycles;

/// <summary>
/// One village in a cycle, as its operator works it: record the musyawarah and upload its berita
/// acara, enter the proposals, say when all are entered; with where each step stands.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(EvidenceStore.MaxBytes + (1024 * 1024))]
public sealed class VillageModel(
    UpdateCycleQueries queries, RecordCycleMeeting meeting, EnterCycleProposal enter, FinishCycleProposals finish, EvidenceStore store, RegionClock clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public CycleStatus Status { get; private set; } = null!;

    public UpdateCycle Cycle => Status.Cycle;

    public CycleVillageRow Row { get; private set; } = null!;

    public IReadOnlyList<CycleProposalRow> Proposals { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Saved { get; private set; }

    public DateOnly Today { get; private set; }

    [BindProperty]
    public CycleProposalForm Proposal { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(long id, string village, string? saved, CancellationToken ct)
    {
        if (!await LoadAsync(id, village, ct))
        {
            return NotFound();
        }

        Saved = saved switch
        {
            "meeting" => text["CycleMeetingSaved"].Value,
            "proposal" => text["CycleProposalSaved"].Value,
            "done" => text["CycleProposalsDoneSaved"].Value,
            _ => null,
        };
        HttpContext.PersonalData().Describe(count: Proposals.Count, region: village);
        return Page();
    }

    public async Task<IActionResult> OnPostMeetingAsync(long id, string village, int version, DateOnly? heldOn, IFormFile? minutes, CancellationToken ct)
    {
        if (!await LoadAsync(id, village, ct) || !CycleAccess.MayEnter(Caller.Role))
        {
            return NotFound();
        }

        if (heldOn is not { } day)
        {
            Error = text["CycleMeetingDateMissing"];
            return Page();
        }

        var (file, refusal) = await store.SaveOptionalAsync(minutes, text, ct);
        if (refusal is not null)
        {
            Error = refusal;
            return Page();
        }

        var result = await meeting.RecordAsync(Caller.Scope, id, Row.Village.Village, day, file, version, Caller.UserName, ct);
        if (!result.Succeeded && file is not null)
        {
            // Nothing was saved: neither is the document.
            store.Delete([file]);
        }

        return await ShowAsync(id, village, "meeting", result.Error, ct);
    }

    [RedisplaysHiddenCharacters]
    public async Task<IActionResult> OnPostProposalAsync(long id, string village, CancellationToken ct)
    {
        if (!await LoadAsync(id, village, ct) || !CycleAccess.MayEnter(Caller.Role))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Error = ModelState.Words(text);
            return Page();
        }

        if (CycleProposalKindWords.Parse(Proposal.Kind) is not { } kind)
        {
            Error = text["Error.UpdateCycles.BadKind"];
            return Page();
        }

        var input = new CycleProposalInput(Proposal.NoKk ?? "", Proposal.HeadNik ?? "", Proposal.HeadName ?? "", kind, Proposal.Reason ?? "");
        return await ShowAsync(id, village, "proposal", (await enter.EnterAsync(Caller.Scope, id, Row.Village.Village, input, Caller.UserName, ct)).Error, ct);
    }

    public async Task<IActionResult> OnPostFinishAsync(long id, string village, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, village, ct) || !CycleAccess.MayEnter(Caller.Role))
        {
            return NotFound();
        }

        return await ShowAsync(id, village, "done", (await finish.FinishAsync(Caller.Scope, id, Row.Village.Village, version, Caller.UserName, ct)).Error, ct);
    }

    private async Task<IActionResult> ShowAsync(long id, string village, string what, WriteError? error, CancellationToken ct)
    {
        if (error is null)
        {
            return Redirect($"/pemutakhiran/{id}/desa/{Row.Village.Village.Value}?saved={what}");
        }

        if (error is WriteError.NotFound || !await LoadAsync(id, village, ct))
        {
            return NotFound();
        }

        Error = error.Words(text);
        return Page();
    }

    private async Task<bool> LoadAsync(long id, string village, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = clock.Today();
        if (!CycleAccess.MayRead(Caller.Role) || !RegionCode.TryParse(village, out var code) || !Caller.Scope.Contains(code)
            || await queries.FindAsync(Caller.Scope, id, ct) is not { } cycle)
        {
            return false;
        }

        Status = await queries.StatusAsync(Caller.Scope, cycle, ct);
        if (Status.Villages.FirstOrDefault(r => r.Village.Village == code) is not { } row)
        {
            return false;
        }

        Row = row;
        Today = clock.Today(code);
        Proposals = Status.Proposals.Where(p => p.Proposal.Village == code).ToList();
        return true;
    }
}

/// <summary>The proposal form as typed.</summary>
public sealed class CycleProposalForm
{
    public string? NoKk { get; set; }

    public string? HeadNik { get; set; }

    public string? HeadName { get; set; }

    /// <summary><c>New</c>, <c>Correction</c> or <c>Exit</c> (the SIKS-NG words are read too).</summary>
    public string? Kind { get; set; }

    public string? Reason { get; set; }
}
