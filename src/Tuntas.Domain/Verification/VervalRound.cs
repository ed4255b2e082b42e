using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Verification;

/// <summary>
/// A verification round (putaran verval) for a region and period: visit tasks for the listed
/// households and for verified households due for re-verification.
/// </summary>
public sealed class VervalRound
{
    /// <summary>How long a verified household stays verified before it is visited again, by default.</summary>
    public const int DefaultReverifyMonths = 6;

    public VervalRound(RegionCode region, string name, DateOnly periodStart, DateOnly periodEnd, int reverifyMonths, string createdBy, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(VerificationErrors.RoundWithoutName());
        }

        if (periodEnd < periodStart)
        {
            throw new DomainException(VerificationErrors.RoundEndsBeforeStart());
        }

        if (reverifyMonths is < 1 or > 60)
        {
            throw new DomainException(VerificationErrors.ReverifyMonthsOutOfRange());
        }

        Region = region;
        Name = name.Trim();
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
        ReverifyMonths = reverifyMonths;
        CreatedBy = createdBy;
        CreatedAt = nowUtc;
    }

    // For EF Core materialisation.
    private VervalRound()
    {
        Region = null!;
        Name = CreatedBy = null!;
    }

    public long Id { get; private set; }

    public RegionCode Region { get; private set; }

    public string Name { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>A verified household is due again when this many months since its last assessment have passed by the end of the period.</summary>
    public int ReverifyMonths { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Whether a verified household last confirmed on <paramref name="lastVisit"/> is due for a visit in this round.</summary>
    public bool IsDueForReverification(DateOnly? lastVisit) => lastVisit is null || lastVisit.Value.AddMonths(ReverifyMonths) <= PeriodEnd;
}
