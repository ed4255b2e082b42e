using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// An agency's worklist: the extreme-poor households of a region whose unmet needs name the
/// programme. An agency officer tied to a programme always sees their own.
/// </summary>
public sealed class WorklistModel(RegisterQueries register, InterventionQueries queries, RegionClock clock) : RegionPageModel(register, clock)
{
    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public Programme? Programme { get; private set; }

    public IReadOnlyList<(HouseholdConvergence Household, IReadOnlyList<HouseholdNeed> Needs)> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> VillageNames { get; private set; } = new Dictionary<string, string>();

    public bool TooLarge { get; private set; }

    [BindProperty(SupportsGet = true, Name = "programme")]
    public string? ProgrammeText { get; set; }

    public string? OwnProgramme => Caller.Role == Role.Agency ? Caller.Programme : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => InterventionAccess.MaySeeHouseholds(c.Role), ct))
        {
            return NotFoundPage();
        }

        var own = OwnProgramme;
        Programmes = await queries.OpenProgrammesAsync(own, ct);
        var wanted = (own ?? ProgrammeText)?.Trim().ToUpperInvariant();
        Programme = Programmes.FirstOrDefault(p => p.Code == wanted);
        if (Region is null || Programme is null)
        {
            return Page();
        }

        if (Region.Level == RegionLevel.Province)
        {
            TooLarge = true;
            return Page();
        }

        Rows = await queries.WorklistAsync(Region.Code, Programme.Code, At, ct);
        VillageNames = await queries.VillageNamesAsync(Rows.Select(r => r.Household.VillageCode), ct);
        HttpContext.PersonalData().Describe($"{Programme.Code} {Region.Code.Value} {Day(At)}", Rows.Count, Region.Code.Value);
        if (WantsExport)
        {
            return SpreadsheetResult.For(WantsCsv,
                "Daftar kerja",
                $"daftar-kerja-{Programme.Code}-{Region.Code.Value}-{Day(At)}.xlsx",
                ["No. KK", "Kepala Keluarga", "Kode desa/kelurahan", "Desa/Kelurahan", "Status", "Kebutuhan", "Program yang sudah diterima"],
                Rows.Select(r => new object?[]
                {
                    r.Household.NoKk, Caller.MaySeeNames ? r.Household.HeadName : null, r.Household.VillageCode, VillageNames.GetValueOrDefault(r.Household.VillageCode),
                    r.Household.Status.ToIndonesian(), string.Join("; ", r.Needs.Select(n => n.Name)),
                    string.Join(", ", r.Household.Received.Select(x => x.Programme).Distinct()),
                }));
        }

        return Page();
    }

    public string Link(string? format = null) => "/intervensi/daftar-kerja" + QueryString.Create(new Dictionary<string, string?>
    {
        ["programme"] = Programme?.Code,
        ["region"] = Region?.Code.Value,
        ["at"] = Day(At),
        ["format"] = format,
    }.Where(p => p.Value is not null)).ToUriComponent();
}
