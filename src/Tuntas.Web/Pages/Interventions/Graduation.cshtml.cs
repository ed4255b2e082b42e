using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// Graduation readiness: verified households that programmes reached and whose last assessment is
/// above the poverty line. Graduation is shown by a verified re-assessment, so Dinas Sosial sends a
/// graduation visit; a household with a pending task shows the task instead.
/// </summary>
public sealed class GraduationModel(
    RegisterQueries register, InterventionQueries queries, PlanGraduationVisit planning, RegionClock clock)
    : RegionPageModel(register, clock)
{
    /// <summary>Days the field team has for a graduation visit.</summary>
    public const int DaysToVisit = 30;

    public IReadOnlyList<GraduationCandidate> Candidates { get; private set; } = [];

    public IReadOnlyDictionary<string, string> VillageNames { get; private set; } = new Dictionary<string, string>();

    public bool MayPlan => InterventionAccess.MayPlanVisits(Caller.Role);

    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => InterventionAccess.MaySeeHouseholds(c.Role), ct))
        {
            return NotFoundPage();
        }

        if (Region is null || Region.Level == RegionLevel.Province)
        {
            return Page();
        }

        Candidates = await queries.GraduationReadinessAsync(Region.Code, Today, ct);
        VillageNames = await queries.VillageNamesAsync(Candidates.Select(c => c.VillageCode), ct);
        HttpContext.PersonalData().Describe($"{Region.Code.Value} {Day(Today)}", Candidates.Count, Region.Code.Value);
        if (WantsExport)
        {
            return SpreadsheetResult.For(WantsCsv,
                "Siap graduasi",
                $"siap-graduasi-{Region.Code.Value}-{Day(Today)}.xlsx",
                ["No. KK", "Kepala Keluarga", "Kode desa/kelurahan", "Desa/Kelurahan", "Pengeluaran per kapita (Rp)", "Garis kemiskinan (Rp)", "Dinilai", "Program diterima", "Penyaluran terakhir", "Tugas kunjungan"],
                Candidates.Select(c => new object?[]
                {
                    c.NoKk, Caller.MaySeeNames ? c.HeadName : null, c.VillageCode, VillageNames.GetValueOrDefault(c.VillageCode), c.SpendingPerCapita, c.Line,
                    c.AssessedOn is { } on ? Day(on) : null, string.Join(", ", c.Programmes), Day(c.LastDelivery),
                    c.PendingTask is { } state ? $"{Localization.Formats.Purpose(c.PendingPurpose!.Value)}: {Localization.Formats.TaskState(state)}" : null,
                }));
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCreateTaskAsync(long household, CancellationToken ct)
    {
        if (!await ResolveAsync(c => InterventionAccess.MayPlanVisits(c.Role), ct) || Region is null || Region.Level == RegionLevel.Province)
        {
            return NotFoundPage();
        }

        // The button is only offered for a candidate without a pending task; a second click finds the task and adds nothing.
        var candidate = (await queries.GraduationReadinessAsync(Region.Code, Today, ct)).FirstOrDefault(c => c.HouseholdId == household);
        if (candidate is null)
        {
            return NotFoundPage();
        }

        if (candidate.PendingTask is null && (await planning.PlanAsync(Caller.Scope, household, Today.AddDays(DaysToVisit), Caller.UserName, ct)).Error is not null)
        {
            return NotFoundPage();
        }

        return Redirect(Link() + "&pesan=tugas-dibuat");
    }

    public string Link(string? format = null) => "/intervensi/siap-graduasi" + QueryString.Create(new Dictionary<string, string?>
    {
        ["region"] = Region?.Code.Value,
        ["format"] = format,
    }.Where(p => p.Value is not null)).ToUriComponent();
}
