using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.UpdateCycles;
using Tuntas.Domain.Regions;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.UpdateCycles;

namespace Tuntas.Web.Pages.UpdateCycles;

/// <summary>The monthly update cycles (pemutakhiran DTSEN) of the caller's kabupaten/kota, and opening one.</summary>
public sealed class IndexModel(UpdateCycleQueries queries, OpenCycle open, RegionClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<UpdateCycle> Cycles { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty]
    public OpenCycleInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var today = clock.Today();
        var defaults = CycleDeadlines.Default;
        Input = new OpenCycleInput
        {
            Region = Caller.Scope.Region?.AtLevel(RegionLevel.Regency)?.Value ?? "",
            Month = today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            MeetingDay = defaults.MeetingDay,
            ProposalDay = defaults.ProposalDay,
            CheckDay = defaults.CheckDay,
            GroundcheckDay = defaults.GroundcheckDay,
        };
        return Page();
    }

    [RedisplaysHiddenCharacters]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !CycleAccess.MayManage(Caller.Role))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            Error = ModelState.Words(text);
            return Page();
        }

        if (!UpdateCycle.TryParseMonth(Input.Month, out var month))
        {
            Error = text["CycleMonthInvalid"];
            return Page();
        }

        var region = RegionCode.Parse(Input.Region);
        if (!region.IsValid || !Caller.Scope.Contains(region.Value!))
        {
            Error = text["CycleRegencyOutside"];
            return Page();
        }

        var defaults = CycleDeadlines.Default;
        var deadlines = new CycleDeadlines(Input.MeetingDay ?? defaults.MeetingDay, Input.ProposalDay ?? defaults.ProposalDay,
            Input.CheckDay ?? defaults.CheckDay, Input.GroundcheckDay ?? defaults.GroundcheckDay);
        var result = await open.OpenAsync(Caller.Scope, region.Value!, month, deadlines, Caller.UserName, ct);
        if (result.Error is { } error)
        {
            Error = error.Words(text);
            return Page();
        }

        return Redirect($"/pemutakhiran/{result.Value!.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!CycleAccess.MayRead(Caller.Role))
        {
            return false;
        }

        Cycles = await queries.CyclesAsync(Caller.Scope, ct);
        return true;
    }
}

public sealed class OpenCycleInput
{
    /// <summary>The kabupaten/kota code, e.g. 64.74.</summary>
    public string? Region { get; set; }

    /// <summary>The month, YYYY-MM.</summary>
    public string? Month { get; set; }

    public int? MeetingDay { get; set; }

    public int? ProposalDay { get; set; }

    public int? CheckDay { get; set; }

    public int? GroundcheckDay { get; set; }
}
