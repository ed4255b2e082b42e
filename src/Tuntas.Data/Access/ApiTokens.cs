using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>Issues, checks and lists API tokens (<see cref="CreateApiToken"/> and <see cref="RevokeApiTokens"/> store the changes). A token is 32 random bytes; only its SHA-256 is stored.</summary>
public sealed class ApiTokens(TuntasDbContext db, RegionClock clock)
{
    private const string TokenPrefix = "tnt_";

    /// <summary>
    /// The start of an ODK token: it is part of a URL (<c>/odk/{token}</c>, the way ODK Central's app
    /// users work), so it opens the ODK endpoints only and never the API, and the API's tokens do not
    /// open the ODK endpoints. Kept, listed and revoked with the API tokens.
    /// </summary>
    public const string OdkPrefix = "odk_";

    /// <summary>A new token: the text to hand over once, and what is stored of it (never the token itself).</summary>
    public static (string Token, ApiToken Stored) Issue(TuntasUser user, DateTime now, TimeSpan? lifetime, bool odk = false)
    {
        var token = (odk ? OdkPrefix : TokenPrefix) + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
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
    public Task<TuntasUser?> FindUserAsync(string token, CancellationToken ct = default) => FindAsync(token, TokenPrefix, ct);

    /// <summary>The user an ODK token belongs to, on the same terms as <see cref="FindUserAsync"/>.</summary>
    public Task<TuntasUser?> FindOdkUserAsync(string token, CancellationToken ct = default) => FindAsync(token, OdkPrefix, ct);

    private async Task<TuntasUser?> FindAsync(string token, string kind, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || !token.StartsWith(kind, StringComparison.Ordinal) || token.Length > 200)
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
