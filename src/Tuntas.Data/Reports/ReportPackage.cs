namespace Tuntas.Data.Reports;

/// <summary>The figures of one region (a kecamatan or a desa) inside a report package.</summary>
public sealed record AreaFigures(
    string Region, string Name, int ExtremePoorHouseholds, int Verified, int Unverified, int People,
    int Graduated, int Excluded, int Moved, int Deceased, int Merged);

/// <summary>What a programme delivered in the region up to the day of the report.</summary>
public sealed record ProgrammeFigures(string Programme, string Name, int Deliveries, int Households, long Amount);

/// <summary>How much of the caseload and of the exits is backed by approved field visits.</summary>
public sealed record VerificationCoverage(
    int ExtremePoorHouseholds, int Verified, decimal VerifiedShare, int Exits, int ExitsWithApprovedVisit, decimal ExitsWithVisitShare, int ApprovedVisits);

/// <summary>
/// A claim audit of the region beside its headline: how it was drawn (seed, population hash) and what
/// the independent re-checks found; the estimates once every household is checked. The error
/// estimate counts the households found wrong; the "not confirmed" one also those that could not be
/// found (<see cref="Tuntas.Domain.ClaimAudit.ClaimAuditTally.NotConfirmedEstimate"/>), both out of the
/// whole sample.
/// </summary>
public sealed record ClaimAuditFigures(
    long AuditId, string Status, DateOnly From, DateOnly To, string Seed, string PopulationHash,
    int Population, int Sample, int Confirmed, int Wrong, int CouldNotVerify, int Pending,
    double? ErrorRate, double? Low, double? High, int? EstimatedErrorsLow, double? EstimatedErrorsMid, int? EstimatedErrorsHigh, string Method,
    int NotConfirmed = 0, double? NotConfirmedRate = null, int? NotConfirmedLow = null, double? NotConfirmedMid = null, int? NotConfirmedHigh = null)
{
    public static ClaimAuditFigures Of(ClaimAudit.ClaimAuditStanding a)
    {
        var t = a.Tally;
        var e = t.Estimate;
        var u = t.NotConfirmedEstimate;
        return new ClaimAuditFigures(
            a.Id, Tuntas.Domain.Registry.HouseholdStatusNames.ToWire(a.Status), a.From, a.To, a.Seed, a.PopulationHash, t.Population, t.SampleSize, t.Confirmed, t.Wrong,
            t.CouldNotVerify, t.Pending, e?.ErrorRate, e?.Low, e?.High, e?.LowErrors, e?.MidErrors, e?.HighErrors, Tuntas.Domain.ClaimAudit.ErrorRateEstimate.Method,
            t.NotConfirmed, u?.ErrorRate, u?.LowErrors, u?.MidErrors, u?.HighErrors);
    }
}

/// <summary>The head of the audit chain of the database the package came from, when it was made.</summary>
public sealed record AuditChainHead(long Sequence, string Hash);

/// <summary>
/// What a kabupaten/kota sends up to the province: the headline figures of contracts §4, figures by
/// kecamatan and desa, deliveries by programme, verification coverage and the head of its audit
/// chain. Aggregates only: no names, no NIKs.
/// </summary>
public sealed record ReportContent(
    string Region, string RegionName, DateOnly At, DateTime GeneratedAt,
    Monitoring.HeadlineFigures Headline,
    IReadOnlyList<AreaFigures> Districts,
    IReadOnlyList<AreaFigures> Villages,
    IReadOnlyList<ProgrammeFigures> Deliveries,
    VerificationCoverage Verification,
    AuditChainHead AuditHead)
{
    /// <summary>The claim audits beside the headline; empty means the figure is not yet audited (null in packages made before claim audits existed).</summary>
    public IReadOnlyList<ClaimAuditFigures>? ClaimAudits { get; init; }
}

/// <summary>A package as it was imported into a (province) database.</summary>
public sealed class ImportedReport
{
    public long Id { get; set; }

    public required string Region { get; set; }

    public required string RegionName { get; set; }

    public DateOnly At { get; set; }

    /// <summary>SHA-256 of the content, as written in the package and checked on import.</summary>
    public required string Sha256 { get; set; }

    public DateTime GeneratedAt { get; set; }

    public int ExtremePoorHouseholds { get; set; }

    public int People { get; set; }

    public int Verified { get; set; }

    public required string AuditHeadHash { get; set; }

    /// <summary>The content exactly as it came, so that its hash can be checked again at any time.</summary>
    public required string Content { get; set; }

    public required string FileName { get; set; }

    public string? ImportedBy { get; set; }

    public DateTime ImportedAt { get; set; }
}
