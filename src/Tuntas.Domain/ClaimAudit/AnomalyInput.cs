using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>One status change as the rules read it. <see cref="Sequence"/> orders changes of the same day.</summary>
public sealed record StatusChangeRecord(
    long HouseholdId, string NoKk, RegionCode Village, HouseholdStatus From, HouseholdStatus To, DateOnly EffectiveDate, long Sequence, string Actor, long? VisitId)
{
    public RegionCode District => Village.AtLevel(RegionLevel.District)!;

    public RegionCode Regency => Village.AtLevel(RegionLevel.Regency)!;

    /// <summary>A real change into an exit (a record that keeps the status is not one).</summary>
    public bool IsExit => From != To && Verification.HouseholdLifecycle.IsExit(To);
}

/// <summary>
/// A field visit: whose, where the household lives, whether approved, its position and the hashes of its
/// evidence; for the reviewer's marks (<see cref="VisitMarks"/>) also what was observed, when it was sent,
/// when its form was opened, and whether Dinas Sosial returned it.
/// </summary>
public sealed record VisitRecord(
    long Id, long HouseholdId, string NoKk, RegionCode Village, DateOnly VisitedOn, bool Approved, double? Latitude, double? Longitude, IReadOnlyList<string> EvidenceHashes,
    VisitAnswers? Answers = null, DateTime? SubmittedAt = null, DateTime? FormOpenedAt = null, bool Returned = false)
{
    public bool HasPosition => Latitude is not null && Longitude is not null;

    public GeoPoint? Point => GeoPoint.Of(Latitude, Longitude);
}

/// <summary>A programme delivery to a household on a day.</summary>
public sealed record DeliveryRecord(long HouseholdId, DateOnly Date);

/// <summary>A target date of a region.</summary>
public sealed record TargetRecord(RegionCode Region, DateOnly Date);

/// <summary>The days a question is about; an open end reaches to the start or end of the history.</summary>
public sealed record DateWindow(DateOnly? From, DateOnly? To)
{
    public static DateWindow All { get; } = new(null, null);

    public bool Contains(DateOnly day) => (From is null || day >= From) && (To is null || day <= To);

    /// <summary>True when the days <paramref name="first"/> to <paramref name="last"/> share at least one day with the window.</summary>
    public bool Overlaps(DateOnly first, DateOnly last) => (From is null || last >= From) && (To is null || first <= To);
}

/// <summary>
/// Everything the rules read about a region. Flags are given only for places inside
/// <see cref="Region"/>; records outside it (a visit elsewhere that used the same photo) serve as
/// comparison only, and a No. KK outside <see cref="NameableWithin"/> (the reader's scope; null for
/// the whole country) is counted, never named.
/// </summary>
public sealed record AnomalyInput(
    RegionCode Region,
    IReadOnlyList<StatusChangeRecord> Changes,
    IReadOnlyList<VisitRecord> Visits,
    IReadOnlyList<DeliveryRecord> Deliveries,
    IReadOnlyList<TargetRecord> Targets,
    RegionCode? NameableWithin = null,
    VisitMarkSettings? Marks = null)
{
    /// <summary>The thresholds of the visit marks: those given, or the defaults.</summary>
    public VisitMarkSettings MarkSettings => Marks ?? VisitMarkSettings.Default;
}
