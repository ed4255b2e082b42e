using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;

namespace Tuntas.Data.Access;

/// <summary>Issues and checks API tokens. A token is 32 random bytes; only its SHA-256 is stored.</summary>
public sealed class ApiTokens(TuntasDbContext db, AuditTrail audit, TimeProvider time)
{
    private const string TokenPrefix = "tnt_";

    /// <summary>Creates a token for a user and returns it; this is the only time it can be read.</summary>
    public async Task<string> CreateAsync(TuntasUser user, TimeSpan? lifetime, CancellationToken ct = default)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = time.GetUtcNow().UtcDateTime;
        var stored = new ApiToken
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        };
        await audit.RunAsync(
            async () =>
            {
                db.ApiTokens.Add(stored);

                // The entry names the token by its first characters only; the token itself is never kept.
                audit.Record("cli:" + Environment.UserName, "token.create", AuditSubject.Named("user", user.UserName ?? user.Id, user.RegionCode?.Value), null,
                    new { user = user.UserName, prefix = stored.Prefix, expiresAt = stored.ExpiresAt });
                return await Task.FromResult(stored);
            },
            ct);
        return token;
    }

    /// <summary>The user a token belongs to, or null when it is unknown, expired or revoked.</summary>
    public async Task<TuntasUser?> FindUserAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored?.User is null || !stored.IsActive(now))
        {
            return null;
        }

        // Record the last use at most once a minute, so that reads do not turn into writes.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(ct);
        }

        return stored.User;
    }

    /// <summary>One token as listed: never the token or its hash.</summary>
    public sealed record TokenInfo(string Prefix, string User, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    /// <summary>The tokens of every user, or of one, newest first.</summary>
    public async Task<IReadOnlyList<TokenInfo>> ListAsync(string? userName, CancellationToken ct = default)
    {
        var query = db.ApiTokens.AsNoTracking().Where(t => t.User != null);
        if (userName is not null)
        {
            query = query.Where(t => t.User!.UserName == userName);
        }

        var rows = await query.Select(t => new TokenInfo(t.Prefix, t.User!.UserName!, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToListAsync(ct);
        return rows.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Prefix, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Revokes the active tokens whose prefix starts with <paramref name="prefix"/> or that belong to
    /// <paramref name="userName"/> (one of the two), in one audited change; returns the prefixes revoked.
    /// </summary>
    public async Task<IReadOnlyList<string>> RevokeAsync(string? prefix, string? userName, string actor, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var query = db.ApiTokens.Include(t => t.User).Where(t => t.RevokedAt == null);
        query = prefix is not null ? query.Where(t => t.Prefix.StartsWith(prefix)) : query.Where(t => t.User!.UserName == userName);
        return await audit.RunAsync(
            async () =>
            {
                var found = await query.ToListAsync(ct);
                foreach (var token in found)
                {
                    token.RevokedAt = now;
                    audit.Record(actor, "token.revoke", AuditSubject.Named("user", token.User?.UserName ?? token.UserId, token.User?.RegionCode?.Value), null,
                        new { user = token.User?.UserName, prefix = token.Prefix, revokedAt = now });
                }

                await db.SaveChangesAsync(ct);
                return (IReadOnlyList<string>)found.Select(t => t.Prefix).ToList();
            },
            ct);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
