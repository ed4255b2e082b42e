using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Audit;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Data.Verification;
using Tuntas.Domain.Common;
using Tuntas.Domain.Import;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Households;

/// <summary>One household: its card data and members, masked as the caller's role requires.</summary>
public sealed class DetailModel(
    RegisterQueries queries, VervalQueries verval, ClassificationService classification, InterventionQueries interventions, Data.Desil.DesilQueries desils, RegionClock clock)
    : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public IReadOnlyList<Region> Lineage { get; private set; } = [];

    public Classification? Classification { get; private set; }

    /// <summary>The explanation was computed for this page, not stored by a classification run.</summary>
    public bool ClassificationIsLive { get; private set; }

    public IReadOnlyList<HouseholdStatusEvent> History { get; private set; } = [];

    /// <summary>The family's desil as dated facts, the newest version first.</summary>
    public IReadOnlyList<HouseholdDesil> DesilHistory { get; private set; } = [];

    public IReadOnlyList<Visit> Visits { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Timeline { get; private set; } = [];

    public IReadOnlyList<DeliveryLine> Deliveries { get; private set; } = [];

    /// <summary>What the household needs and which needs a delivery met; null when it is not extreme poor today.</summary>
    public HouseholdConvergence? Convergence { get; private set; }

    /// <summary>The delivery form, for the roles that record deliveries; null for the others.</summary>
    public Pages.Interventions.DeliveryFormView? DeliveryForm { get; private set; }

    /// <summary>A confirmation after a redirect: <c>kunjungan-terkirim</c>, <c>kunjungan-diperiksa</c>, <c>penyaluran-tercatat</c>.</summary>
    [BindProperty(SupportsGet = true, Name = "pesan")]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string noKk, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        var parsed = NomorKk.Parse(noKk);
        var household = parsed.IsValid ? await queries.FindHouseholdAsync(Caller.Scope, parsed.Value!, ct) : null;
        if (household is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Partial("_NotFoundPage");
        }

        Household = household;
        HttpContext.PersonalData().Describe(household.NoKk.Value, region: household.VillageCode.Value);
        Lineage = await queries.LineageAsync(household.VillageCode, ct);
        Classification = Classification.FromJson(household.ClassificationJson);
        if (Classification is null)
        {
            // Never a candidate, so nothing was stored: explain with the criteria of today.
            Classification = await classification.ClassifyOneAsync(household, clock.Today(), ct);
            ClassificationIsLive = true;
        }

        History = await verval.StatusHistoryAsync(household.Id, ct);
        DesilHistory = await desils.HistoryAsync(household.Id, ct);
        var today = clock.Today();
        MemberWarnings = household.Members
            .Select(m => (m.Nik.Value, Warnings: ImportRowValidator.NikDisagreements(NikExplainer.Explain(m.Nik, today), m.BirthDate, m.Sex)))
            .Where(m => m.Warnings.Count > 0)
            .ToDictionary(m => m.Value, m => m.Warnings);
        Deliveries = await interventions.DeliveriesOfAsync(household.Id, ct);
        Convergence = await interventions.ConvergenceOfAsync(household, today, ct);
        if (Web.Interventions.InterventionAccess.MayRecord(Caller.Role))
        {
            var programmes = await Pages.Interventions.RecordModel.ProgrammesForAsync(interventions, Caller, ct);
            DeliveryForm = new(household, programmes, new Pages.Interventions.DeliveryInput { Date = DateText.Iso(today), Programme = Caller.Programme }, today);
        }

        // Visits and the audit trail hold what field staff wrote about the family: for roles that see names.
        if (Caller.MaySeeNames)
        {
            Visits = await verval.VisitsOfAsync(household.Id, ct);
            Timeline = await verval.TimelineAsync(household.Id, ct);
        }

        return Page();
    }

    public string ShowNik(Nik nik) => Caller.MaySeeFullNik ? nik.Value : nik.Masked;

    /// <summary>
    /// The members whose NIK disagrees with their recorded birth date or sex (the warnings of the
    /// import, checked again on the record as it is now), by NIK.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<DomainError>> MemberWarnings { get; private set; } = new Dictionary<string, IReadOnlyList<DomainError>>();

    /// <summary>The member's warnings in the reader's language; without the dates for roles that may not see them.</summary>
    public string? WarningOf(Person member) =>
        !MemberWarnings.TryGetValue(member.Nik.Value, out var warnings) ? null
        : Caller.MaySeeNames ? Domain.Import.ImportReasons.Text(warnings, System.Globalization.CultureInfo.CurrentUICulture)
        : ErrorWords.Find("MemberNikDisagrees", System.Globalization.CultureInfo.CurrentUICulture);
}
