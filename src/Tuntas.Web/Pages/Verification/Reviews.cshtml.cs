using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Verification;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>Dinas Sosial's review queue (Pemeriksaan Dinas Sosial): visits waiting, oldest first.</summary>
public sealed class ReviewsModel(VervalQueries queries, VisitMarkQueries marks) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true, Name = "kk")]
    public string? DecidedNoKk { get; set; }

    /// <summary>The reviewer's marks of each visit waiting, by visit id.</summary>
    public IReadOnlyDictionary<long, VisitMarkReport> Marks { get; private set; } = new Dictionary<long, VisitMarkReport>();

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<VisitRow> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!VervalAccess.MayReview(Caller.Role))
        {
            return NotFound();
        }

        Visits = await queries.VisitsAsync(Caller.Scope, ReviewState.Pending, 300, ct);
        HttpContext.PersonalData().Describe(count: Visits.Count);
        Marks = await marks.MarksAsync(Visits.Select(v => v.Id).ToList(), ct);
        return Page();
    }
}
