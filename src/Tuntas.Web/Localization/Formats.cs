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
        // The zone of the region's province comes from the one table of zones (RegionTimeZone).
        var (local, zone) = RegionClock.Local(utc, region);
        return $"{Date(DateOnly.FromDateTime(local))} {local.ToString("HH.mm", CultureInfo.InvariantCulture)} {zone}";
    }

    public static string Status(HouseholdStatus status) => UiCulture.IsEnglish ? status.ToEnglish() : status.ToIndonesian();

    /// <summary>The CSS class that colours a status; the word is always shown too.</summary>
    public static string StatusClass(HouseholdStatus status) => "status status-" + status.ToWire();

    public static string Level(RegionLevel level) => UiCulture.IsEnglish ? level.ToEnglish() : level.ToIndonesian();

    public static string RoleName(Role role) => UiText.Of(role);

    public static string Sex(Sex sex) => UiText.Of(sex);

    public static string Purpose(VisitPurpose purpose) => UiText.Of(purpose);

    public static string TaskState(VisitTaskState state) => UiText.Of(state);

    public static string Review(ReviewState review) => UiText.Of(review);

    public static string Indicator(PovertyIndicators indicator) => UiCulture.IsEnglish ? indicator.ToEnglish() : indicator.ToIndonesian();

    public static string Decision(MeetingDecisionKind kind) => UiText.Of(kind);

    public static string Finding(Tuntas.Domain.ClaimAudit.RecheckFinding finding) => UiText.Of(finding);

    /// <summary>A number with at most one decimal (17,5 in Indonesian, 17.5 in English).</summary>
    public static string Number(double value) => value.ToString("#,0.#", CultureInfo.CurrentCulture);

    public static string ProposalKind(ProposalKind kind) => UiText.Of(kind);

    /// <summary>An audit entry's action in words; an action without words is shown as recorded.</summary>
    public static string AuditAction(string action) => UiText.Find("AuditAction." + action) ?? action;

    /// <summary>
    /// A GPS position as decimal degrees with a dot and five decimals (<c>0.13860, 117.49600</c>) in every
    /// language: a comma decimal would be read as a third coordinate, and maps and phones expect the dot.
    /// </summary>
    public static string Position(double latitude, double longitude) =>
        latitude.ToString("0.00000", CultureInfo.InvariantCulture) + ", " + longitude.ToString("0.00000", CultureInfo.InvariantCulture);

    /// <summary>A distance: whole metres under a kilometre (<c>350 m</c>), else kilometres with one decimal (<c>7,2 km</c>, <c>5 km</c>).</summary>
    public static string Distance(double km) =>
        km < 1 ? ((int)Math.Round(km * 1000)).ToString(CultureInfo.CurrentCulture) + " m" : km.ToString("#,0.#", CultureInfo.CurrentCulture) + " km";
}
