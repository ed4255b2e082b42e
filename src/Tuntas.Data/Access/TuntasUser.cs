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
}
