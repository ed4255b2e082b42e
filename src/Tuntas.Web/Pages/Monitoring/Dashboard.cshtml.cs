using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Registry;
using Tuntas.Domain.Access;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Web.Common;
using Tuntas.Web.Interventions;
using Tuntas.Web.Monitoring;

namespace Tuntas.Web.Pages.Monitoring;

/// <summary>
/// The dashboard of a region on a day: the headline figures, exits in a period, the target, the
/// monthly trend against the target trajectory with a projection, and the child regions ranked.
/// Every count links to the households behind it, except for the province, which sees aggregates.
/// </summary>
public sealed class DashboardModel(
    RegisterQueries register, DashboardQuery dashboard, SetTarget targets, RegionClock clock,
    IStringLocalizer<SharedResource> text, Tuntas.Data.ClaimAudit.ClaimAuditQueries claimAudits, PublicFiguresQuery publicFigures,
    Tuntas.Data.Interventions.CatalogueQueries catalogue)
    : RegionPageModel(register, clock)
{
    /// <summary>On a desa/kelurahan, for the roles that may download them: the files for the village's OpenSID.</summary>
    public bool MayDownloadSuplemen { get; private set; }

    /// <summary>The programmes offered for the Program Bantuan download (an agency officer: their own only); empty when the download is not offered.</summary>
    public IReadOnlyList<(string Code, string Name)> OpenSidProgrammes { get; private set; } = [];

    public HeadlineFigures Figures { get; private set; } = null!;

    public PeriodExits Exits { get; private set; } = null!;

    public TargetFigure? Target { get; private set; }

    public IReadOnlyList<TrendPoint> Trend { get; private set; } = [];

    public TrendPoint? Baseline { get; private set; }

    public Projection? Projection { get; private set; }

    public IReadOnlyList<ChildFigures> Children { get; private set; } = [];

    public PopulationFigure? Population { get; private set; }

    public IReadOnlyList<Region> Lineage { get; private set; } = [];

    /// <summary>The field proof and claim audits shown beside the headline.</summary>
    public ClaimAuditLine ClaimLine { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    public bool SortByRate => string.Equals(Sort, "rate", StringComparison.OrdinalIgnoreCase);

    public bool MayList => Caller.Role != Role.Province;

    /// <summary>Targets are set by administrators.</summary>
    public bool MaySetTarget => Caller.Role == Role.Admin;

    /// <summary>Why a target could not be set, in the reader's language.</summary>
    public string? TargetError { get; private set; }

    /// <summary>Sets the region's target (at most N households by a date); earlier targets stay on record.</summary>
    public async Task<IActionResult> OnPostTargetAsync(string? targetDate, string? targetHouseholds, CancellationToken ct)
    {
        if (!await ResolveAsync(c => c.Role == Role.Admin, ct) || Region is null || !AskedFor(Region))
        {
            return NotFoundPage();
        }

        if (!TryDay(targetDate, out var day))
        {
            TargetError = text["TargetDateInvalid"];
        }
        else if (!int.TryParse(targetHouseholds, NumberStyles.None, CultureInfo.InvariantCulture, out var households))
        {
            TargetError = text["TargetHouseholdsInvalid"];
        }
        else if ((await targets.SetAsync(Region.Code, day, households, Caller.UserName, ct)).Error is { } error)
        {
            TargetError = error.Words(text);
        }
        else
        {
            return Redirect(Link(Region.Code));
        }

        return await OnGetAsync(ct);
    }

    /// <summary>The caller's share of people in extreme poverty: people / population, null without a denominator.</summary>
    public double? Rate => Population is { People: > 0 } p && Figures.ExtremePoor.People is { } people ? (double)people / p.People : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(_ => true, ct))
        {
            return NotFoundPage();
        }

        // The scope narrows an ancestor to itself; the dashboard answers only for the region asked.
        if (!AskedFor(Region))
        {
            return NotFoundPage();
        }

        if (Region is null)
        {
            return Page();
        }

        var from = new DateOnly(At.Year, 1, 1);
        var to = At;
        if ((FromText is not null && !TryDay(FromText, out from)) || (ToText is not null && !TryDay(ToText, out to)) || from > to)
        {
            return NotFoundPage();
        }

        var report = (await dashboard.ReportAsync(Region.Code, At, from, to, ct))!;
        (Figures, Exits, Target, Trend, Projection, Population) = (report.Figures, report.Exits, report.Target, report.Trend, report.Projection, report.Population);
        Baseline = Trend.Count > 0 ? Trend[0] : null;
        Lineage = await Register.LineageAsync(Region.Code, ct);
        ClaimLine = new ClaimAuditLine(
            Figures.ExtremePoor.Households,
            await publicFigures.FieldProofAsync(Region.Code, At, ct),
            await claimAudits.BesideHeadlineAsync(Region.Code, At, ct),
            Caller.Role is Role.Verifier or Role.Admin ? $"/audit-klaim/{Region.Code.Value}" : null);
        if (Region.Level == RegionLevel.Village)
        {
            MayDownloadSuplemen = Tuntas.Web.Access.EndpointAccess.OpenSidSuplemen.Allows(Caller.Role);
            if (Tuntas.Web.Access.EndpointAccess.OpenSidBantuan.Allows(Caller.Role))
            {
                OpenSidProgrammes = (await catalogue.ProgrammesAsync(ct))
                    .Where(p => Caller.Role == Role.Agency ? p.Code == Caller.Programme : p.Active)
                    .OrderBy(p => p.Code, StringComparer.Ordinal)
                    .Select(p => (p.Code, p.Name))
                    .ToList();
            }
        }

        var children = report.Children;
        Children = SortByRate
            ? children.OrderByDescending(c => c.HasData).ThenByDescending(c => c.Rate ?? -1).ThenByDescending(c => c.People).ThenBy(c => c.Code.Value, StringComparer.Ordinal).ToList()
            : children.OrderByDescending(c => c.Households).ThenBy(c => c.Code.Value, StringComparer.Ordinal).ToList();
        return Page();
    }

    /// <summary>The names of the child regions, by code (for the list of those without data).</summary>
    public IReadOnlyDictionary<string, string> ChildNames => Children.ToDictionary(c => c.Code.Value, c => c.Name, StringComparer.Ordinal);

    /// <summary>The target line on a day, when there is a target and a baseline.</summary>
    public double? TargetOn(DateOnly day) =>
        Target is null || Baseline is null ? null : Trajectory.TargetLine(Baseline, Target.Date, Target.Households, day);

    /// <summary>The link to the households behind a count of a region on the dashboard's day; null for the province role.</summary>
    public string? ListLink(CaseloadList list, RegionCode? region = null) => !MayList ? null :
        $"/dasbor/{(region ?? Region!.Code).Value}/keluarga" + QueryString.Create(new Dictionary<string, string?>
        {
            ["at"] = Day(At),
            ["status"] = list.ToWire(),
        }).ToUriComponent();

    /// <summary>The link to the households that left for <paramref name="list"/> in the period; null for the province role.</summary>
    public string? ExitLink(CaseloadList list) => !MayList ? null :
        $"/dasbor/{Region!.Code.Value}/keluarga" + QueryString.Create(new Dictionary<string, string?>
        {
            ["from"] = Day(Exits.From),
            ["to"] = Day(Exits.To),
            ["status"] = list.ToWire(),
        }).ToUriComponent();

    public string Link(RegionCode region, string? sort = null) => $"/dasbor/{region.Value}" + QueryString.Create(new Dictionary<string, string?>
    {
        ["at"] = At == Today ? null : Day(At),
        ["sort"] = sort,
    }.Where(p => p.Value is not null)).ToUriComponent();

    public DateOnly From => Exits.From;

    public DateOnly To => Exits.To;
}
