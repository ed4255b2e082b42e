using System.Security.Claims;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Web.Access;

/// <summary>
/// Who is asking: the signed-in user or the owner of an API token, with role and region scope, and
/// for an agency officer the one programme they record (<c>Programme</c>, null when not tied to one).
/// </summary>
public sealed record Caller(string UserId, string UserName, Role Role, RegionScope Scope, string? Programme = null)
{
    public const string RoleClaim = "tuntas:role";
    public const string RegionClaim = "tuntas:region";
    public const string ProgrammeClaim = "tuntas:programme";

    public bool MaySeeFullNik => Role.MaySeeFullNik();

    public bool MaySeeNames => Role.MaySeeNames();

    public bool MaySearchPeople => Role.MaySearchPeople();

    /// <summary>Reads the caller from an authenticated principal; null for anonymous requests.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.FindFirstValue(ClaimTypes.Name);
        var role = Roles.ParseWire(principal.FindFirstValue(RoleClaim));
        if (id is null || name is null || role is null)
        {
            return null;
        }

        var region = principal.FindFirstValue(RegionClaim);
        var scope = new RegionScope(string.IsNullOrEmpty(region) ? null : RegionCode.From(region));
        var programme = principal.FindFirstValue(ProgrammeClaim);
        return new Caller(id, name, role.Value, scope, string.IsNullOrEmpty(programme) ? null : programme);
    }

    public static IEnumerable<Claim> ClaimsFor(string userId, string userName, Role role, RegionCode? region, string? programme = null)
    {
        yield return new Claim(ClaimTypes.NameIdentifier, userId);
        yield return new Claim(ClaimTypes.Name, userName);
        yield return new Claim(RoleClaim, role.ToWire());
        yield return new Claim(ClaimTypes.Role, role.ToWire());
        if (region is not null)
        {
            yield return new Claim(RegionClaim, region.Value);
        }

        if (!string.IsNullOrEmpty(programme))
        {
            yield return new Claim(ProgrammeClaim, programme);
        }
    }
}

public static class CallerExtensions
{
    /// <summary>The caller of an endpoint that requires authentication.</summary>
    public static Caller GetCaller(this HttpContext context) =>
        Caller.From(context.User) ?? throw new InvalidOperationException("The endpoint requires an authenticated caller.");
}
