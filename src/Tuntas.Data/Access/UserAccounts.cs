using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>Creating users: one role, one region scope that fits the role, a password never stored in clear.</summary>
public sealed class UserAccounts(UserManager<TuntasUser> users, TuntasDbContext db, AuditTrail audit, TimeProvider time)
{
    /// <summary>Creates a user; returns the user, or the reasons it could not be created. The creation is audited.</summary>
    public async Task<(TuntasUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        string name, Role role, RegionCode? region, string password, CancellationToken ct = default, string? actor = null, string? programme = null)
    {
        var errors = new List<string>();
        var programmeCode = string.IsNullOrWhiteSpace(programme) ? null : programme.Trim().ToUpperInvariant();
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

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var user = new TuntasUser
        {
            UserName = name,
            Role = role,
            RegionCode = region,
            ProgrammeCode = programmeCode,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await audit.BeginAsync(ct);
        try
        {
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                return (null, result.Errors.Select(e => e.Description).ToList());
            }

            audit.Record(actor ?? "cli:" + Environment.UserName, "user.create", AuditSubject.Named("user", name, region?.Value), null,
                new { name, role = role.ToWire(), region = region?.Value, programme = programmeCode });
            await audit.CommitAsync(ct);
            return (user, []);
        }
        finally
        {
            await audit.DisposeAsync();
        }
    }
}
