using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>Records and reports who viewed people's personal data (<see cref="PersonalDataView"/>).</summary>
public sealed class PersonalDataLog(TuntasDbContext db, RegionClock clock)
{
    /// <summary>The household page <c>/keluarga/{noKk}</c>.</summary>
    public const string HouseholdPage = "household.page";

    /// <summary><c>GET /api/v1/households/{noKk}</c>.</summary>
    public const string HouseholdApi = "household.api";

    /// <summary>The households behind a dashboard count, <c>/dasbor/{region}/keluarga</c>, on screen.</summary>
    public const string ListPage = "list.page";

    /// <summary>The same list exported to CSV or XLSX.</summary>
    public const string ListExport = "list.export";

    /// <summary><c>GET /api/v1/households</c>.</summary>
    public const string ListApi = "list.api";

    /// <summary>A search by name, NIK or No. KK on the household list <c>/keluarga?q=</c> (the API's searches are <see cref="ListApi"/> views with <c>q=</c> in the subject).</summary>
    public const string SearchPage = "search.page";

    /// <summary>
    /// An import (or its dry run) whose rows named NIKs or KKs registered outside the importer's
    /// region; the subject is the file, the count how many such rows.
    /// </summary>
    public const string ImportElsewhere = "import.elsewhere";

    /// <summary>The household list <c>/keluarga</c> without a search.</summary>
    public const string RegisterPage = "register.page";

    /// <summary>The delivery form of one household, <c>/keluarga/{noKk}/penyaluran</c>.</summary>
    public const string DeliveryPage = "delivery.page";

    /// <summary>The convergence list <c>/intervensi/konvergensi</c>.</summary>
    public const string ConvergencePage = "convergence.page";

    /// <summary>The convergence list downloaded as CSV or XLSX.</summary>
    public const string ConvergenceExport = "convergence.export";

    /// <summary>An agency's worklist <c>/intervensi/daftar-kerja</c>.</summary>
    public const string WorklistPage = "worklist.page";

    /// <summary>The worklist downloaded.</summary>
    public const string WorklistExport = "worklist.export";

    /// <summary>The households ready to graduate, <c>/intervensi/siap-graduasi</c>.</summary>
    public const string GraduationPage = "graduation.page";

    /// <summary>The graduation list downloaded.</summary>
    public const string GraduationExport = "graduation.export";

    /// <summary>The follow-ups of complaints, <c>/intervensi/tindak-lanjut</c>.</summary>
    public const string FollowUpPage = "followup.page";

    /// <summary>The visit tasks <c>/tugas</c>.</summary>
    public const string TasksPage = "tasks.page";

    /// <summary>One visit task and its form, <c>/tugas/{id}</c>.</summary>
    public const string VisitPage = "visit.page";

    /// <summary>One verification round with its tasks and village meetings, <c>/verval/{id}</c>.</summary>
    public const string RoundPage = "round.page";

    /// <summary>The proposals and objections <c>/usul</c>.</summary>
    public const string ProposalsPage = "proposals.page";

    /// <summary>The visits waiting for review, <c>/pemeriksaan</c>.</summary>
    public const string ReviewsPage = "reviews.page";

    /// <summary>One visit under review, <c>/pemeriksaan/{id}</c>.</summary>
    public const string ReviewPage = "review.page";

    /// <summary>A household import or its dry run, with its rows, on <c>/impor</c>.</summary>
    public const string ImportPage = "import.page";

    /// <summary>The rejected rows of a household import downloaded.</summary>
    public const string ImportExport = "import.export";

    /// <summary>The quarantine <c>/impor/karantina</c>.</summary>
    public const string QuarantinePage = "quarantine.page";

    /// <summary>One quarantined import downloaded.</summary>
    public const string QuarantineExport = "quarantine.export";

    /// <summary>An agency's recipient import, with its rows, on <c>/intervensi/impor</c>.</summary>
    public const string RecipientsPage = "recipients.page";

    /// <summary>The rejected rows of a recipient import downloaded.</summary>
    public const string RecipientsExport = "recipients.export";

    /// <summary>A desil ranking import and the desil follow-up list, on <c>/desil</c>.</summary>
    public const string DesilPage = "desil.page";

    /// <summary>The refused rows of a desil import downloaded.</summary>
    public const string DesilExport = "desil.export";

    /// <summary>An evidence file (a photo, minutes, a receipt) under <c>/bukti/</c>.</summary>
    public const string EvidenceFile = "evidence.file";

    /// <summary>The anomaly flags <c>/anomali</c>, which name households by No. KK.</summary>
    public const string AnomaliesPage = "anomalies.page";

    /// <summary><c>GET /api/v1/anomalies</c>.</summary>
    public const string AnomaliesApi = "anomalies.api";

    /// <summary>The claim audits of a region, <c>/audit-klaim</c>, with the households awaiting a re-check.</summary>
    public const string ClaimAuditPage = "claim-audit.page";

    /// <summary>One claim-audit sample, <c>/audit-klaim/sampel/{id}</c>.</summary>
    public const string SamplePage = "sample.page";

    /// <summary>The audit trail <c>/jejak-audit</c>, which names households and shows the changed values.</summary>
    public const string AuditTrailPage = "audit-trail.page";

    /// <summary>This report, <c>/admin/akses-data</c>, which names households by No. KK.</summary>
    public const string AccessLogPage = "access-log.page";

    /// <summary>The households CSV ODK Collect downloads (<c>/odk/{token}/households.csv</c>): the heads of the user's open tasks.</summary>
    public const string OdkHouseholds = "odk-households.export";

    /// <summary>A village's extreme-poor families downloaded as an OpenSID Data Suplemen workbook (No. KK).</summary>
    public const string OpenSidSuplemenExport = "opensid-suplemen.export";

    /// <summary>A programme's recipients in a village downloaded as an OpenSID Program Bantuan workbook (No. KK, NIK, name, birth date).</summary>
    public const string OpenSidBantuanExport = "opensid-bantuan.export";
    /// <summary>One monthly update cycle, <c>/pemutakhiran/{id}</c>, with the proposals of its villages.</summary>
    public const string CyclePage = "cycle.page";

    /// <summary>A cycle's accepted proposals downloaded for SIKS-NG.</summary>
    public const string CycleExport = "cycle.export";

    /// <summary>One village in a cycle, <c>/pemutakhiran/{id}/desa/{village}</c>, with its proposals.</summary>
    public const string CycleVillagePage = "cycle-village.page";

    /// <summary>Every action, in the order the report lists them.</summary>
    public static IReadOnlyList<string> Actions { get; } =
    [
        HouseholdPage, HouseholdApi, RegisterPage, SearchPage, ListPage, ListExport, ListApi, DeliveryPage,
        ConvergencePage, ConvergenceExport, WorklistPage, WorklistExport, GraduationPage, GraduationExport, FollowUpPage,
        TasksPage, VisitPage, RoundPage, ProposalsPage, ReviewsPage, ReviewPage, EvidenceFile,
        ImportPage, ImportExport, ImportElsewhere, QuarantinePage, QuarantineExport, RecipientsPage, RecipientsExport,
        AnomaliesPage, AnomaliesApi, ClaimAuditPage, SamplePage, AuditTrailPage, AccessLogPage, OdkHouseholds,
        OpenSidSuplemenExport, OpenSidBantuanExport,
        CyclePage, CycleExport, CycleVillagePage,
        DesilPage, DesilExport,
    ];

    /// <summary>An action in English words, for the command line; the action itself when unknown.</summary>
    public static string Describe(string action) => action switch
    {
        HouseholdPage => "household page",
        HouseholdApi => "household (API)",
        RegisterPage => "household list",
        SearchPage => "household search",
        ListPage => "dashboard list",
        ListExport => "dashboard list download",
        ListApi => "household list (API)",
        DeliveryPage => "delivery form",
        ConvergencePage => "convergence list",
        ConvergenceExport => "convergence download",
        WorklistPage => "worklist",
        WorklistExport => "worklist download",
        GraduationPage => "ready to graduate",
        GraduationExport => "ready to graduate download",
        FollowUpPage => "follow-ups",
        TasksPage => "visit tasks",
        VisitPage => "visit task",
        RoundPage => "verification round",
        ProposalsPage => "proposals",
        ReviewsPage => "visits to review",
        ReviewPage => "visit review",
        EvidenceFile => "evidence file",
        ImportPage => "household import",
        ImportExport => "rejected rows download",
        ImportElsewhere => "import names people elsewhere",
        QuarantinePage => "quarantine",
        QuarantineExport => "quarantine download",
        RecipientsPage => "recipient import",
        RecipientsExport => "rejected recipients download",
        AnomaliesPage => "anomaly flags",
        AnomaliesApi => "anomaly flags (API)",
        ClaimAuditPage => "claim audits",
        SamplePage => "claim-audit sample",
        AuditTrailPage => "audit trail",
        AccessLogPage => "this data-access report",
        OdkHouseholds => "households list for ODK Collect (download)",
        OpenSidSuplemenExport => "extreme-poor families for OpenSID (Data Suplemen download)",
        OpenSidBantuanExport => "programme recipients for OpenSID (Program Bantuan download)",
        CyclePage => "update cycle",
        CycleExport => "update cycle proposals download",
        CycleVillagePage => "village in an update cycle",
        DesilPage => "desil import and follow-up list",
        DesilExport => "refused desil rows download",
        _ => action,
    };

    /// <summary>Whether the action is a download of a list or file.</summary>
    public static bool IsExport(string action) => action.EndsWith(".export", StringComparison.Ordinal);

    /// <summary>Appends one view and saves it at once, on its own.</summary>
    public async Task RecordAsync(string userName, string role, string action, string subject, string? region, int? count, CancellationToken ct = default)
    {
        db.PersonalDataViews.Add(new PersonalDataView
        {
            UserName = userName,
            Role = role,
            Action = action,
            Subject = subject.Length > 128 ? subject[..128] : subject,
            Region = region,
            Count = count,
            At = clock.UtcNow,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A filter on the report; every part optional. <c>To</c> is inclusive (the whole day).</summary>
    public sealed record Filter(string? UserName = null, string? NoKk = null, DateOnly? From = null, DateOnly? To = null, string? Action = null);

    /// <summary>The views that match, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PersonalDataView>> ReportAsync(Filter filter, int limit, CancellationToken ct = default)
    {
        var query = db.PersonalDataViews.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            query = query.Where(v => v.UserName == filter.UserName);
        }

        if (!string.IsNullOrWhiteSpace(filter.NoKk))
        {
            query = query.Where(v => v.Subject == filter.NoKk);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            query = query.Where(v => v.Action == filter.Action);
        }

        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(v => v.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(v => v.At < end);
        }

        return await query.OrderByDescending(v => v.At).ThenByDescending(v => v.Id).Take(limit).ToListAsync(ct);
    }
}
