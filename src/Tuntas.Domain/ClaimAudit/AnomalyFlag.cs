using Tuntas.Domain.Regions;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>What an anomaly flag is about. The wire names (<see cref="AnomalyKinds.ToWire(AnomalyKind)"/>) are stable.</summary>
public enum AnomalyKind
{
    /// <summary>An exit with no approved visit behind it, or a visit without evidence.</summary>
    ExitWithoutVisit,

    /// <summary>Exits in a kecamatan piling up in the 30 days before a target date.</summary>
    ExitSurgeBeforeTarget,

    /// <summary>One person's status changes are far more often exits than their peers'.</summary>
    VerifierExitRateOutlier,

    /// <summary>A graduation with no programme delivered on or before it.</summary>
    GraduationWithoutIntervention,

    /// <summary>A graduated household listed again.</summary>
    ReEntryAfterGraduation,

    /// <summary>One photo on the visits of two or more households.</summary>
    SamePhotoDifferentHouseholds,

    /// <summary>A visit recorded far from the other visits of its desa/kelurahan.</summary>
    VisitFarFromVillage,

    /// <summary>A visit whose observed answers are all those of the household's previous visit.</summary>
    VisitSameAsPrevious,

    /// <summary>A visit form sent implausibly soon after it was opened.</summary>
    VisitFilledTooFast,
}

public enum AnomalySeverity
{
    Medium,
    High,
}

public static class AnomalyKinds
{
    /// <summary>The kebab-case name used in JSON and on the command line.</summary>
    public static string ToWire(this AnomalyKind kind) => kind switch
    {
        AnomalyKind.ExitWithoutVisit => "exit-without-visit",
        AnomalyKind.ExitSurgeBeforeTarget => "exit-surge-before-target",
        AnomalyKind.VerifierExitRateOutlier => "verifier-exit-rate-outlier",
        AnomalyKind.GraduationWithoutIntervention => "graduation-without-intervention",
        AnomalyKind.ReEntryAfterGraduation => "re-entry-after-graduation",
        AnomalyKind.SamePhotoDifferentHouseholds => "same-photo-different-households",
        AnomalyKind.VisitFarFromVillage => "visit-far-from-village",
        AnomalyKind.VisitSameAsPrevious => "visit-same-as-previous",
        AnomalyKind.VisitFilledTooFast => "visit-filled-too-fast",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static AnomalyKind? ParseWire(string? text) =>
        Enum.GetValues<AnomalyKind>().Cast<AnomalyKind?>().FirstOrDefault(k => string.Equals(k!.Value.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static AnomalySeverity SeverityOf(this AnomalyKind kind) => kind switch
    {
        AnomalyKind.ExitWithoutVisit or AnomalyKind.ExitSurgeBeforeTarget or AnomalyKind.SamePhotoDifferentHouseholds => AnomalySeverity.High,
        _ => AnomalySeverity.Medium,
    };

    public static string ToWire(this AnomalySeverity severity) => severity == AnomalySeverity.High ? "high" : "medium";
}

/// <summary>
/// A place where a claim looks like a number on paper: a finding for a verifier to look into, not a
/// verdict. <see cref="NoKk"/> is null for a flag about a region (a kecamatan's surge, a recorder's
/// exit rate). The detail is given in English (the wire text) and in Bahasa Indonesia (the screen).
/// </summary>
public sealed record AnomalyFlag(AnomalyKind Kind, RegionCode Region, string? NoKk, string Detail, string DetailIndonesian)
{
    public AnomalySeverity Severity => Kind.SeverityOf();
}
