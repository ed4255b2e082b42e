using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>Verification rounds (putaran verval) of the region, and opening a new one.</summary>
public sealed class RoundsModel(VervalQueries queries, CreateRound create, RegionClock clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<VervalRound> Rounds { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Created { get; private set; }

    [BindProperty]
    public RoundInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var today = clock.Today();
        Input = new RoundInput
        {
            Region = Caller.Scope.Region?.Value ?? "",
            Start = today,
            End = today.AddMonths(3).AddDays(-1),
            ReverifyMonths = VervalRound.DefaultReverifyMonths,
        };
        return Page();
    }

    [RedisplaysHiddenCharacters]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || !VervalAccess.MayPlan(Caller.Role))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Input.Start == default || Input.End == default)
        {
            Error = ModelState.Words(text);
            return Page();
        }

        var region = RegionCode.Parse(Input.Region);
        if (!region.IsValid || !Caller.Scope.Contains(region.Value!))
        {
            Error = text["RoundRegionOutside"];
            return Page();
        }

        var result = await create.CreateAsync(Caller.Scope, region.Value!, Input.Name ?? "", Input.Start, Input.End, Input.ReverifyMonths, Caller.UserName, ct);
        if (result.Error is { } error)
        {
            Error = error.Words(text);
            return Page();
        }

        return Redirect($"/verval/{result.Value!.Round.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!VervalAccess.MayVisit(Caller.Role))
        {
            return false;
        }

        Rounds = await queries.RoundsAsync(Caller.Scope, ct);
        return true;
    }
}

public sealed class RoundInput
{
    public string Region { get; set; } = "";

    public string? Name { get; set; }

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public int ReverifyMonths { get; set; } = VervalRound.DefaultReverifyMonths;
}
