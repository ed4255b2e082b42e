using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.ClaimAudit;

/// <summary>The JSON shapes of claim-audit results, the same on the command line, the API and in report packages.</summary>
public static class ClaimAuditJson
{
    /// <summary>The JSON shape of an estimate, shared with the web API and the report package.</summary>
    public static object Estimate(ErrorRateEstimate e) => new
    {
        population = e.Population,
        sample = e.Sample,
        errors = e.Errors,
        errorRate = e.ErrorRate,
        low = e.Low,
        high = e.High,
        confidence = e.Confidence,
        method = ErrorRateEstimate.Method,
        estimatedErrors = new { low = e.LowErrors, mid = e.MidErrors, high = e.HighErrors },
    };

    public static object Standing(ClaimAuditStanding a) => new
    {
        auditId = a.Id,
        region = a.Region.Value,
        status = a.Status.ToWire(),
        from = a.From,
        to = a.To,
        seed = a.Seed,
        populationHash = a.PopulationHash,
        createdBy = a.CreatedBy,
        createdAt = a.CreatedAt,
        result = Tally(a.Tally),
    };

    public static object Tally(ClaimAuditTally t) => new
    {
        population = t.Population,
        sample = t.SampleSize,
        confirmed = t.Confirmed,
        wrong = t.Wrong,
        couldNotVerify = t.CouldNotVerify,
        notConfirmed = t.NotConfirmed,
        pending = t.Pending,
        complete = t.Complete,
        estimate = t.Estimate is { } e ? Estimate(e) : null,
        notConfirmedEstimate = t.NotConfirmedEstimate is { } u ? Estimate(u) : null,
    };

    /// <summary>
    /// A replayed draw: <c>sample</c> is what the recorded seed draws from the population found now,
    /// in the same shape as the draw's; the recorded hash and sample stand beside what was found.
    /// </summary>
    public static object Replay(ClaimAuditReplay r) => new
    {
        auditId = r.Audit.Id,
        seed = r.Audit.Seed,
        populationHash = r.Audit.PopulationHash,
        populationHashFound = r.FoundHash,
        population = r.Audit.Population,
        populationFound = r.FoundPopulation,
        sample = r.Sample?.Select(c => c.NoKk).ToList(),
        recordedSample = r.RecordedSample,
        populationMatches = r.PopulationMatches,
        sampleMatches = r.SampleMatches,
        matches = r.Matches,
    };
}
