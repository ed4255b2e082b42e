using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Interventions;
using Tuntas.Data.Registry;
using Tuntas.Data.Verification;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Interventions;
using Tuntas.Web.Localization;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Interventions;

/// <summary>
/// Recording a delivery (penyaluran) for one household by hand. A refused delivery says why and
/// keeps what was typed; nothing is saved, and a file stored for it is removed.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(EvidenceStore.MaxBytes + (1024 * 1024))]
public sealed class RecordModel(
    RegisterQueries register, InterventionQueries queries, RecordDelivery deliveries, EvidenceStore store, RegionClock clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public IReadOnlyList<Programme> Programmes { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public DeliveryInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string noKk, CancellationToken ct)
    {
        if (!await LoadAsync(noKk, ct))
        {
            return NotFoundPage();
        }

        Input = new DeliveryInput { Date = DateText.Iso(Today), Programme = Caller.Programme };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string noKk, IFormFile? evidence, CancellationToken ct)
    {
        if (!await LoadAsync(noKk, ct))
        {
            return NotFoundPage();
        }

        var (report, problem) = Input.ToReport(Today);
        if (report is null)
        {
            Error = text[problem!];
            return Page();
        }

        if (Delivery.Problem(report, Today) is { } broken)
        {
            Error = UiCulture.IsEnglish ? broken.English : broken.Indonesian;
            return Page();
        }

        EvidenceFile? file = null;
        if (evidence is { Length: > 0 })
        {
            var (saved, refused) = await store.SaveAsync(evidence, ct);
            if (saved is null)
            {
                Error = text[refused!, evidence.FileName];
                return Page();
            }

            file = saved;
        }

        var recorded = await deliveries.RecordAsync(
            new DeliveryRecorder(Caller.UserName, Caller.Scope, Caller.Role == Domain.Access.Role.Agency ? Caller.Programme : null),
            Household.Id, Input.PersonId, Input.Programme ?? string.Empty, report, file, ct);
        if (recorded.Error is { } error)
        {
            // A conflict is two submissions of the same delivery at once: the unique key kept one.
            Error = error.Words(text, "DeliveryDuplicate");
            if (file is not null)
            {
                store.Delete([file]);
            }

            return Page();
        }

        return Redirect($"/keluarga/{Household.NoKk.Value}?pesan=penyaluran-tercatat");
    }

    private async Task<bool> LoadAsync(string noKk, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = clock.Today();
        var parsed = NomorKk.Parse(noKk);
        if (!InterventionAccess.MayRecord(Caller.Role) || !parsed.IsValid
            || await register.FindHouseholdAsync(Caller.Scope, parsed.Value!, ct) is not { } household)
        {
            return false;
        }

        Household = household;
        Programmes = await ProgrammesForAsync(queries, Caller, ct);
        return true;
    }

    /// <summary>The open programmes a caller may record: an agency officer's own, or all of them.</summary>
    public static Task<List<Programme>> ProgrammesForAsync(InterventionQueries queries, Caller caller, CancellationToken ct) =>
        queries.OpenProgrammesAsync(caller.Role == Domain.Access.Role.Agency ? caller.Programme : null, ct);

    private PartialViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Partial("_NotFoundPage");
    }
}

/// <summary>What the delivery form shows: the household, the programmes the caller may record, what was typed.</summary>
public sealed record DeliveryFormView(Household Household, IReadOnlyList<Programme> Programmes, DeliveryInput Input, DateOnly Today);

/// <summary>The fields of the delivery form, kept as typed so that a refused form comes back as it was.</summary>
public sealed class DeliveryInput
{
    public string? Programme { get; set; }

    public long? PersonId { get; set; }

    public string? Date { get; set; }

    public string? PeriodEnd { get; set; }

    public string? Amount { get; set; }

    public string? Note { get; set; }

    /// <summary>The report the fields describe, or the resource key of why they do not describe one.</summary>
    public (DeliveryReport? Report, string? Problem) ToReport(DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(Programme))
        {
            return (null, "DeliveryProgrammeMissing");
        }

        if (!TryDate(Date, out var date) || date is null)
        {
            return (null, "DeliveryDateInvalid");
        }

        if (!TryDate(PeriodEnd, out var end))
        {
            return (null, "DeliveryPeriodEndInvalid");
        }

        if (!TryRupiah(Amount, out var amount))
        {
            return (null, "DeliveryAmountInvalid");
        }

        return (new DeliveryReport { Date = date.Value, PeriodEnd = end, Amount = amount, Note = Note }, null);
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateText.TryParse(text, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>Whole rupiah as people type them (<see cref="Rupiah.TryParse"/>); blank is no amount.</summary>
    private static bool TryRupiah(string? text, out long? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!Rupiah.TryParse(text, out var parsed))
        {
            return false;
        }

        amount = parsed;
        return true;
    }
}
