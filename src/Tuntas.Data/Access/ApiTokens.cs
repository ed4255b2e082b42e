using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>Issues, checks and lists API tokens (<see cref="CreateApiToken"/> and <see cref="RevokeApiTokens"/> store the changes). A token is 32 random bytes; only its SHA-256 is stored.</summary>
public sealed class ApiTokens(TuntasDbContext db, RegionClock clock)
{
    private const string TokenPrefix = "tnt_";

    /// <summary>A new token: the text to hand over once, and what is stored of it (never the token itself).</summary>
    public static (string Token, ApiToken Stored) Issue(TuntasUser user, DateTime now, TimeSpan? lifetime)
    {
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new ApiToken
        {
            UserId = user.Id,
            TokenHash = Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime.Value,
        });
    }

    /// <summary>The user a token belongs to, or null when it is unknown, expired or revoked, or its user is disabled or locked (checked on every request).</summary>
    public async Task<TuntasUser?> FindUserAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.UtcNow;
        var stored = await db.ApiTokens.Include(t => t.User).SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (stored?.User is null || !stored.IsActive(now) || stored.User.IsLockedAt(now))
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

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
