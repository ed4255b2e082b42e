using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tuntas.Data;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Pages.Verification;

/// <summary>One round: progress, its tasks and who does them, and its village meetings.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = EvidenceStore.MaxBytes + (1024 * 1024))]
[RequestSizeLimit(EvidenceStore.MaxBytes + (1024 * 1024))]
public sealed class RoundModel(TuntasDbContext db, VervalQueries queries, VervalService verval, AuditTrail audit, EvidenceStore store, TimeProvider time, IStringLocalizer<SharedResource> text) : PageModel
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
        if (!await LoadAsync(id, null, ct) || !VervalAccess.MayPlan(Caller.Role) || await queries.FindTaskAsync(Caller.Scope, task, ct) is not { } found || found.Task.RoundId != id)
        {
            return NotFound();
        }

        // Only someone whose own region covers the household's village can open the task.
        var region = user is null ? null : await db.Users.AsNoTracking().Where(u => u.UserName == user).Select(u => u.RegionCode).SingleOrDefaultAsync(ct);
        if (user is not null && (!Assignees.Contains(user) || region is null || !region.Contains(found.Household.VillageCode)))
        {
            Error = text["AssigneeUnknown"];
            return Page();
        }

        db.Entry(found.Task).Property(t => t.Version).OriginalValue = version;
        return await RunAsync(() =>
        {
            verval.Assign(found.Task, found.Household, user, Caller.UserName, audit);
            return Task.CompletedTask;
        }, id, null, ct);
    }

    public async Task<IActionResult> OnPostMeetingAsync(long id, string desa, MeetingInput input, IFormFile? minutes, CancellationToken ct)
    {
        if (!await LoadAsync(id, desa, ct) || !VervalAccess.MayPropose(Caller.Role) || MeetingVillage is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid || input.HeldOn == default)
        {
            Error = text["FormValuesInvalid"];
            return Page();
        }

        EvidenceFile? file = null;
        if (minutes is { Length: > 0 })
        {
            var (saved, problem) = await store.SaveAsync(minutes, ct);
            if (saved is null)
            {
                Error = text[problem!, minutes.FileName];
                return Page();
            }

            file = saved;
        }

        var chosen = input.Decisions.Where(d => Enum.IsDefined(d.Value)).ToDictionary(d => d.Key, d => d.Value);
        var households = await db.Households.Where(h => h.VillageCode == MeetingVillage && chosen.Keys.Contains(h.Id)).ToListAsync(ct);
        var result = await RunAsync(() =>
        {
            verval.RecordMeeting(Round, MeetingVillage, input.HeldOn, input.Attendance, input.Attendees, file,
                households.Select(h => (h, chosen[h.Id], (string?)null)), Caller.UserName, audit);
            return Task.CompletedTask;
        }, id, desa, ct);
        if (Error is not null && file is not null)
        {
            store.Delete([file]);
        }

        return result;
    }

    /// <summary>Attaches the signed minutes to a meeting saved without them (before approval).</summary>
    public async Task<IActionResult> OnPostMinutesAsync(long id, long meeting, int version, IFormFile? minutes, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct) || !VervalAccess.MayPropose(Caller.Role))
        {
            return NotFound();
        }

        var found = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meeting && m.RoundId == id, ct);
        if (found is null || !Caller.Scope.Contains(found.Village))
        {
            return NotFound();
        }

        if (minutes is not { Length: > 0 })
        {
            Error = text["UploadMissing"];
            return Page();
        }

        var (saved, problem) = await store.SaveAsync(minutes, ct);
        if (saved is null)
        {
            Error = text[problem!, minutes.FileName];
            return Page();
        }

        db.Entry(found).Property(m => m.Version).OriginalValue = version;
        var result = await RunAsync(() =>
        {
            verval.AttachMinutes(found, saved, Caller.UserName, audit);
            return Task.CompletedTask;
        }, id, null, ct);
        if (Error is not null)
        {
            store.Delete([saved]);
        }

        return result;
    }

    public async Task<IActionResult> OnPostApproveMeetingAsync(long id, long meeting, int version, CancellationToken ct)
    {
        if (!await LoadAsync(id, null, ct) || !VervalAccess.MayReview(Caller.Role))
        {
            return NotFound();
        }

        var found = await db.Meetings.Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == meeting && m.RoundId == id, ct);
        if (found is null || !Caller.Scope.Contains(found.Village))
        {
            return NotFound();
        }

        db.Entry(found).Property(m => m.Version).OriginalValue = version;
        return await RunAsync(() => verval.ApproveMeetingAsync(found, Caller.UserName, audit, ct), id, null, ct);
    }

    private async Task<IActionResult> RunAsync(Func<Task> work, long id, string? desa, CancellationToken ct)
    {
        try
        {
            await audit.BeginAsync(ct);
            await work();
            await audit.CommitAsync(ct);
        }
        catch (DomainException e)
        {
            Error = e.Localized;
        }
        catch (DbUpdateConcurrencyException)
        {
            Error = text["ConcurrencyTask"];
        }
        finally
        {
            await audit.DisposeAsync();
        }

        if (Error is null)
        {
            return Redirect($"/verval/{id}");
        }

        db.ChangeTracker.Clear();
        var error = Error;
        await LoadAsync(id, desa, ct);
        Error = error;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, string? desa, CancellationToken ct)
    {
        Caller = HttpContext.GetCaller();
        Today = ClassificationService.Today(time.GetUtcNow().UtcDateTime);
        if (!VervalAccess.MayVisit(Caller.Role))
        {
            return false;
        }

        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null || !VervalQueries.Overlaps(Caller.Scope, round.Region))
        {
            return false;
        }

        Round = round;
        Progress = await queries.RoundProgressAsync(Caller.Scope, id, ct);
        Tasks = await queries.TasksAsync(Caller.Scope, null, openOnly: false, roundId: id, 500, ct);
        Meetings = await queries.MeetingsAsync(Caller.Scope, id, ct);
        Assignees = await queries.AssigneesAsync(Caller.Scope, ct);
        var decided = Meetings.SelectMany(m => m.Decisions.Select(d => d.HouseholdId)).Distinct().ToList();
        NoKkById = await db.Households.AsNoTracking().Where(h => decided.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.NoKk.Value, ct);
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
