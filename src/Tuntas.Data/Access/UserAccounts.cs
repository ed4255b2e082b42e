using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>Reads users, and checks a new user against the rules before <see cref="AddUser"/> creates it.</summary>
public sealed class UserAccounts(UserManager<TuntasUser> users, TuntasDbContext db)
{
    /// <summary>The user of that name as Identity finds it (the name compared normalized), or null.</summary>
    public Task<TuntasUser?> FindByNameAsync(string name) => users.FindByNameAsync(name);

    /// <summary>The user whose name is exactly <paramref name="name"/>, read only, or null.</summary>
    public Task<TuntasUser?> FindExactAsync(string name, CancellationToken ct = default) =>
        db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == name, ct);

    /// <summary>One account as listed: never its password or tokens.</summary>
    public sealed record Listed(string Name, Role Role, RegionCode? Region, string? Programme, DateTime CreatedAt, bool Disabled, DateTime? LockedUntil, bool TwoFactor, int ActiveTokens);

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<Listed>> ListAsync(DateTime now, CancellationToken ct = default)
    {
        var rows = await db.Users.AsNoTracking()
            .Select(u => new
            {
                User = u,
                Tokens = db.ApiTokens.Count(t => t.UserId == u.Id && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now)),
            })
            .ToListAsync(ct);
        return rows
            .Select(r => new Listed(
                r.User.UserName!, r.User.Role, r.User.RegionCode, r.User.ProgrammeCode, r.User.CreatedAt, r.User.IsDisabled,
                !r.User.IsDisabled && r.User.IsLockedAt(now) ? r.User.LockoutEnd!.Value.UtcDateTime : null,
                r.User.TwoFactorEnabled, r.Tokens))
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Why a user with this name, role, region and programme cannot be created: one role, one region
    /// scope that fits the role and exists, a programme only for an agency officer, a name not taken.
    /// Empty when it can.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProblemsAsync(string name, Role role, RegionCode? region, string? programme, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var programmeCode = ProgrammeCode(programme);
        if (programmeCode is not null)
        {
            if (role != Role.Agency)
            {
                errors.Add($"Only an agency officer is tied to one programme; the {role.ToWire()} role takes no --programme.");
            }
            else if (!await db.Programmes.AnyAsync(p => p.Code == programmeCode, ct))
            {
                var known = await db.Programmes.Where(p => p.Active).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(ct);
                errors.Add($"There is no programme '{programme!.Trim()}'. Known programmes: {string.Join(", ", known)}.");
            }
        }

        if (role.CheckScope(region) is { } scopeError)
        {
            errors.Add(scopeError);
        }

        if (region is not null && !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            errors.Add($"Region {region.Value} is not in the region list (run tuntas init first).");
        }

        if (await users.FindByNameAsync(name) is not null)
        {
            errors.Add($"A user named '{name}' already exists.");
        }

        return errors;
    }

    /// <summary>The programme code as stored: trimmed, upper case; null for none.</summary>
    public static string? ProgrammeCode(string? programme) =>
        string.IsNullOrWhiteSpace(programme) ? null : programme.Trim().ToUpperInvariant();
}
