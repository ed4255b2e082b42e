using Microsoft.AspNetCore.Identity;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;

namespace Tuntas.Data.Access;

/// <summary>
/// Sets a new password for a user (an administrator's act: the old one is not asked for). The same
/// password rules as for a new user; the security stamp changes, so every signed-in session ends.
/// Audited, without the password.
/// </summary>
public sealed class ResetPassword(UnitOfWork work, UserManager<TuntasUser> users) : IUseCase
{
    public Task<WriteResult<TuntasUser>> ResetAsync(string name, string password, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<TuntasUser>(async _ =>
        {
            if (await users.FindByNameAsync(name) is not { } user)
            {
                return new WriteError.NotFound("user");
            }

            var problems = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                problems.AddRange(result.Errors);
            }

            if (problems.Count > 0)
            {
                return new WriteError.RuleBroken(PasswordRefusal.From(problems, users.Options.Password));
            }

            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            await users.UpdateSecurityStampAsync(user);
            work.Audit.Record(actor, "user.reset-password", AuditSubject.Named("user", user.UserName!, user.RegionCode?.Value), null, new { name = user.UserName });
            return WriteResult<TuntasUser>.Ok(user);
        }, ct);
}
