using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Localization;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>
/// The visit form (kunjungan lapangan), made for a phone: what was found, the eight indicators,
/// spending, members, photos and the position, and the recommended outcome. Dinas Sosial reviews it.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = (EvidenceStore.MaxBytes * EvidenceStore.MaxFiles) + (1024 * 1024))]
[RequestSizeLimit((EvidenceStore.MaxBytes * EvidenceStore.MaxFiles) + (1024 * 1024))]
public sealed class VisitModel(VervalQueries queries, SubmitVisit submit, EvidenceStore store, RegionClock clock, TimeProvider time, IDataProtectionProvider protection, IStringLocalizer<SharedResource> text) : PageModel
{
    private IDataProtector Opening => protection.CreateProtector("Tuntas.Verification.VisitFormOpened");

    public Caller Caller { get; private set; } = null!;

    public VisitTask Task { get; private set; } = null!;

    public Household Household { get; private set; } = null!;

    public Visit? LastVisit { get; private set; }

    public string? Error { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The previous visit's answers (or the register's), shown beside each field and never filled in.</summary>
    public VisitBaseline Baseline { get; private set; } = null!;

    [BindProperty]
    public VisitInput Input { get; set; } = new();

    /// <summary>What the visitor may recommend from the household's present status.</summary>
    public IReadOnlyList<HouseholdStatus> Outcomes => Household.Status switch
    {
        HouseholdStatus.Listed => [HouseholdStatus.Verified, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged],
        HouseholdStatus.Verified => [HouseholdStatus.Verified, HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged],
        HouseholdStatus.Registered or HouseholdStatus.Graduated or HouseholdStatus.Excluded => [HouseholdStatus.Verified],
        _ => [],
    };

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // What the visitor observes starts blank; only the date (not an observation) is filled in.
        Input = new VisitInput { VisitedOn = Today, Version = Task.Version, Opened = OpenedToken(id), SubmissionId = Guid.NewGuid() };
        return Page();
    }

    [RedisplaysHiddenCharacters]
    public async Task<IActionResult> OnPostAsync(long id, List<IFormFile>? photos, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (!ModelState.IsValid || Input.VisitedOn == default)
        {
            Error = ModelState.Words(text);
            return Refused();
        }

        var submission = Input.SubmissionId is { } submissionId ? new ClientSubmission(submissionId.ToString("D"), await ContentHashAsync(photos, ct)) : null;
        if (submission is not null && await RepeatAsync(submission, ct) is { } repeat)
        {
            return repeat;
        }

        if (Unanswered() is { Count: > 0 } missing)
        {
            Error = text["VisitUnanswered", string.Join(", ", missing)];
            return Refused();
        }

        if (Task.Version != Input.Version)
        {
            Error = text["ConcurrencyTask"];
            return Refused();
        }

        if (!Task.IsOpen)
        {
            Error = text["TaskNotOpen"];
            return Refused();
        }

        var files = (photos ?? []).Where(f => f.Length > 0).ToList();
        if (files.Count > EvidenceStore.MaxFiles)
        {
            Error = text["EvidenceTooMany", EvidenceStore.MaxFiles];
            return Refused();
        }

        if (Input.RecommendedStatus is { } wanted && wanted.IsExit() && files.Count == 0)
        {
            Error = text["ExitNeedsEvidence"];
            return Refused();
        }

        var evidence = new List<EvidenceFile>();
        foreach (var file in files)
        {
            var (saved, problem) = await store.SaveAsync(file, ct);
            if (saved is null)
            {
                store.Delete(evidence);
                Error = text[problem!, file.FileName];
                return Refused();
            }

            evidence.Add(saved);
        }

        var report = Input.ToReport() with { FormOpenedAt = OpenedAt(id, Input.Opened) };
        var result = await submit.SubmitAsync(Caller.Scope, id, Input.Version, report, evidence, Caller.UserName, submission, ct);
        if (result.Value is { Repeated: true })
        {
            store.Delete(evidence);
            return Sent(already: true);
        }

        if (result.Error is { } error)
        {
            // Nothing was saved: the files stored for it go too, and the form shows the task as it is stored.
            store.Delete(evidence);
            if (!await LoadAsync(id, ct))
            {
                return NotFound();
            }

            // The same visit stored a moment ago by a parallel send of it (a phone retrying).
            if (error is WriteError.Conflict && submission is not null && await RepeatAsync(submission, ct) is { } repeat2)
            {
                return repeat2;
            }

            Error = error.Words(text, "ConcurrencyTask");
            return Refused();
        }

        return Sent();
    }

    /// <summary>
    /// The answer to a submission id already stored: sent for the same content from the same visitor
    /// (a resend from the phone's outbox, or the same form posted again), refused for other content.
    /// </summary>
    private async Task<IActionResult?> RepeatAsync(ClientSubmission submission, CancellationToken ct)
    {
        switch (await submit.SeenAsync(submission, Caller.UserName, ct))
        {
            case SubmissionSeen.New:
                return null;
            case SubmissionSeen.Repeat:
                return Sent(already: true);
            default:
                Error = text["SubmissionConflict"];
                return Refused();
        }
    }

    /// <summary>
    /// What was sent, as one SHA-256 (hex): every form value but the antiforgery token, in order of
    /// name, and the bytes of each photo. A resend of the same visit has the same hash.
    /// </summary>
    private async Task<string> ContentHashAsync(List<IFormFile>? photos, CancellationToken ct)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var key in Request.Form.Keys.Where(k => k != "__RequestVerificationToken").Order(StringComparer.Ordinal))
        {
            foreach (var value in Request.Form[key])
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{key}={value}\n"));
            }
        }

        foreach (var photo in photos ?? [])
        {
            await using var stream = photo.OpenReadStream();
            hash.AppendData(await System.Security.Cryptography.SHA256.HashDataAsync(stream, ct));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The visit form sent from the phone's outbox (field.js) asks for JSON: it keeps the visit until
    /// the answer is <c>stored</c> or <c>already</c>, and shows the words of a refusal.
    /// </summary>
    private bool WantsJson => Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The visit is stored (now, or <paramref name="already"/> by an earlier send of it).</summary>
    private IActionResult Sent(bool already = false)
    {
        var next = $"/keluarga/{Household.NoKk.Value}?pesan=kunjungan-terkirim";
        return WantsJson ? new JsonResult(new { state = already ? "already" : "stored", next }) : Redirect(next);
    }

    private IActionResult Refused() =>
        WantsJson ? new JsonResult(new { state = "refused", error = Error }) { StatusCode = StatusCodes.Status422UnprocessableEntity } : Page();

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = clock.Today();
        if (!VervalAccess.MayVisit(Caller.Role) || await queries.FindTaskAsync(Caller.Scope, id, ct) is not { } found)
        {
            return false;
        }

        (Task, Household) = found;
        var visits = await queries.VisitsOfAsync(Household.Id, ct);
        LastVisit = visits.FirstOrDefault(v => v.TaskId == Task.Id);
        Baseline = new VisitBaseline(VisitMarks.Previous(visits, v => (v.Id, v.SubmittedAt, v.Review == ReviewState.Returned), null), Household, text);
        return true;
    }

    /// <summary>The labels of the observations left unanswered; the indicators only when the household was found.</summary>
    private List<string> Unanswered()
    {
        var missing = new List<string>();
        if (Input.Found is null)
        {
            missing.Add(text["HouseholdFound"]);
        }

        if (Input.Found is true)
        {
            missing.AddRange(PovertyIndicatorNames.All.Where(i => !Input.Answers.ContainsKey(i.ToString())).Select(Formats.Indicator));
            if (Input.NoShelter is null)
            {
                missing.Add(text["NoShelter"]);
            }

            if (Input.MembersPresent is null)
            {
                missing.Add(text["MembersPresent"]);
            }
        }

        if (Input.RecommendedStatus is null && Input.Recommendation != VisitInput.KeepStatus)
        {
            missing.Add(text["Recommendation"]);
        }

        return missing;
    }

    /// <summary>
    /// The moment the form was made, signed by the server: a phone's clock is not trusted, and a form
    /// kept open offline for hours only makes the fill time longer, never shorter.
    /// </summary>
    private string OpenedToken(long taskId) =>
        Opening.Protect(string.Create(CultureInfo.InvariantCulture, $"{taskId}|{time.GetUtcNow().UtcTicks}"));

    /// <summary>The opening time of a form for this task, or null when the field is missing, altered or of another task.</summary>
    private DateTime? OpenedAt(long taskId, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Opening.Unprotect(token).Split('|');
            return parts.Length == 2 && parts[0] == taskId.ToString(CultureInfo.InvariantCulture)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? new DateTime(ticks, DateTimeKind.Utc)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// The fields of the visit form. What the visitor observes is nullable: unanswered differs from "no",
/// and the form is refused until each is answered.
/// </summary>
public sealed class VisitInput
{
    public DateOnly VisitedOn { get; set; }

    public bool? Found { get; set; }

    public string? MetPerson { get; set; }

    /// <summary>Each indicator's answer by its name (<c>Input.Answers[HeadNotWorking]=true|false</c>); a missing key is unanswered.</summary>
    public Dictionary<string, bool> Answers { get; set; } = [];

    public bool? NoShelter { get; set; }

    /// <summary>Whole rupiah a month, as typed: <c>250000</c>, <c>250.000</c> or <c>Rp250.000</c>.</summary>
    [Rupiah]
    public long? SpendingPerCapita { get; set; }

    public int? MembersPresent { get; set; }

    public int? MembersMoved { get; set; }

    public int? MembersDeceased { get; set; }

    public int? MembersBorn { get; set; }

    // The browser writes the position with a dot whatever the interface language; the binding of
    // numbers reads it the same way in every language (InvariantValueBinderProvider).
    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public double? Accuracy { get; set; }

    public string? Notes { get; set; }

    /// <summary>A status name (<c>Verified</c>, <c>Graduated</c>, ...) or <see cref="KeepStatus"/>; empty is unanswered.</summary>
    public string? Recommendation { get; set; }

    public const string KeepStatus = "NoChange";

    public string? MergeIntoNoKk { get; set; }

    /// <summary>
    /// Made when the form is opened (by the page, and again by field.js in the browser): the visit's
    /// identity as the phone's outbox knows it, the same on every resend.
    /// </summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>The task's version when the form was opened: a second submission for the same task is refused.</summary>
    public int Version { get; set; }

    /// <summary>When the form was made, signed by the server (see <see cref="VisitModel"/>).</summary>
    public string? Opened { get; set; }

    public HouseholdStatus? RecommendedStatus =>
        Recommendation is { } r && r != KeepStatus && Enum.TryParse<HouseholdStatus>(r, out var status) && Enum.IsDefined(status) ? status : null;

    public VisitReport ToReport() => new()
    {
        VisitedOn = VisitedOn,
        Found = Found ?? false,
        MetPerson = MetPerson,
        Indicators = PovertyIndicatorNames.All.Where(i => Answers.TryGetValue(i.ToString(), out var yes) && yes).Aggregate(PovertyIndicators.None, (a, b) => a | b),
        NoShelter = NoShelter ?? false,
        SpendingPerCapita = SpendingPerCapita,
        MembersPresent = MembersPresent ?? 0,
        MembersMoved = MembersMoved ?? 0,
        MembersDeceased = MembersDeceased ?? 0,
        MembersBorn = MembersBorn ?? 0,
        Latitude = Latitude,
        Longitude = Longitude,
        AccuracyMetres = Accuracy,
        Notes = Notes,
        Recommendation = RecommendedStatus,
        MergeIntoNoKk = MergeIntoNoKk,
    };
}
