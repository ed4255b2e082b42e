using Tuntas.Data.Audit;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Verification;

/// <summary>Every status change goes through here: the domain's rules, then the audit entry.</summary>
public static class StatusChanges
{
    public const string SystemClassification = "sistem:klasifikasi";

    public static HouseholdStatusEvent Apply(Household household, StatusChange change, AuditTrail audit, DateOnly today, DateTime nowUtc)
    {
        var before = new { status = household.Status.ToWire(), since = household.StatusSince };
        var recorded = household.ChangeStatus(change, today, nowUtc);

        // A visit saved in the same unit of work has no id yet, so the entry names it by date and
        // visitor; the status event itself links it by id.
        audit.Record(change.Actor, "household.status", AuditSubject.Of(household), before, new
        {
            status = change.To.ToWire(),
            effectiveDate = change.EffectiveDate,
            reason = change.Reason,
            source = change.Source,
            visit = change.Visit is { } v ? new { visitedOn = v.VisitedOn, visitor = v.Visitor, reviewedBy = v.ReviewedBy, evidence = v.Evidence.Select(e => e.Sha256) } : null,
            mergedInto = change.MergeInto?.NoKk.Value,
        });
        return recorded;
    }
}
