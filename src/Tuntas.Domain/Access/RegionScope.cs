using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Access;

/// <summary>
/// The part of the country a user may see: a region and everything below it, or the whole
/// country (<see cref="National"/>, administrators only).
/// </summary>
public sealed record RegionScope(RegionCode? Region)
{
    public static RegionScope National { get; } = new((RegionCode?)null);

    public bool IsNational => Region is null;

    /// <summary>True when the code is the scope region or lies below it.</summary>
    public bool Contains(RegionCode code) => Region is null || Region.Contains(code);

    /// <summary>
    /// Narrows a requested region to this scope: the request itself when inside the scope, the scope
    /// when the request contains it (a regency user asking for the province sees only the regency),
    /// and null when they do not overlap.
    /// </summary>
    public RegionCode? Narrow(RegionCode? requested)
    {
        if (requested is null)
        {
            return Region;
        }

        if (Contains(requested))
        {
            return requested;
        }

        return Region is not null && requested.Contains(Region) ? Region : null;
    }

    public override string ToString() => Region?.Value ?? "national";
}
