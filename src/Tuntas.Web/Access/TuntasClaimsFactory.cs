using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Tuntas.Data.Access;

namespace Tuntas.Web.Access;

/// <summary>Puts the user's role, region scope and (agency officers) programme into the sign-in cookie.</summary>
internal sealed class TuntasClaimsFactory(UserManager<TuntasUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TuntasUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TuntasUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(Caller.ClaimsFor(user.Id, user.UserName!, user.Role, user.RegionCode, user.ProgrammeCode)
            .Where(c => c.Type is Caller.RoleClaim or Caller.RegionClaim or Caller.ProgrammeClaim or ClaimTypes.Role));
        return identity;
    }
}
