using Tuntas.Data.Audit;
using Tuntas.Data.Common;

namespace Tuntas.Data.Access;

/// <summary>
/// Creates an API token for a user and stores only its hash, with its audit entry (which names the
/// token by its first characters only), in one unit of work.
/// </summary>
public sealed class CreateApiToken(UnitOfWork work, UserAccounts accounts) : IUseCase
{
    /// <returns>The token, the only time it can be read; not found when there is no such user.</returns>
    public Task<WriteResult<string>> CreateAsync(string userName, TimeSpan? lifetime, string actor, CancellationToken ct = default) => CreateAsync(userName, lifetime, actor, odk: false, ct);

    /// <summary>As above; <paramref name="odk"/> makes a token for ODK Collect's URL (<see cref="ApiTokens.OdkPrefix"/>) instead of an API token.</summary>
    public Task<WriteResult<string>> CreateAsync(string userName, TimeSpan? lifetime, string actor, bool odk, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<string>(async _ =>
        {
            if (await accounts.FindByNameAsync(userName) is not { } user)
            {
                return new WriteError.NotFound("user");
            }

            var (token, stored) = ApiTokens.Issue(user, work.Clock.UtcNow, lifetime, odk);
            work.Db.ApiTokens.Add(stored);
            work.Audit.Record(actor, "token.create", AuditSubject.Named("user", user.UserName ?? user.Id, user.RegionCode?.Value), null,
                new { user = user.UserName, prefix = stored.Prefix, expiresAt = stored.ExpiresAt, kind = odk ? "odk" : "api" });
            return WriteResult<string>.Ok(token);
        }, ct);
}
