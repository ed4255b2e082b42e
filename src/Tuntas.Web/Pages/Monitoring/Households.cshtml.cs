using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Registry;
using Tuntas.Data.Spreadsheets;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Interventions;
using Tuntas.Web.Monitoring;

namespace Tuntas.Web.Pages.Monitoring;

/// <summary>
/// The households behind a dashboard count: those whose status at the end of <c>at</c> was the one
/// named by <c>status</c>, in the region where they lived then. The same set as the count, masked per
/// role; exported to CSV or XLSX with <c>format=</c>. The province sees aggregates only: 404.
/// </summary>
public sealed class HouseholdsModel(RegisterQueries register, HeadlineQuery headline, DashboardQuery dashboard, RegionClock clock)
    : RegionPageModel(register, clock)
{
    public const int PageSize = 50;

    public CaseloadList List { get; private set; }

    public Page<HouseholdSummary> Result { get; private set; } = new([], 1, PageSize, 0);

    [BindProperty(SupportsGet = true, Name = "status")]
    public string? StatusText { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    /// <summary>For an exit list with a period: the households whose change to that status took effect in it.</summary>
    public (DateOnly From, DateOnly To)? Period { get; private set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => c.Role != Role.Province, ct) || Region is null || CaseloadLists.Parse(StatusText ?? "extremePoor") is not { } list)
        {
            return NotFoundPage();
        }

        List = list;
        if (!AskedFor(Region))
        {
            return NotFoundPage();
        }
        if (FromText is not null || ToText is not null)
        {
            if (list.Statuses() is not [var exit] || exit is HouseholdStatus.Listed or HouseholdStatus.Verified
                || !DateText.TryParse(FromText, out var from)
                || !DateText.TryParse(ToText, out var to)
                || from > to)
            {
                return NotFoundPage();
            }

            Period = (from, to);
        }

        var query = Period is { } period
            ? dashboard.ExitedIn(Region.Code, period.From, period.To, list.Statuses()[0])
            : list == CaseloadList.InHandling
                ? headline.InHandlingAsOf(Region.Code, At)
                : headline.HouseholdsAsOf(Region.Code, At, list.Statuses());
        var csv = string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);
        if (WantsXlsx || csv)
        {
            var all = (await Register.ListAsync(query, 1, int.MaxValue, ct)).Items;
            var header = new object?[] { "No. KK", "Kepala Keluarga", "NIK Kepala Keluarga", "Kode desa/kelurahan", "Desa/Kelurahan", "Anggota", "Desil", "Status sekarang" };
            var rows = all.Select(h => new object?[]
            {
                h.NoKk.Value, FormulaGuard.Text(HeadName(h)), HeadNik(h), h.VillageCode.Value, FormulaGuard.Text(h.VillageName), h.MemberCount, h.Desil, h.Status.ToIndonesian(),
            }).ToList();
            var name = $"keluarga-{List.ToWire()}-{Region.Code.Value}-" + (Period is { } p ? $"{Day(p.From)}-{Day(p.To)}" : Day(At));
            HttpContext.PersonalData().Describe(Asked(csv ? "csv" : "xlsx"), rows.Count, Region.Code.Value);
            return SpreadsheetResult.For(csv, "Keluarga", name + ".xlsx", header, rows);
        }

        Result = await Register.ListAsync(query, Math.Max(1, PageNumber), PageSize, ct);
        HttpContext.PersonalData().Describe(Asked($"page {Result.PageNumber}"), Result.Items.Count, Region.Code.Value);
        return Page();
    }

    /// <summary>The list as asked for, for the record of who viewed it: status, day or period, and what was shown.</summary>
    private string Asked(string what) =>
        $"{List.ToWire()} " + (Period is { } p ? $"{Day(p.From)}..{Day(p.To)}" : Day(At)) + " " + what;

    public string? HeadName(HouseholdSummary h) => Caller.MaySeeNames ? h.HeadName : null;

    public string? HeadNik(HouseholdSummary h) => h.HeadNik is null ? null : Caller.MaySeeFullNik ? h.HeadNik : Nik.Mask(h.HeadNik);

    public string Link(int? page = null, string? format = null) => $"/dasbor/{Region!.Code.Value}/keluarga" + QueryString.Create(new Dictionary<string, string?>
    {
        ["at"] = Period is null ? Day(At) : null,
        ["from"] = Period is { } p ? Day(p.From) : null,
        ["to"] = Period is { } q ? Day(q.To) : null,
        ["status"] = List.ToWire(),
        ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["format"] = format,
    }.Where(p => p.Value is not null)).ToUriComponent();
}
