using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Registry;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>Usul and sanggah of the region: each must be verified within 14 days; overdue ones stand out.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(EvidenceStore.MaxBytes + (1024 * 1024))]
public sealed class ProposalsModel(
    VervalQueries queries, RegisterQueries register, ReceiveProposal receive, EvidenceStore store, RegionClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<Proposal> Proposals { get; private set; } = [];

    public Dictionary<long, string> NoKkById { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Error { get; private set; }

    public bool Saved { get; private set; }

    [BindProperty]
    public ProposalInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(bool terkirim, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Saved = terkirim;
        Input.Village = Caller.Scope.Region?.Level == RegionLevel.Village ? Caller.Scope.Region.Value : "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? evidence, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var village = RegionCode.Parse(Input.Village);
        if (!village.IsValid || village.Value!.Level != RegionLevel.Village || !Caller.Scope.Contains(village.Value))
        {
            Error = text["ProposalVillageOutside"];
            return Page();
        }

        Household? household = null;
        if (!string.IsNullOrWhiteSpace(Input.NoKk))
        {
            var noKk = NomorKk.Parse(Input.NoKk);
            household = noKk.IsValid ? await register.FindHouseholdAsync(Caller.Scope, noKk.Value!, ct) : null;
            if (household is null)
            {
                Error = text["ProposalHouseholdUnknown", Input.NoKk];
                return Page();
            }
        }

        var (file, refusal) = await store.SaveOptionalAsync(evidence, text, ct);
        if (refusal is not null)
        {
            Error = refusal;
            return Page();
        }

        var result = await receive.ReceiveAsync(
            new ProposalReceived(Input.Kind, village.Value, household?.Id, Input.Description ?? "", Input.ProposerName ?? "", Input.Contact, file), Caller.UserName, ct);
        if (result.Error is { } error)
        {
            // Nothing was saved: neither is the file.
            store.Delete(file is null ? [] : [file]);
            Error = error.Words(text);
            return Page();
        }

        return Redirect("/usul?terkirim=true");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = clock.Today();
        if (!VervalAccess.MayPropose(Caller.Role))
        {
            return false;
        }

        Proposals = await queries.ProposalsAsync(Caller.Scope, ct);
        var ids = Proposals.Where(p => p.HouseholdId is not null).Select(p => p.HouseholdId!.Value).ToList();
        NoKkById = await queries.NoKkByIdAsync(ids, ct);
        HttpContext.PersonalData().Describe(count: Proposals.Count);
        return true;
    }

    /// <summary>Settled when its task was approved (or cancelled); overdue when not settled by its due date.</summary>
    public bool IsOverdue(Proposal p) => p.Task?.State is not (VisitTaskState.Approved or VisitTaskState.Cancelled) && p.DueOn < Today;
}

public sealed class ProposalInput
{
    public ProposalKind Kind { get; set; } = ProposalKind.Usul;

    public string Village { get; set; } = "";

    public string? NoKk { get; set; }

    public string? Description { get; set; }

    public string? ProposerName { get; set; }

    public string? Contact { get; set; }
}
