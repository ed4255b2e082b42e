using Microsoft.AspNetCore.Identity;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;

namespace Tuntas.Data.Access;

/// <summary>
/// Disables an account: it cannot sign in, its API tokens answer 401 from the next request on, and its
/// security stamp changes so that every signed-in session of it ends. Audited; nothing else changes.
/// </summary>
public sealed class DisableUser(UnitOfWork work, UserManager<TuntasUser> users) : IUseCase
{
    public Task<WriteResult<TuntasUser>> DisableAsync(string name, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<TuntasUser>(async _ =>
        {
            if (await users.FindByNameAsync(name) is not { } user)
            {
                return new WriteError.NotFound("user");
            }

            if (!user.IsDisabled)
            {
                user.LockoutEnabled = true;
                user.LockoutEnd = TuntasUser.DisabledUntil;
                await users.UpdateSecurityStampAsync(user);
                work.Audit.Record(actor, "user.disable", AuditSubject.Named("user", user.UserName!, user.RegionCode?.Value), null, new { name = user.UserName });
            }

            return WriteResult<TuntasUser>.Ok(user);
        }, ct);
}

/// <summary>Enables a disabled (or locked) account again; its old tokens work again unless revoked. Audited.</summary>
public sealed class EnableUser(UnitOfWork work, UserManager<TuntasUser> users) : IUseCase
{
    public Task<WriteResult<TuntasUser>> EnableAsync(string name, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<TuntasUser>(async _ =>
        {
            if (await users.FindByNameAsync(name) is not { } user)
            {
                return new WriteError.NotFound("user");
            }

            if (user.LockoutEnd is not null || user.AccessFailedCount != 0)
            {
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                var updated = await users.UpdateAsync(user);
                if (!updated.Succeeded)
                {
                    return new WriteError.Conflict("user");
                }

                work.Audit.Record(actor, "user.enable", AuditSubject.Named("user", user.UserName!, user.RegionCode?.Value), null, new { name = user.UserName });
            }

            return WriteResult<TuntasUser>.Ok(user);
        }, ct);
}
