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

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
