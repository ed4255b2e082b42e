using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Registry;
using Tuntas.Domain.Access;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Interventions;

namespace Tuntas.Web.Pages.ClaimAudit;

/// <summary>
/// The claim audits of a region: their progress and results, a form to draw a new one, and a
/// sample-size calculator. For Dinas Sosial verifiers and administrators.
/// </summary>
public sealed class IndexModel(RegisterQueries register, ClaimAuditQueries queries, DrawClaimAudit draw, RegionClock clock, IStringLocalizer<SharedResource> text)
    : RegionPageModel(register, clock)
{
    public IReadOnlyList<ClaimAuditStanding> Audits { get; private set; } = [];

    /// <summary>The re-checks assigned to the caller and not yet done.</summary>
    public IReadOnlyList<PendingRecheck> Waiting { get; private set; } = [];

    [BindProperty]
    public DrawInput Draw { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "populasi")]
    public int? PlanPopulation { get; set; }

    [BindProperty(SupportsGet = true, Name = "margin")]
    public int? PlanMarginPercent { get; set; }

    /// <summary>The sample size for the calculator's population and margin; null until asked.</summary>
    public int? PlannedSize { get; private set; }

    public string? Error { get; private set; }

    private static bool ForAuditors(Caller caller) => caller.Role is Role.Verifier or Role.Admin;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ForAuditors, ct) || !AskedFor(Region))
        {
            return NotFoundPage();
        }

        Draw = new DrawInput { From = Day(new DateOnly(Today.Year - 1, 1, 1)), To = Day(Today) };
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(ForAuditors, ct) || !AskedFor(Region) || Region is null)
        {
            return NotFoundPage();
        }

        var status = HouseholdStatusNames.ParseWire(Draw.Status);
        if (status is null || !ClaimAuditSample.IsAuditable(status.Value))
        {
            Error = text["ClaimAuditStatusInvalid"];
        }
        else if (!TryDay(Draw.From, out var from) || !TryDay(Draw.To, out var to))
        {
            Error = text["ClaimAuditPeriodInvalid"];
        }
        else if (Draw.Size is not { } size)
        {
            Error = text["ClaimAuditSizeInvalid"];
        }
        else
        {
            // The seed is the server's: nothing in the form chooses it.
            var drawn = await draw.DrawAsync(new DrawRequest(Region.Code, status.Value, from, to, size, Draw.Stratify), Caller.UserName, ct);
            if (drawn.Value is { } sample)
            {
                return Redirect($"/audit-klaim/sampel/{sample.Id.ToString(CultureInfo.InvariantCulture)}");
            }

            Error = drawn.Error!.Words(text);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (Region is null)
        {
            return;
        }

        Audits = await queries.ListAsync(Region.Code, Caller.Scope, ct);
        Waiting = (await queries.WaitingForAsync(Caller.UserName, Caller.Scope, ct)).Where(w => Region.Code.Contains(w.District)).ToList();
        if (PlanPopulation is { } population && PlanMarginPercent is { } margin)
        {
            try
            {
                PlannedSize = SampleSize.ForMargin(population, margin / 100.0);
            }
            catch (DomainException e)
            {
                Error = e.Localized;
            }
        }
    }
}

/// <summary>The draw form, kept as typed when it is refused. It has no seed: the server draws it.</summary>
public sealed class DrawInput
{
    public string? Status { get; set; } = "graduated";

    public string? From { get; set; }

    public string? To { get; set; }

    public int? Size { get; set; } = 30;

    public bool Stratify { get; set; }
}
