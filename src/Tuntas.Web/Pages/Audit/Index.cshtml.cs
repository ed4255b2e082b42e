using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Audit;
using Tuntas.Domain.Access;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Audit;

/// <summary>
/// The audit trail (Jejak Audit) for Dinas Sosial and administrators: the newest entries of their
/// region, and on request a check of the whole hash chain.
/// </summary>
public sealed class IndexModel(AuditQueries queries) : PageModel
{
    public const int Shown = 200;

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    [BindProperty(SupportsGet = true, Name = "aksi")]
    public string? Action { get; set; }

    public static bool MayRead(Role role) => role is Role.Admin or Role.Verifier;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Recomputes the whole chain (a read; a POST only so that a crawler does not start it).</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Verification = await queries.VerifyAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!MayRead(Caller.Role))
        {
            return false;
        }

        Entries = await queries.NewestAsync(Caller.Scope, Action, Shown, ct);
        HttpContext.PersonalData().Describe(count: Entries.Count);
        return true;
    }
}
