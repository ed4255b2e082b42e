using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>
/// A claim audit: a reproducible random sample of the households that were in (or entered) a status
/// in a region and period, each re-checked in the field by a verifier independent of the original
/// decision. Its result says how many records of the whole population may be wrong.
/// </summary>
public sealed class ClaimAuditSample
{
    private readonly List<ClaimAuditItem> _items = [];

    public ClaimAuditSample(RegionCode region, HouseholdStatus status, DateOnly from, DateOnly to, DrawnSample drawn, bool stratified, string createdBy, DateTime nowUtc)
    {
        if (!IsAuditable(status))
        {
            throw new DomainException(ClaimAuditErrors.StatusNotAuditable());
        }

        if (to < from)
        {
            throw new DomainException(ClaimAuditErrors.PeriodEndsBeforeStart());
        }

        Region = region;
        Status = status;
        From = from;
        To = to;
        Seed = drawn.Seed;
        PopulationHash = drawn.PopulationHash;
        Population = drawn.Population;
        Stratified = stratified;
        CreatedBy = createdBy;
        CreatedAt = nowUtc;
    }

    // For EF Core materialisation.
    private ClaimAuditSample()
    {
        Region = null!;
        Seed = PopulationHash = CreatedBy = null!;
    }

    public long Id { get; private set; }

    public RegionCode Region { get; private set; }

    /// <summary>The status whose households were drawn (the claim re-checked: for example, that they graduated).</summary>
    public HouseholdStatus Status { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public string Seed { get; private set; }

    public string PopulationHash { get; private set; }

    /// <summary>How many households the sample was drawn from (N).</summary>
    public int Population { get; private set; }

    public bool Stratified { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the last finding came in (UTC); null while the re-check goes on.</summary>
    public DateTime? CompletedAt { get; private set; }

    public IReadOnlyList<ClaimAuditItem> Items => _items;

    /// <summary>The statuses whose households a claim audit re-checks, in the order screens offer them.</summary>
    public static IReadOnlyList<HouseholdStatus> AuditableStatuses { get; } =
        [HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Verified, HouseholdStatus.Listed];

    public static bool IsAuditable(HouseholdStatus status) => AuditableStatuses.Contains(status);

    public ClaimAuditItem Add(long householdId, string noKk, RegionCode district, OriginalDecision original)
    {
        var item = new ClaimAuditItem(this, householdId, noKk, district, original);
        _items.Add(item);
        return item;
    }

    /// <summary>Marks the audit complete once every household has a finding.</summary>
    internal void FindingRecorded(DateTime nowUtc)
    {
        if (CompletedAt is null && _items.All(i => i.Finding is not null))
        {
            CompletedAt = nowUtc;
        }
    }

    /// <summary>The tally so far (and the estimate, once complete).</summary>
    public ClaimAuditTally Tally() => ClaimAuditTally.Of(Population, _items.Count, _items.Select(i => i.Finding));
}

/// <summary>Who stood behind the record being re-checked: none of them may re-check it.</summary>
public sealed record OriginalDecision(string? Visitor, string? Reviewer, string? Actor)
{
    public bool Involves(string userName) =>
        new[] { Visitor, Reviewer, Actor }.Any(n => n is not null && string.Equals(n.Trim(), userName.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The findings of an audit counted, and what they imply for the population. A household that could
/// not be found or assessed stays in the sample: it is "not confirmed", exactly what a record that
/// exists only on paper looks like, so it counts against the claim (<see cref="NotConfirmedEstimate"/>).
/// Both estimates are over the whole sample drawn, never over the households that happened to be found.
/// </summary>
public sealed record ClaimAuditTally(int Population, int SampleSize, int Confirmed, int Wrong, int CouldNotVerify, int Pending)
{
    public bool Complete => Pending == 0;

    /// <summary>Households assessed either way: confirmed or found wrong.</summary>
    public int Checked => Confirmed + Wrong;

    /// <summary>Households whose record the re-check did not confirm: found wrong or not found (could not be verified).</summary>
    public int NotConfirmed => Wrong + CouldNotVerify;

    /// <summary>How many records of the population a re-check would find wrong, from the whole sample; null until the audit is complete.</summary>
    public ErrorRateEstimate? Estimate =>
        Complete && SampleSize > 0 ? ErrorRateEstimate.Compute(Population, SampleSize, Wrong) : null;

    /// <summary>
    /// How many records of the population a re-check would not confirm (wrong or not found), from the
    /// whole sample; null until the audit is complete. This is the figure a claim is judged by: an
    /// audit whose every household was not found gives a result (all unconfirmed), not "no result".
    /// </summary>
    public ErrorRateEstimate? NotConfirmedEstimate =>
        Complete && SampleSize > 0 ? ErrorRateEstimate.Compute(Population, SampleSize, NotConfirmed) : null;

    public static ClaimAuditTally Of(int population, int size, IEnumerable<RecheckFinding?> findings)
    {
        int confirmed = 0, wrong = 0, unverifiable = 0, pending = 0;
        foreach (var finding in findings)
        {
            switch (finding)
            {
                case RecheckFinding.Confirmed: confirmed++; break;
                case RecheckFinding.Wrong: wrong++; break;
                case RecheckFinding.CouldNotVerify: unverifiable++; break;
                default: pending++; break;
            }
        }

        return new ClaimAuditTally(population, size, confirmed, wrong, unverifiable, pending);
    }
}
