using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// The follow-up list: recipients agencies paid that the register does not hold, from imports made
/// within the caller's region. Dinas Sosial closes an item with a note once it is sorted out.
/// </summary>
public sealed class FollowUpModel(InterventionQueries queries, CloseFollowUp closing, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int MaxNote = 300;

    public Caller Caller { get; private set; } = null!;

    public IReadOnlyList<FollowUpItem> Items { get; private set; } = [];

    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    public bool MayClose => InterventionAccess.MayCloseFollowUp(Caller.Role);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Allowed())
        {
            return NotFound();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, int version, string? note, CancellationToken ct)
    {
        if (!Allowed() || !MayClose || await queries.FindFollowUpAsync(Caller.Scope, id, ct) is not { } item)
        {
            return NotFound();
        }

        // Closed or changed by someone else since this page was loaded: say so instead of overwriting.
        if (item.ResolvedAt is not null || item.Version != version)
        {
            return await ConflictAsync(ct);
        }

        note = note?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > MaxNote)
        {
            return await RefusedAsync(text["FollowUpNoteNeeded", MaxNote], ct);
        }

        return (await closing.CloseAsync(Caller.Scope, id, version, Caller.UserName, note, ct)).Error switch
        {
            null => Redirect("/intervensi/tindak-lanjut?pesan=ditutup"),
            WriteError.NotFound => NotFound(),

            // Closed by someone else between reading it and saving; nothing of this request was kept.
            WriteError.Conflict => await ConflictAsync(ct),
            var error => await RefusedAsync(error.Words(text), ct),
        };
    }

    private Task<IActionResult> ConflictAsync(CancellationToken ct) => RefusedAsync(text["ChangedByOthers"], ct);

    private async Task<IActionResult> RefusedAsync(string error, CancellationToken ct)
    {
        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The recipient as the agency named them, the NIK masked for roles that may not read it.</summary>
    public string ShowKey(string key) =>
        key.StartsWith("NIK:", StringComparison.Ordinal) && !Caller.MaySeeFullNik ? "NIK:" + Nik.Mask(key[4..]) : key;

    private bool Allowed()
    {
        Caller = HttpContext.GetCaller();
        return InterventionAccess.MaySeeHouseholds(Caller.Role);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var items = await queries.FollowUpAsync(Caller.Scope, ct);

        // An agency officer follows up the recipients of their own programme.
        Items = Caller.Role == Role.Agency && Caller.Programme is { } own ? items.Where(i => i.Programme == own).ToList() : items;
        HttpContext.PersonalData().Describe(count: Items.Count);
    }
}
