using Microsoft.AspNetCore.Identity;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>
/// Creates a user: one role, one region scope that fits the role, a password never stored in clear.
/// The creation and its audit entry are one unit of work; every reason it cannot be created is given
/// at once, in one refusal.
/// </summary>
public sealed class AddUser(UnitOfWork work, UserManager<TuntasUser> users, UserAccounts accounts) : IUseCase
{
    public async Task<WriteResult<TuntasUser>> AddAsync(
        string name, Role role, RegionCode? region, string password, string actor, string? programme = null, CancellationToken ct = default)
    {
        var problems = await accounts.ProblemsAsync(name, role, region, programme, ct);
        if (problems.Count > 0)
        {
            return Refused(problems);
        }

        var programmeCode = UserAccounts.ProgrammeCode(programme);

        return await work.RunOrRefuseAsync<TuntasUser>(async _ =>
        {
            var user = new TuntasUser
            {
                UserName = name,
                Role = role,
                RegionCode = region,
                ProgrammeCode = programmeCode,
                CreatedAt = work.Clock.UtcNow,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return new WriteError.RuleBroken(PasswordRefusal.From(created.Errors, users.Options.Password));
            }

            work.Audit.Record(actor, "user.create", AuditSubject.Named("user", name, region?.Value), null,
                new { name, role = role.ToWire(), region = region?.Value, programme = programmeCode });
            return WriteResult<TuntasUser>.Ok(user);
        }, ct);
    }

    private static WriteError Refused(IEnumerable<string> reasons) =>
        new WriteError.RuleBroken(new DomainException(string.Join(" ", reasons)));
}
