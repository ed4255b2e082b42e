using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;

namespace Tuntas.Data.Interventions;

/// <summary>A new needs rule, as written by an administrator.</summary>
public sealed record NeedRuleChange(
    string Code, string Name, IReadOnlyList<string> Programmes, NeedSubject Subject, string Fact, NeedOperator Operator,
    IReadOnlyList<string> Values, int? MinAge = null, int? MaxAge = null);

/// <summary>
/// Adds and switches off the rules that say what a household needs (<c>tuntas needs add|disable</c>),
/// and gives a new database the shipped rules: one writer of needs rules and of their audit entry.
/// </summary>
public sealed class ChangeNeedRules(UnitOfWork work) : IUseCase
{
    /// <summary>Adds a rule; every programme it names must be in the catalogue.</summary>
    public Task<WriteResult<NeedRule>> AddAsync(NeedRuleChange change, string actor, CancellationToken ct = default) =>
        work.RunAsync(async c =>
        {
            var known = await work.Db.Programmes.AsNoTracking().Select(p => p.Code).ToListAsync(c);
            if (change.Programmes.FirstOrDefault(p => !known.Contains(p.ToUpperInvariant())) is { } unknown)
            {
                throw new DomainException($"There is no programme '{unknown}'; see 'tuntas programmes'.", $"Tidak ada program '{unknown}'.");
            }

            var rule = new NeedRule(change.Code, change.Name, change.Programmes, change.Subject, change.Fact, change.Operator,
                change.Values, change.MinAge, change.MaxAge, work.Clock.UtcNow);
            Add(rule, actor);
            return rule;
        }, ct);

    /// <summary>Switches off every active rule of a need (they stay on record); not found when there is none.</summary>
    /// <returns>How many rules were switched off.</returns>
    public Task<WriteResult<int>> DisableAsync(string code, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<int>(async c =>
        {
            var wanted = code.Trim().ToUpperInvariant();
            var rules = await work.Db.NeedRules.Where(r => r.Code == wanted && r.Active).ToListAsync(c);
            if (rules.Count == 0)
            {
                return new WriteError.NotFound($"Need {wanted}");
            }

            foreach (var rule in rules)
            {
                rule.SetActive(false);
                rule.Touch(work.Clock.UtcNow);
                work.Audit.Record(actor, "need-rule.disable", AuditSubject.Named("need-rule", rule.Code), new { rule.Id, active = true }, new { rule.Id, active = false });
            }

            return WriteResult<int>.Ok(rules.Count);
        }, ct);

    /// <summary>The shipped needs rules when there are none yet.</summary>
    public Task<WriteResult<Done>> SeedAsync(CancellationToken ct = default) =>
        work.SeedOnceAsync(work.Db.NeedRules, () =>
        {
            foreach (var rule in NeedRule.Seed(work.Clock.UtcNow))
            {
                Add(rule, Seeding.Actor);
            }
        }, ct);

    private void Add(NeedRule rule, string actor)
    {
        work.Db.NeedRules.Add(rule);
        work.Audit.Record(actor, "need-rule.set", AuditSubject.Named("need-rule", rule.Code), null, new
        {
            rule.Code,
            rule.Name,
            rule.Programmes,
            subject = rule.Subject,
            rule.Fact,
            op = rule.Operator,
            rule.Values,
            rule.MinAge,
            rule.MaxAge,
        });
    }
}
