using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Access;

/// <summary>The roles of contracts §2. Each user has exactly one role and one region scope.</summary>
public enum Role
{
    Admin = 1,

    /// <summary>Dinas Sosial verifier, scoped to a kabupaten/kota.</summary>
    Verifier = 2,

    /// <summary>Village operator, scoped to a desa/kelurahan.</summary>
    Operator = 3,

    /// <summary>
    /// Pendamping, scoped to one kecamatan and nothing narrower: the households a facilitator visits
    /// come as visit tasks of that kecamatan, not as a list of households of their own.
    /// </summary>
    Facilitator = 4,

    /// <summary>Officer of one programme's agency, scoped to a kabupaten/kota.</summary>
    Agency = 5,

    /// <summary>Bappeda/TKPK analyst: read-only, NIK masked.</summary>
    Analyst = 6,

    /// <summary>Bappeda Provinsi: read-only aggregates for a province.</summary>
    Province = 7,
}

public static class Roles
{
    public static string ToWire(this Role role) => role.ToString().ToLowerInvariant();

    public static Role? ParseWire(string? text) =>
        Enum.GetValues<Role>().Cast<Role?>()
            .FirstOrDefault(r => string.Equals(r!.Value.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether the role may read NIKs in full. Others see them masked.</summary>
    public static bool MaySeeFullNik(this Role role) => role is not (Role.Analyst or Role.Province);

    /// <summary>Whether the role may read names and other personal details of people.</summary>
    public static bool MaySeeNames(this Role role) => role is not Role.Province;

    /// <summary>
    /// Whether the role may search households by a person's name, NIK or No. KK (<c>q=</c>): only the
    /// roles that read both names and NIKs in full, so a search never confirms a value the role
    /// is not shown (the analyst's masked NIKs, the province's withheld names).
    /// </summary>
    public static bool MaySearchPeople(this Role role) => role.MaySeeFullNik() && role.MaySeeNames();

    /// <summary>
    /// The region level a user of this role must be scoped to, or null when any level (or none, for
    /// the whole country) is allowed.
    /// </summary>
    public static RegionLevel? RequiredScopeLevel(this Role role) => role switch
    {
        Role.Verifier or Role.Agency => RegionLevel.Regency,
        Role.Operator => RegionLevel.Village,
        Role.Facilitator => RegionLevel.District,
        Role.Province => RegionLevel.Province,
        _ => null,
    };

    /// <summary>Explains why a scope does not fit the role, or null when it does.</summary>
    public static string? CheckScope(this Role role, RegionCode? scope)
    {
        var required = role.RequiredScopeLevel();
        if (required is null)
        {
            return role == Role.Analyst && scope is null ? "An analyst needs a region (--region)." : null;
        }

        if (scope is null)
        {
            return $"The {role.ToWire()} role needs a {required.Value.ToWire()} region (--region).";
        }

        return scope.Level == required
            ? null
            : $"The {role.ToWire()} role is scoped to a {required.Value.ToWire()}; {scope.Value} is a {scope.Level.ToWire()}.";
    }
}
