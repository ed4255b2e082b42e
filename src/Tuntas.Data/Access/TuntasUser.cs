using Microsoft.AspNetCore.Identity;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Access;

/// <summary>A person who signs in to Tuntas: one role and one region scope (contracts §2).</summary>
public sealed class TuntasUser : IdentityUser
{
    public Role Role { get; set; }

    /// <summary>The region the user may see, or null for the whole country (administrators).</summary>
    public RegionCode? RegionCode { get; set; }

    /// <summary>For an agency officer: the one programme they record deliveries of (null: any programme of their region).</summary>
    public string? ProgrammeCode { get; set; }

    public DateTime CreatedAt { get; set; }

    public RegionScope Scope => new(RegionCode);

    /// <summary>
    /// The lockout end of a disabled account: an administrator disabled it, and it stays shut until
    /// enabled again. Anything from <see cref="DisabledFrom"/> on counts (PostgreSQL keeps microseconds only).
    /// </summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset DisabledFrom = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>An administrator disabled the account (<c>tuntas user disable</c> or the users page).</summary>
    public bool IsDisabled => LockoutEnd is { } end && end >= DisabledFrom;

    /// <summary>The account may not be used at <paramref name="now"/>: disabled, or locked until a later time.</summary>
    public bool IsLockedAt(DateTime now) => LockoutEnd is { } end && end.UtcDateTime > now;
}
