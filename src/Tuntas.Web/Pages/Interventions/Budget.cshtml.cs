using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// What programmes delivered in a region over a period: amounts, deliveries and households, by
/// programme and by agency. Counts only, no households: the province may read it too.
/// </summary>
public sealed class BudgetModel(RegisterQueries register, InterventionQueries queries, RegionClock clock) : RegionPageModel(register, clock)
{
    public BudgetReport? Report { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(_ => true, ct))
        {
            return NotFoundPage();
        }

        if (!DateText.TryParseOptional(ToText, Today, out var to) || !DateText.TryParseOptional(FromText, new DateOnly(Today.Year, 1, 1), out var from))
        {
            return NotFoundPage();
        }

        (From, To) = (from, to);
        At = To;
        if (Region is null || From > To)
        {
            return Page();
        }

        Report = await queries.BudgetAsync(Region.Code, From, To, ct);
        if (WantsExport)
        {
            IEnumerable<object?[]> Lines(string title, IReadOnlyList<BudgetLine> lines) =>
                lines.Select(l => new object?[] { title, l.Key, l.Name, l.Amount, l.Deliveries, l.Households, l.WithoutAmount });
            return SpreadsheetResult.For(WantsCsv,
                "Anggaran",
                $"anggaran-{Region.Code.Value}-{Day(From)}-{Day(To)}.xlsx",
                ["Menurut", "Kode", "Nama", "Nilai (Rp)", "Penyaluran", "Keluarga", "Penyaluran tanpa nilai"],
                [
                    .. Lines("Program", Report.ByProgramme),
                    .. Lines("Instansi", Report.ByAgency),
                    ["Jumlah", null, $"{Region.Name}, {Day(From)} s.d. {Day(To)}", Report.Amount, (long)Report.Deliveries, (long)Report.Households, null],
                ]);
        }

        return Page();
    }

    public string Link(string? format = null) => "/intervensi/anggaran" + QueryString.Create(new Dictionary<string, string?>
    {
        ["region"] = Region?.Code.Value,
        ["from"] = Day(From),
        ["to"] = Day(To),
        ["format"] = format,
    }.Where(p => p.Value is not null)).ToUriComponent();
}
