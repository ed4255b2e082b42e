using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>One visit under review: what was found, the evidence, and approve or return with a note.</summary>
public sealed class ReviewModel(VervalQueries queries, VisitMarkQueries marks, ReviewVisit review, IConfiguration config, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>OpenStreetMap's standard tiles, used when <c>Tuntas:Map:TileUrl</c> is not set; an empty setting means no tiles.</summary>
    public const string DefaultTileUrl = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    public const string DefaultTileAttribution = "© OpenStreetMap contributors";

    /// <summary>After a decision: <c>disetujui</c> (approved) or <c>dikembalikan</c> (returned), with the household's No. KK.</summary>
    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    [BindProperty(SupportsGet = true, Name = "kk")]
    public string? DecidedNoKk { get; set; }

    public VisitComparison Comparison { get; private set; } = null!;

    public VisitBaseline Baseline { get; private set; } = null!;

    public VisitMarkSettings MarkSettings => marks.Settings;

    /// <summary>The tile URL template for the map, or null for none (the point list stays).</summary>
    public string? TileUrl { get; private set; }

    public string TileAttribution { get; private set; } = DefaultTileAttribution;

    public Caller Caller { get; private set; } = null!;

    public Visit Visit { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public Classification? Classification { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(long id, int version, string? note, CancellationToken ct) =>
        await ShowAsync(id, await DecideAsync(caller => review.ApproveAsync(caller.Scope, id, version, caller.UserName, note, ct)), Approved, ct);

    public async Task<IActionResult> OnPostReturnAsync(long id, int version, string? note, CancellationToken ct) =>
        await ShowAsync(id, await DecideAsync(caller => review.ReturnAsync(caller.Scope, id, version, caller.UserName, note, ct)), Returned, ct);

    public const string Approved = "disetujui";

    public const string Returned = "dikembalikan";

    private async Task<WriteResult<long>> DecideAsync(Func<Caller, Task<WriteResult<long>>> decide)
    {
        var caller = HttpContext.GetCaller();
        return VervalAccess.MayReview(caller.Role) ? await decide(caller) : new WriteError.NotFound("visit");
    }

    /// <summary>
    /// After a decision: the next visit waiting in the reviewer's scope (one the reviewer did not make
    /// themselves), or the queue when none is left, saying what was decided; after a refusal, the visit
    /// as it is stored, with the reason.
    /// </summary>
    private async Task<IActionResult> ShowAsync(long id, WriteResult<long> result, string outcome, CancellationToken ct)
    {
        if (result.Error is WriteError.NotFound || !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (result.Error is { } error)
        {
            Error = error.Words(text, "ConcurrencyVisit");
            return Page();
        }

        var said = $"pesan={outcome}&kk={Household.NoKk.Value}";
        var next = (await queries.VisitsAsync(Caller.Scope, ReviewState.Pending, 300, ct))
            .FirstOrDefault(v => v.Id != id && !string.Equals(v.Visitor, Caller.UserName, StringComparison.OrdinalIgnoreCase));
        return Redirect(next is null ? $"/pemeriksaan?{said}" : $"/pemeriksaan/{next.Id}?{said}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        if (!VervalAccess.MayReview(Caller.Role) || await queries.FindVisitAsync(Caller.Scope, id, ct) is not { } found)
        {
            return false;
        }

        (Visit, Household) = found;
        Classification = Classification.FromJson(Household.ClassificationJson);
        Comparison = await marks.CompareAsync(Visit, Household.VillageCode, ct);
        Baseline = new VisitBaseline(Comparison.Previous, Household, text);
        var tiles = config["Tuntas:Map:TileUrl"];
        TileUrl = tiles is null ? DefaultTileUrl : string.IsNullOrWhiteSpace(tiles) ? null : tiles.Trim();
        TileAttribution = config["Tuntas:Map:TileAttribution"] ?? (tiles is null ? DefaultTileAttribution : "");
        if (TileUrl is not null && Uri.TryCreate(TileUrl.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var origin))
        {
            // The tiles are images from the tile server: the content security policy names it for this page only.
            HttpContext.Items[SecurityHeaders.ExtraImageSourceKey] = TileUrl.Contains("{s}", StringComparison.Ordinal)
                ? $"{origin.Scheme}://*.{string.Join('.', origin.Host.Split('.').Skip(1))}"
                : origin.GetLeftPart(UriPartial.Authority);
        }

        return true;
    }
}
