using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Interventions;

namespace Tuntas.Data.Interventions;

/// <summary>A change to a programme of the catalogue; what is left out stays as it is.</summary>
public sealed record ProgrammeChange(
    string Code, string? Name = null, string? Agency = null, Strategy? Strategy = null, ProgrammeUnit? Unit = null,
    long? TypicalValue = null, bool? PovertyTargeted = null, bool? Active = null)
{
    /// <summary>The highest eligible desil; 0 removes the eligibility; null leaves it as it is.</summary>
    public int? EligibleDesilMax { get; init; }

    /// <summary>The rule the eligibility comes from (e.g. a Kepmensos); kept when null.</summary>
    public string? EligibilitySource { get; init; }
}

/// <summary>
/// Changes the programme catalogue (<c>tuntas programmes set</c>), or adds a local programme, and
/// gives a new database the shipped catalogue: one writer of programmes and of their audit entry.
/// </summary>
public sealed class ChangeProgrammes(UnitOfWork work) : IUseCase
{
    /// <summary>
    /// Changes the programme named by the change's code, or adds it as a local programme. A new code
    /// without a name, agency, strategy and unit is refused as not found: there is nothing to change.
    /// </summary>
    public Task<WriteResult<Programme>> SetAsync(ProgrammeChange change, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Programme>(async c =>
        {
            var code = change.Code.Trim().ToUpperInvariant();
            var now = work.Clock.UtcNow;
            var programme = await work.Db.Programmes.SingleOrDefaultAsync(p => p.Code == code, c);
            object? before = null;
            if (programme is null)
            {
                if (change is not { Name: { } name, Agency: { } agency, Strategy: { } strategy, Unit: { } unit })
                {
                    return new WriteError.NotFound($"Programme {code}");
                }

                programme = new Programme(code, name, agency, strategy, unit, change.TypicalValue, change.PovertyTargeted ?? false, now, isLocal: true);
                work.Db.Programmes.Add(programme);
            }
            else
            {
                before = Snapshot(programme);
                programme.Update(
                    change.Name ?? programme.Name, change.Agency ?? programme.OwnerAgency, change.Strategy ?? programme.Strategy, change.Unit ?? programme.Unit,
                    change.TypicalValue ?? programme.TypicalValue, change.PovertyTargeted ?? programme.PovertyTargeted, change.Active ?? programme.Active, now);
            }

            if (change.EligibleDesilMax is { } max)
            {
                programme.SetEligibility(max == 0 ? null : max, change.EligibilitySource ?? programme.EligibilitySource, now);
            }

            work.Audit.Record(actor, "programme.set", AuditSubject.Of(programme), before, Snapshot(programme));
            return WriteResult<Programme>.Ok(programme);
        }, ct);

    /// <summary>The shipped programme catalogue when there is none yet.</summary>
    public async Task<WriteResult<Done>> SeedAsync(CancellationToken ct = default)
    {
        var seeded = await work.SeedOnceAsync(work.Db.Programmes, () =>
        {
            foreach (var programme in Programme.Seed(work.Clock.UtcNow))
            {
                work.Db.Programmes.Add(programme);
                work.Audit.Record(Seeding.Actor, "programme.set", AuditSubject.Of(programme), null, Snapshot(programme));
            }
        }, ct);
        return seeded.Error is null ? await SeedEligibilityAsync(ct) : seeded;
    }

    /// <summary>
    /// A catalogue made before eligibility by desil was kept gets the shipped eligibility of the
    /// national programmes (Kepmensos 79/HUK/2025), only where an administrator never changed the
    /// programme and it has none.
    /// </summary>
    private async Task<WriteResult<Done>> SeedEligibilityAsync(CancellationToken ct)
    {
        var untouched = await work.Db.Programmes.AsNoTracking()
            .Where(p => p.Version == 0 && p.EligibleDesilMax == null && p.EligibilitySource == null && !p.IsLocal)
            .Select(p => p.Code)
            .ToListAsync(ct);
        var codes = untouched.Where(c => Programme.ShippedEligibility(c) is not null).ToList();
        if (codes.Count == 0)
        {
            return WriteResult<Done>.Ok(Done.Value);
        }

        return await work.RunAsync(async c =>
        {
            foreach (var programme in await work.Db.Programmes.Where(p => codes.Contains(p.Code)).ToListAsync(c))
            {
                var before = Snapshot(programme);
                programme.SetEligibility(Programme.ShippedEligibility(programme.Code), Programme.ShippedEligibilitySource, work.Clock.UtcNow);
                work.Audit.Record(Seeding.Actor, "programme.set", AuditSubject.Of(programme), before, Snapshot(programme));
            }

            return Done.Value;
        }, ct);
    }

    private static object Snapshot(Programme p) => new
    {
        p.Code,
        p.Name,
        p.OwnerAgency,
        strategy = p.Strategy.ToWire(),
        unit = p.Unit.ToWire(),
        p.TypicalValue,
        p.PovertyTargeted,
        p.Active,
        p.EligibleDesilMax,
        p.EligibilitySource,
    };
}
