using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Registry;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Common;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Public;

/// <summary>
/// Transparansi Publik: a region's figures for anyone, without a login (aggregates only, small desa
/// counts withheld), how they are computed, and the usul/sanggah form for residents.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(EvidenceStore.MaxBytes + (1024 * 1024))]
public sealed partial class IndexModel(
    PublicFiguresQuery query, RegisterQueries register, VervalQueries verval, ReceiveProposal receive, EvidenceStore store, RegionClock clock,
    IStringLocalizer<SharedResource> text, Tuntas.Data.ClaimAudit.ClaimAuditQueries claimAudits) : PageModel
{
    /// <summary>Above this many desa/kelurahan the form asks for the code instead of offering a list.</summary>
    public const int MaxVillagesInList = 400;

    /// <summary>Longest description a resident may write; the stated No. KK and position are added to it.</summary>
    public const int MaxDescription = 3500;

    [BindProperty(SupportsGet = true, Name = "region")]
    public string? RegionText { get; set; }

    [BindProperty(SupportsGet = true, Name = "at")]
    public string? AtText { get; set; }

    [BindProperty(SupportsGet = true, Name = "terkirim")]
    public string? Receipt { get; set; }

    [BindProperty]
    public PublicProposalInput Input { get; set; } = new();

    public Region Region { get; private set; } = null!;

    public IReadOnlyList<Region> Ancestors { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public DateOnly At { get; private set; }

    public PublicReport Report { get; private set; } = null!;

    public PovertyCriteria? Criteria { get; private set; }

    /// <summary>The field proof and the claim audits, beside the headline (aggregates only).</summary>
    public Tuntas.Web.Monitoring.ClaimAuditLine ClaimLine { get; private set; } = null!;

    /// <summary>The desa/kelurahan a resident may choose; empty when there are too many to list.</summary>
    public IReadOnlyList<Region> Villages { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        if (Receipt is not null && !ReceiptPattern().IsMatch(Receipt))
        {
            Receipt = null;
        }

        if (Villages.Count == 1)
        {
            Input.Village = Villages[0].Code.Value;
        }

        return Page();
    }

    [RedisplaysHiddenCharacters]
    public async Task<IActionResult> OnPostAsync(IFormFile? photo, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFoundPage();
        }

        Receipt = null;
        Error = await SubmitAsync(photo, ct);
        if (Error is not null)
        {
            return Page();
        }

        return Redirect($"/publik/{Region.Code.Value}?terkirim={Uri.EscapeDataString(Receipt!)}#usul");
    }

    /// <summary>Saves the submission; the reason it was refused in plain words, or null.</summary>
    private async Task<string?> SubmitAsync(IFormFile? photo, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A value that could not be read (a kind that is neither usul nor sanggah) is never guessed.
            return ModelState.Words(text);
        }

        var village = RegionCode.Parse(Input.Village);
        if (!village.IsValid || village.Value!.Level != RegionLevel.Village || !Region.Code.Contains(village.Value)
            || await register.FindRegionAsync(RegionScope.National, village.Value, ct) is null)
        {
            return text["PublicVillageOutside", Region.Name];
        }

        NomorKk? noKk = null;
        if (!string.IsNullOrWhiteSpace(Input.NoKk))
        {
            var parsed = NomorKk.Parse(Input.NoKk);
            if (!parsed.IsValid)
            {
                return text["PublicNoKkFormat"];
            }

            noKk = parsed.Value;
        }

        if ((Input.Description?.Trim().Length ?? 0) > MaxDescription)
        {
            return text["PublicDescriptionTooLong", MaxDescription];
        }

        if (Input.Latitude is < -90 or > 90 || Input.Longitude is < -180 or > 180 || (Input.Latitude is null) != (Input.Longitude is null))
        {
            return text["PublicPositionInvalid"];
        }

        // The register is never confirmed to the public: a No. KK that matches a household of that
        // desa (listed, for a sanggah) links it, any other is kept as written for Dinas Sosial to match.
        Household? household = null;
        if (noKk is not null)
        {
            household = await register.FindHouseholdAsync(new RegionScope(village.Value), noKk, ct);
            if (household is not null && Input.Kind == ProposalKind.Sanggah && !household.Status.IsCaseload())
            {
                household = null;
            }
        }

        EvidenceFile? file = null;
        if (photo is { Length: > 0 })
        {
            var (saved, problem) = await store.SaveAsync(photo, ct);
            if (saved is null)
            {
                return problem == "EvidenceSize" ? text["EvidenceSize", photo.FileName] : text["PublicPhotoType", photo.FileName];
            }

            if (saved.Kind != EvidenceKind.Photo)
            {
                store.Delete([saved]);
                return text["PublicPhotoType", photo.FileName];
            }

            file = saved;
        }

        var result = await receive.ReceiveAsync(
            new ProposalReceived(Input.Kind, village.Value, household?.Id, Describe(Input.Description, noKk, Input.Latitude, Input.Longitude), Input.ProposerName ?? "", Input.Contact, file),
            submittedBy: null, ct);
        if (result.Error is { } error)
        {
            // Nothing was saved: neither is the photo.
            store.Delete(file is null ? [] : [file]);
            return error.Words(text);
        }

        Receipt = ReceiptOf(result.Value!);
        return null;
    }

    /// <summary>The description as Dinas Sosial reads it: the resident's words, then the No. KK and position they gave.</summary>
    public static string Describe(string? description, NomorKk? noKk, double? latitude, double? longitude)
    {
        var words = (description ?? "").Trim();
        if (words.Length < 10)
        {
            // Too short: the domain refuses it with its own reason, so nothing is added.
            return words;
        }

        var text = new StringBuilder(words);
        if (noKk is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNo. KK menurut pengirim: {noKk.Value}");
        }

        if (latitude is not null && longitude is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nLokasi (GPS): {latitude.Value:0.000000}, {longitude.Value:0.000000}");
        }

        return text.ToString();
    }

    /// <summary>The number a resident quotes when asking about a submission: <c>US-000012</c> or <c>SG-000013</c>.</summary>
    public static string ReceiptOf(Proposal proposal) =>
        string.Create(CultureInfo.InvariantCulture, $"{(proposal.Kind == ProposalKind.Usul ? "US" : "SG")}-{proposal.Id:D6}");

    public string PageOf(string code) => $"/publik/{code}" + (AtText is null ? "" : $"?at={Day(At)}");

    public static string Day(DateOnly day) => DateText.Iso(day);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = clock.Today();
        At = Today;
        if (!string.IsNullOrWhiteSpace(AtText))
        {
            // The query string's dates are checked before any page runs (RequestHygiene); a form may carry one too.
            if (!DateText.TryParse(AtText, out var at) || at < RequestHygiene.FirstDay || at > RequestHygiene.LastDay)
            {
                return false;
            }

            At = at;
        }

        if (!RegionCode.TryParse(RegionText, out var code))
        {
            return false;
        }

        var region = await register.FindRegionAsync(RegionScope.National, code, ct);
        var report = region is null ? null : await query.ReportWithSiblingsAsync(code, At, ct: ct);
        if (region is null || report is null)
        {
            return false;
        }

        (Region, Report) = (region, report);
        Ancestors = (await register.LineageAsync(code, ct)).Where(r => r.Code != code).ToList();
        Criteria = await verval.CriteriaAsync(code, At, ct);

        // Audits of a desa with a handful of households would say something about those families: withheld like the counts.
        var audits = (await claimAudits.BesideHeadlineAsync(code, At, ct))
            .Where(a => !Tuntas.Domain.Monitoring.SmallCountSuppression.Withholds(code.Level, a.Tally.Population))
            .ToList();
        ClaimLine = new Tuntas.Web.Monitoring.ClaimAuditLine(report.Figures.ExtremePoor.Households, report.Proof, audits, null);
        Villages = code.Level == RegionLevel.Village ? [Region] : await verval.VillagesToChooseAsync(code, MaxVillagesInList, ct);
        return true;
    }

    private PartialViewResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Partial("_NotFoundPage");
    }

    [GeneratedRegex("^(US|SG)-[0-9]{6,}$")]
    private static partial Regex ReceiptPattern();
}

public sealed class PublicProposalInput
{
    public ProposalKind Kind { get; set; } = ProposalKind.Usul;

    public string Village { get; set; } = "";

    public string? NoKk { get; set; }

    public string? Description { get; set; }

    public string? ProposerName { get; set; }

    public string? Contact { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }
}
