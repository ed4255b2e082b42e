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
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>One round: progress, its tasks and who does them, and its village meetings.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(EvidenceStore.MaxBytes + (1024 * 1024))]
public sealed class RoundModel(
    VervalQueries queries, AssignTask assign, RecordVillageMeeting meetings, ApproveVillageMeeting approve, EvidenceStore store, RegionClock clock, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public Caller Caller { get; private set; } = null!;

    public VervalRound Round { get; private set; } = null!;

    public Dictionary<VisitTaskState, int> Progress { get; private set; } = [];

    public IReadOnlyList<TaskRow> Tasks { get; private set; } = [];

    public IReadOnlyList<VillageMeeting> Meetings { get; private set; } = [];

    public IReadOnlyList<string> Assignees { get; private set; } = [];

    /// <summary>The village whose meeting is being recorded, with its households.</summary>
    public RegionCode? MeetingVillage { get; private set; }

    public IReadOnlyList<Household> VillageHouseholds { get; private set; } = [];

    public Dictionary<long, string> NoKkById { get; private set; } = [];

    public string? Error { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>Households listed on the meeting form: the caseload first, then others of the village.</summary>
    public const int MeetingListSize = 500;

    public async Task<IActionResult> OnGetAsync(long id, string? desa, CancellationToken ct) =>
        await LoadAsync(id, desa, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(long id, long task, int version, string? user, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct) || !VervalAccess.MayPlan(Caller.Role))
        {
            return NotFound();
        }

        return await ShowAsync(id, null, (await assign.AssignAsync(Caller.Scope, id, task, version, user, Caller.UserName, ct)).Error, ct);
    }

    [RedisplaysHiddenCharacters]
    public async Task<IActionResult> OnPostMeetingAsync(long id, string desa, MeetingInput input, IFormFile? minutes, CancellationToken ct)
    {
        if (!await LoadAsync(id, desa, ct) || !VervalAccess.MayPropose(Caller.Role) || MeetingVillage is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || input.HeldOn == default)
        {
            Error = ModelState.Words(text);
            return Page();
        }

        var (file, refusal) = await store.SaveOptionalAsync(minutes, text, ct);
        if (refusal is not null)
        {
            Error = refusal;
            return Page();
        }

        var chosen = input.Decisions.Where(d => Enum.IsDefined(d.Value)).ToDictionary(d => d.Key, d => d.Value);
        var result = await meetings.RecordAsync(Caller.Scope, id, MeetingVillage, input.HeldOn, input.Attendance, input.Attendees, file, chosen, Caller.UserName, ct);
        if (!result.Succeeded && file is not null)
        {
            // Nothing was saved: neither are the minutes.
            store.Delete([file]);
        }

        return await ShowAsync(id, desa, result.Error, ct);
    }

    /// <summary>Attaches the signed minutes to a meeting saved without them (before approval).</summary>
    public async Task<IActionResult> OnPostMinutesAsync(long id, long meeting, int version, IFormFile? minutes, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct) || !VervalAccess.MayPropose(Caller.Role) || !Meetings.Any(m => m.Id == meeting))
        {
            return NotFound();
        }

        if (minutes is not { Length: > 0 })
        {
            Error = text["UploadMissing"];
            return Page();
        }

        var (saved, refused) = await store.SaveOptionalAsync(minutes, text, ct);
        if (saved is null)
        {
            Error = refused;
            return Page();
        }

        var result = await meetings.AttachMinutesAsync(Caller.Scope, id, meeting, version, saved, Caller.UserName, ct);
        if (!result.Succeeded)
        {
            store.Delete([saved]);
        }

        return await ShowAsync(id, null, result.Error, ct);
    }

    public async Task<IActionResult> OnPostApproveMeetingAsync(long id, long meeting, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct) || !VervalAccess.MayReview(Caller.Role))
        {
            return NotFound();
        }

        return await ShowAsync(id, null, (await approve.ApproveAsync(Caller.Scope, id, meeting, version, Caller.UserName, ct)).Error, ct);
    }

    /// <summary>After a change: back to the round; after a refusal, the round as it is stored, with the reason.</summary>
    private async Task<IActionResult> ShowAsync(long id, string? desa, WriteError? error, CancellationToken ct)
    {
        if (error is null)
        {
            return Redirect($"/verval/{id}");
        }

        if (error is WriteError.NotFound || !await LoadAsync(id, desa, ct))
        {
            return NotFound();
        }

        Error = error.Words(text, "ConcurrencyTask");
        return Page();
    }

    private async Task<bool> LoadAsync(long id, string? desa, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = clock.Today();
        if (!VervalAccess.MayVisit(Caller.Role) || await queries.FindRoundAsync(Caller.Scope, id, ct) is not { } round)
        {
            return false;
        }

        Round = round;
        Progress = await queries.RoundProgressAsync(Caller.Scope, id, ct);
        Tasks = await queries.TasksAsync(Caller.Scope, null, openOnly: false, roundId: id, 500, ct);
        Meetings = await queries.MeetingsAsync(Caller.Scope, id, ct);
        Assignees = await queries.AssigneesAsync(Caller.Scope, ct);
        var decided = Meetings.SelectMany(m => m.Decisions.Select(d => d.HouseholdId)).Distinct().ToList();
        NoKkById = await queries.NoKkByIdAsync(decided, ct);
        if (desa is not null && RegionCode.Parse(desa) is { IsValid: true } code && code.Value!.Level == RegionLevel.Village
            && Caller.Scope.Contains(code.Value) && Round.Region.Contains(code.Value))
        {
            MeetingVillage = code.Value;
            VillageHouseholds = await queries.VillageHouseholdsAsync(code.Value, MeetingListSize, ct);
        }

        return true;
    }
}

public sealed class MeetingInput
{
    public DateOnly HeldOn { get; set; }

    public int Attendance { get; set; }

    public string? Attendees { get; set; }

    /// <summary>Household id → decision; households left out were not decided on.</summary>
    public Dictionary<long, MeetingDecisionKind> Decisions { get; set; } = [];
}
