namespace Tuntas.Domain.Verification;

/// <summary>
/// The thresholds of the marks a reviewer sees on a visit (<see cref="VisitMarks"/>). Settings
/// <c>Tuntas:VisitMarks:MinimumFillSeconds</c> and <c>Tuntas:VisitMarks:FarFromVillageKm</c>.
/// </summary>
public sealed record VisitMarkSettings
{
    /// <summary>The defaults: 2 minutes, 5 km, 3 other visits.</summary>
    public static VisitMarkSettings Default { get; } = new();

    /// <summary>
    /// A form sent sooner than this after it was opened is marked. Reading eight indicators, spending,
    /// four member counts and a recommendation off a household takes longer than two minutes; a visitor
    /// copying an earlier sheet does not.
    /// </summary>
    public TimeSpan MinimumFillTime { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A position further than this (great-circle) from the middle of the desa/kelurahan's other
    /// visits is marked. A desa in Kutai Timur spans a few kilometres around its settlement.
    /// </summary>
    public double FarFromVillageKm { get; init; } = 5.0;

    /// <summary>The middle of a desa is taken only from at least this many other visits with a position.</summary>
    public int VillageMinimumOtherVisits { get; init; } = 3;
}

/// <summary>What a visitor observed, as compared with the previous visit: everything but the date, position, notes and conclusion.</summary>
public sealed record VisitAnswers(
    bool Found,
    string? MetPerson,
    PovertyIndicators Indicators,
    bool NoShelter,
    long? SpendingPerCapita,
    int MembersPresent,
    int MembersMoved,
    int MembersDeceased,
    int MembersBorn)
{
    public static VisitAnswers Of(Visit visit) => new(
        visit.Found, visit.MetPerson, visit.Indicators, visit.NoShelter, visit.SpendingPerCapita,
        visit.MembersPresent, visit.MembersMoved, visit.MembersDeceased, visit.MembersBorn);

    /// <summary>Every answer equal; the person met is compared without case or surrounding spaces.</summary>
    public bool SameAs(VisitAnswers other) =>
        Found == other.Found
        && string.Equals(MetPerson?.Trim() ?? "", other.MetPerson?.Trim() ?? "", StringComparison.OrdinalIgnoreCase)
        && Indicators == other.Indicators
        && NoShelter == other.NoShelter
        && SpendingPerCapita == other.SpendingPerCapita
        && MembersPresent == other.MembersPresent
        && MembersMoved == other.MembersMoved
        && MembersDeceased == other.MembersDeceased
        && MembersBorn == other.MembersBorn;
}

/// <summary>A position in decimal degrees (WGS 84).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>The great-circle (haversine) distance in kilometres on a sphere of the Earth's mean radius.</summary>
    public double KmTo(GeoPoint other)
    {
        const double EarthKm = 6371.0088;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(other.Latitude - Latitude);
        var dLon = Rad(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(Latitude)) * Math.Cos(Rad(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static GeoPoint? Of(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;
}

/// <summary>
/// Where a visit lies against the other visits of its desa/kelurahan. <see cref="Centre"/> is null
/// when there are fewer other visits with a position than the settings ask for ("too few to say",
/// never a distance of 0); <see cref="DistanceKm"/> is null also when the visit has no position.
/// </summary>
public sealed record VillageDistance(GeoPoint? Centre, int OtherVisits, double? DistanceKm)
{
    public bool TooFewOtherVisits => Centre is null;
}

public enum VisitMark
{
    /// <summary>Every observed answer equals the previous visit's.</summary>
    SameAsPrevious,

    /// <summary>Sent sooner after the form was opened than <see cref="VisitMarkSettings.MinimumFillTime"/>.</summary>
    FilledTooFast,

    /// <summary>Recorded further than <see cref="VisitMarkSettings.FarFromVillageKm"/> from the middle of the desa's other visits.</summary>
    FarFromVillage,
}

/// <summary>The marks of one visit with what they were computed from, for the review page and the queue.</summary>
public sealed record VisitMarkReport(bool HasPrevious, bool SameAsPrevious, TimeSpan? FillTime, bool FilledTooFast, VillageDistance Village, bool FarFromVillage)
{
    public IReadOnlyList<VisitMark> Marks =>
        new[] { (SameAsPrevious, VisitMark.SameAsPrevious), (FilledTooFast, VisitMark.FilledTooFast), (FarFromVillage, VisitMark.FarFromVillage) }
            .Where(x => x.Item1).Select(x => x.Item2).ToList();
}

/// <summary>
/// The one place where a visit's marks for the reviewer are decided (docs/verification.md, "Marks
/// for the reviewer"): the review page, the review queue and the anomaly flags all call it.
/// </summary>
public static class VisitMarks
{
    /// <summary>
    /// The visit a new one is compared with: the household's latest visit sent before it that Dinas
    /// Sosial did not return (a returned visit was not taken as what is true).
    /// </summary>
    public static TVisit? Previous<TVisit>(IEnumerable<TVisit> visitsOfHousehold, Func<TVisit, (long Id, DateTime SubmittedAt, bool Returned)> read, long? beforeId)
        where TVisit : class =>
        visitsOfHousehold
            .Select(v => (Visit: v, Info: read(v)))
            .Where(x => !x.Info.Returned && (beforeId is null || x.Info.Id < beforeId))
            .OrderByDescending(x => x.Info.SubmittedAt).ThenByDescending(x => x.Info.Id)
            .Select(x => x.Visit)
            .FirstOrDefault();

    public static bool SameAsPrevious(VisitAnswers current, VisitAnswers? previous) =>
        previous is not null && current.SameAs(previous);

    /// <summary>The time between opening and sending the form; null when the opening is unknown or after the sending.</summary>
    public static TimeSpan? FillTime(DateTime? formOpenedAt, DateTime submittedAt) =>
        formOpenedAt is { } opened && opened <= submittedAt ? submittedAt - opened : null;

    public static bool FilledTooFast(TimeSpan? fillTime, VisitMarkSettings settings) =>
        fillTime is { } t && t < settings.MinimumFillTime;

    /// <summary>
    /// The middle of the other visits is the median latitude and the median longitude, which a few
    /// wrong positions do not move.
    /// </summary>
    public static VillageDistance FromVillage(GeoPoint? point, IReadOnlyCollection<GeoPoint> otherVisits, VisitMarkSettings settings)
    {
        if (otherVisits.Count < settings.VillageMinimumOtherVisits)
        {
            return new VillageDistance(null, otherVisits.Count, null);
        }

        var centre = new GeoPoint(Median(otherVisits.Select(p => p.Latitude)), Median(otherVisits.Select(p => p.Longitude)));
        return new VillageDistance(centre, otherVisits.Count, point?.KmTo(centre));
    }

    public static bool FarFromVillage(VillageDistance village, VisitMarkSettings settings) =>
        village.DistanceKm is { } km && km > settings.FarFromVillageKm;

    /// <summary>All three marks of a visit.</summary>
    public static VisitMarkReport Evaluate(
        VisitAnswers answers, VisitAnswers? previous, DateTime? formOpenedAt, DateTime submittedAt, GeoPoint? point, IReadOnlyCollection<GeoPoint> otherVillageVisits, VisitMarkSettings settings)
    {
        var fill = FillTime(formOpenedAt, submittedAt);
        var village = FromVillage(point, otherVillageVisits, settings);
        return new VisitMarkReport(previous is not null, SameAsPrevious(answers, previous), fill, FilledTooFast(fill, settings), village, FarFromVillage(village, settings));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
