using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;

namespace Tuntas.Data.Access;

/// <summary>
/// Revokes the active tokens whose prefix starts with a given prefix, or that belong to a user, or
/// both (a user's ODK tokens: <c>odk_</c> and the user), in one audited unit of work.
/// </summary>
public sealed class RevokeApiTokens(UnitOfWork work, UserAccounts accounts) : IUseCase
{
    /// <returns>The prefixes of the tokens revoked (none when nothing matched); not found when the user named does not exist.</returns>
    public Task<WriteResult<IReadOnlyList<string>>> RevokeAsync(string? prefix, string? userName, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<IReadOnlyList<string>>(async c =>
        {
            if (userName is not null && await accounts.FindByNameAsync(userName) is null)
            {
                return new WriteError.NotFound("user");
            }

            var now = work.Clock.UtcNow;
            var query = work.Db.ApiTokens.Include(t => t.User).Where(t => t.RevokedAt == null);
            if (prefix is not null)
            {
                query = query.Where(t => t.Prefix.StartsWith(prefix));
            }

            if (userName is not null)
            {
                query = query.Where(t => t.User!.UserName == userName);
            }

            var found = await query.ToListAsync(c);
            foreach (var token in found)
            {
                token.RevokedAt = now;
                work.Audit.Record(actor, "token.revoke", AuditSubject.Named("user", token.User?.UserName ?? token.UserId, token.User?.RegionCode?.Value), null,
                    new { user = token.User?.UserName, prefix = token.Prefix, revokedAt = now });
            }

            return WriteResult<IReadOnlyList<string>>.Ok(found.Select(t => t.Prefix).ToList());
        }, ct);
}
