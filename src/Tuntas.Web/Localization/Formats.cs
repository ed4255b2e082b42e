using System.Globalization;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Web.Localization;

/// <summary>How numbers, money, dates and statuses are shown on screen.</summary>
public static class Formats
{

    /// <summary>Whole rupiah, always in the Indonesian form: <c>Rp1.250.000</c>.</summary>
    public static string Rupiah(long? amount) =>
        amount is null ? "–" : Domain.Common.Rupiah.Format(amount.Value);

    /// <summary>A count in the interface language: <c>5.000</c> in Bahasa Indonesia, <c>5,000</c> in English.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.CurrentCulture);

    /// <summary>A share as a percentage: <c>0,3%</c>; two decimals below one percent so that small rates do not read as zero.</summary>
    public static string Percent(double share) =>
        (share * 100).ToString(share is > 0 and < 0.01 ? "0.0#" : "0.#", CultureInfo.CurrentCulture) + "%";

    /// <summary>A signed decimal with one digit: <c>-2,3</c>.</summary>
    public static string Decimal(double value) => value.ToString("+0.0;-0.0;0", CultureInfo.CurrentCulture);

    /// <summary>A month: <c>Juni 2024</c>.</summary>
    public static string Month(DateOnly date) => date.ToString("MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A date such as <c>9 April 2025</c>.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateTime dateUtc) => Date(DateOnly.FromDateTime(dateUtc));

    /// <summary>A UTC time shown in the region's zone (Kalimantan Timur: WITA, UTC+8), e.g. <c>9 April 2025 14.05 WITA</c>.</summary>
    public static string Time(DateTime utc, RegionCode? region)
    {
        var (offset, zone) = ZoneOf(region);
        var local = utc + offset;
        return $"{Date(DateOnly.FromDateTime(local))} {local.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone}";
    }

    /// <summary>
    /// The time zone of a province: WIB (UTC+7) for Sumatra, Java and West/Central Kalimantan,
    /// WITA (UTC+8) for South/East/North Kalimantan, Bali, Nusa Tenggara and Sulawesi, WIT (UTC+9)
    /// for Maluku and Papua.
    /// </summary>
    public static (TimeSpan Offset, string Name) ZoneOf(RegionCode? region)
    {
        var province = region?.AtLevel(RegionLevel.Province)?.Digits ?? "64";
        return province switch
        {
            "51" or "52" or "53" or "63" or "64" or "65" or "71" or "72" or "73" or "74" or "75" or "76" => (TimeSpan.FromHours(8), "WITA"),
            "81" or "82" or "91" or "92" or "93" or "94" or "95" or "96" or "97" => (TimeSpan.FromHours(9), "WIT"),
            _ => (TimeSpan.FromHours(7), "WIB"),
        };
    }

    public static string Status(HouseholdStatus status) => UiCulture.IsEnglish ? status.ToEnglish() : status.ToIndonesian();

    /// <summary>The CSS class that colours a status; the word is always shown too.</summary>
    public static string StatusClass(HouseholdStatus status) => "status status-" + status.ToWire();

    public static string Level(RegionLevel level) => UiCulture.IsEnglish ? level.ToEnglish() : level.ToIndonesian();

    public static string RoleName(Role role) => (UiCulture.IsEnglish, role) switch
    {
        (false, Role.Admin) => "Administrator",
        (false, Role.Verifier) => "Verifikator Dinas Sosial",
        (false, Role.Operator) => "Operator Desa/Kelurahan",
        (false, Role.Facilitator) => "Pendamping",
        (false, Role.Agency) => "Petugas Instansi",
        (false, Role.Analyst) => "Analis Bappeda/TKPK",
        (false, Role.Province) => "Provinsi",
        (true, Role.Verifier) => "Dinas Sosial verifier",
        (true, Role.Operator) => "Village operator",
        (true, Role.Facilitator) => "Facilitator",
        (true, Role.Agency) => "Agency officer",
        (true, Role.Analyst) => "Bappeda/TKPK analyst",
        _ => role.ToString(),
    };

    public static string Sex(Sex sex) => (UiCulture.IsEnglish, sex) switch
    {
        (false, Domain.Registry.Sex.Male) => "Laki-laki",
        (false, _) => "Perempuan",
        (true, Domain.Registry.Sex.Male) => "Male",
        _ => "Female",
    };

    public static string Purpose(VisitPurpose purpose) => (UiCulture.IsEnglish, purpose) switch
    {
        (false, VisitPurpose.Verification) => "Verifikasi",
        (false, VisitPurpose.Reverification) => "Verifikasi ulang",
        (false, VisitPurpose.Proposal) => "Usul/sanggah",
        (false, VisitPurpose.MeetingDecision) => "Keputusan musyawarah",
        (false, VisitPurpose.Graduation) => "Penilaian graduasi",
        (true, VisitPurpose.Verification) => "Verification",
        (true, VisitPurpose.Reverification) => "Re-verification",
        (true, VisitPurpose.Proposal) => "Proposal/objection",
        (true, VisitPurpose.MeetingDecision) => "Meeting decision",
        (true, VisitPurpose.Graduation) => "Graduation assessment",
        _ => purpose.ToString(),
    };

    public static string TaskState(VisitTaskState state) => (UiCulture.IsEnglish, state) switch
    {
        (false, VisitTaskState.Open) => "Belum dikunjungi",
        (false, VisitTaskState.Submitted) => "Menunggu pemeriksaan",
        (false, VisitTaskState.Returned) => "Dikembalikan",
        (false, VisitTaskState.Approved) => "Disetujui",
        (false, VisitTaskState.Cancelled) => "Dibatalkan",
        (true, VisitTaskState.Open) => "Not yet visited",
        (true, VisitTaskState.Submitted) => "Waiting for review",
        (true, VisitTaskState.Returned) => "Sent back",
        (true, VisitTaskState.Approved) => "Approved",
        (true, VisitTaskState.Cancelled) => "Cancelled",
        _ => state.ToString(),
    };

    public static string Review(ReviewState review) => (UiCulture.IsEnglish, review) switch
    {
        (false, ReviewState.Pending) => "Menunggu pemeriksaan",
        (false, ReviewState.Approved) => "Disetujui",
        (false, ReviewState.Returned) => "Dikembalikan",
        (true, ReviewState.Pending) => "Waiting for review",
        (true, ReviewState.Approved) => "Approved",
        (true, ReviewState.Returned) => "Sent back",
        _ => review.ToString(),
    };

    public static string Indicator(PovertyIndicators indicator) => UiCulture.IsEnglish ? indicator.ToEnglish() : indicator.ToIndonesian();

    public static string Decision(MeetingDecisionKind kind) => (UiCulture.IsEnglish, kind) switch
    {
        (false, MeetingDecisionKind.Include) => "Masukkan ke daftar",
        (false, MeetingDecisionKind.Confirm) => "Tetap di daftar, kunjungi",
        (false, MeetingDecisionKind.Object) => "Diragukan, periksa ulang",
        (true, MeetingDecisionKind.Include) => "Put on the list",
        (true, MeetingDecisionKind.Confirm) => "Stays on the list, visit",
        (true, MeetingDecisionKind.Object) => "Doubted, check again",
        _ => kind.ToString(),
    };

    public static string ProposalKind(ProposalKind kind) => (UiCulture.IsEnglish, kind) switch
    {
        (false, Domain.Verification.ProposalKind.Usul) => "Usul",
        (false, _) => "Sanggah",
        (true, Domain.Verification.ProposalKind.Usul) => "Proposal",
        _ => "Objection",
    };

    /// <summary>An audit entry's action in words.</summary>
    public static string AuditAction(string action) => (UiCulture.IsEnglish, action) switch
    {
        (false, "household.status") => "Perubahan status",
        (false, "task.create") => "Tugas kunjungan dibuat",
        (false, "task.assign") => "Tugas ditugaskan",
        (false, "visit.submit") => "Kunjungan lapangan dikirim",
        (false, "visit.approve") => "Kunjungan disetujui Dinas Sosial",
        (false, "visit.return") => "Kunjungan dikembalikan",
        (false, "proposal.usul") => "Usul diterima",
        (false, "proposal.sanggah") => "Sanggah diterima",
        (false, "round.create") => "Putaran verval dibuat",
        (false, "meeting.record") => "Musyawarah dicatat",
        (false, "meeting.approve") => "Musyawarah disetujui",
        (false, "meeting.minutes") => "Berita acara dilampirkan",
        (false, "import.run") => "Impor data",
        (false, "classification.run") => "Klasifikasi dijalankan",
        (false, "criteria.set") => "Kriteria ditetapkan",
        (false, "target.set") => "Target ditetapkan",
        (false, "user.create") => "Pengguna dibuat",
        (false, "token.create") => "Token API dibuat",
        (false, "delivery.record") => "Penyaluran dicatat",
        (false, "delivery.correct") => "Penyaluran dikoreksi",
        (false, "follow-up.close") => "Tindak lanjut ditutup",
        (true, "household.status") => "Status change",
        (true, "task.create") => "Visit task created",
        (true, "task.assign") => "Task assigned",
        (true, "visit.submit") => "Field visit submitted",
        (true, "visit.approve") => "Visit approved by Dinas Sosial",
        (true, "visit.return") => "Visit sent back",
        (true, "proposal.usul") => "Proposal received",
        (true, "proposal.sanggah") => "Objection received",
        (true, "round.create") => "Round opened",
        (true, "meeting.record") => "Village meeting recorded",
        (true, "meeting.approve") => "Village meeting approved",
        (true, "meeting.minutes") => "Minutes attached",
        (true, "import.run") => "Import",
        (true, "classification.run") => "Classification run",
        (true, "criteria.set") => "Criteria set",
        (true, "target.set") => "Target set",
        (true, "user.create") => "User created",
        (true, "token.create") => "API token created",
        (true, "delivery.record") => "Delivery recorded",
        (true, "delivery.correct") => "Delivery corrected",
        (true, "follow-up.close") => "Follow-up closed",
        _ => action,
    };
}
