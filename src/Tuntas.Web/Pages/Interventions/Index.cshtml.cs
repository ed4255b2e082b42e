using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Domain.Regions;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>Intervensi: the headline of the caller's region (extreme poor, untouched, in handling) and the screens of this part.</summary>
public sealed class IndexModel(RegisterQueries register, GapsQuery gaps, RegionClock clock) : RegionPageModel(register, clock)
{
    public GapsReport? Gaps { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(_ => true, ct))
        {
            return NotFoundPage();
        }

        // A national caller chooses a region first: the whole country is too large to compute on every visit.
        if (Region is not null)
        {
            Gaps = await gaps.ComputeAsync(Region.Code, At, ct);
        }

        return Page();
    }

    public string? RegionQuery => Region is null ? null : "?region=" + Region.Code.Value;
}
