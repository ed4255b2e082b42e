using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Interventions;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// The convergence matrix: each extreme-poor household of a kecamatan or desa (a kabupaten/kota page
/// by page) against the three strategies, with the needs no programme has met yet, as of a day.
/// </summary>
public sealed class ConvergenceModel(RegisterQueries register, GapsQuery gaps, InterventionQueries queries, RegionClock clock) : RegionPageModel(register, clock)
{
    public const int PageSize = 50;

    /// <summary>The filters the counts at the top link to.</summary>
    public static readonly string[] Filters = ["belum-tersentuh", "kebutuhan-belum-terpenuhi", "dalam-penanganan", .. Enum.GetValues<Strategy>().Select(s => s.ToWire())];

    public IReadOnlyList<HouseholdConvergence> All { get; private set; } = [];

    public IReadOnlyList<HouseholdConvergence> Shown { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyDictionary<string, string> VillageNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The region is a province or the whole country: too many households for one matrix.</summary>
    public bool TooLarge { get; private set; }

    [BindProperty(SupportsGet = true, Name = "filter")]
    public string? Filter { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => InterventionAccess.MaySeeHouseholds(c.Role), ct))
        {
            return NotFoundPage();
        }

        if (Region is null || Region.Level == RegionLevel.Province)
        {
            TooLarge = Region is not null;
            return Page();
        }

        All = await gaps.CaseloadAsync(Region.Code, At, ct);
        var filtered = All.Where(Matches).ToList();
        Total = filtered.Count;
        VillageNames = await queries.VillageNamesAsync(All.Select(h => h.VillageCode), ct);

        HttpContext.PersonalData().Describe($"{Region.Code.Value} {Day(At)}", filtered.Count, Region.Code.Value);
        if (WantsExport)
        {
            return SpreadsheetResult.For(WantsCsv,
                "Konvergensi",
                $"konvergensi-{Region.Code.Value}-{Day(At)}.xlsx",
                ["No. KK", "Kepala Keluarga", "Kode desa/kelurahan", "Desa/Kelurahan", "Status", .. Enum.GetValues<Strategy>().Select(s => s.ToIndonesian()), "Kebutuhan belum terpenuhi", "Dalam penanganan"],
                filtered.Select(h => new object?[]
                {
                    h.NoKk, Caller.MaySeeNames ? h.HeadName : null, h.VillageCode, VillageNames.GetValueOrDefault(h.VillageCode), h.Status.ToIndonesian(),
                    Reached(h, Strategy.ReduceSpending) ?? "Belum", Reached(h, Strategy.RaiseIncome) ?? "Belum", Reached(h, Strategy.ReducePovertyPockets) ?? "Belum",
                    string.Join("; ", h.Unmet.Select(n => $"{n.Name} ({string.Join("/", n.Programmes)})")), h.InHandling ? "Ya" : "Tidak",
                }));
        }

        // A kabupaten/kota has too many households for one screen: it is shown page by page.
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Shown = filtered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        HttpContext.PersonalData().Describe($"{Region.Code.Value} {Day(At)} page {PageNumber}", Shown.Count);
        return Page();
    }

    /// <summary>The programmes of a strategy that reached the household, or null when none did.</summary>
    public static string? Reached(HouseholdConvergence h, Strategy strategy)
    {
        var codes = h.Received.Where(r => r.Strategy == strategy).Select(r => r.Programme).Distinct().ToList();
        return codes.Count == 0 ? null : string.Join(", ", codes);
    }

    public int Count(string filter) => All.Count(h => Matches(h, filter));

    public string Link(string? filter, int? page = null, string? format = null) => "/intervensi/konvergensi" + QueryString.Create(new Dictionary<string, string?>
    {
        ["region"] = Region?.Code.Value,
        ["at"] = Day(At),
        ["filter"] = filter,
        ["page"] = page?.ToString(CultureInfo.InvariantCulture),
        ["format"] = format,
    }.Where(p => p.Value is not null)).ToUriComponent();

    public static string FilterLabel(string filter, Microsoft.Extensions.Localization.IStringLocalizer text) => filter switch
    {
        "belum-tersentuh" => text["NotReachedAny"],
        "kebutuhan-belum-terpenuhi" => text["WithUnmetNeeds"],
        "dalam-penanganan" => text["InHandling"],
        _ => StrategyNames.ParseStrategy(filter) is { } s ? (UiCulture.IsEnglish ? s.ToEnglish() : s.ToIndonesian()) : filter,
    };

    private bool Matches(HouseholdConvergence h) => string.IsNullOrEmpty(Filter) || !Filters.Contains(Filter) || Matches(h, Filter);

    private static bool Matches(HouseholdConvergence h, string filter) => filter switch
    {
        "belum-tersentuh" => !h.Reached,
        "kebutuhan-belum-terpenuhi" => h.Unmet.Any(),
        "dalam-penanganan" => h.InHandling,
        _ => StrategyNames.ParseStrategy(filter) is { } s && h.ReachedBy(s),
    };
}
