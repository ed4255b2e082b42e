using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>Visit tasks: for field staff their own (and unassigned ones in their area), for Dinas Sosial all of the region.</summary>
public sealed class TasksModel(VervalQueries queries, RegionClock clock) : PageModel
{
    public const int PageSize = 300;

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty(SupportsGet = true, Name = "semua")]
    public bool All { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!VervalAccess.MayVisit(Caller.Role))
        {
            return NotFound();
        }

        Today = clock.Today();
        var mine = Caller.Role is Role.Operator or Role.Facilitator && !All ? Caller.UserName : null;
        Tasks = await queries.TasksAsync(Caller.Scope, mine, openOnly: true, roundId: null, PageSize, ct);
        HttpContext.PersonalData().Describe(count: Tasks.Count);
        return Page();
    }
}
