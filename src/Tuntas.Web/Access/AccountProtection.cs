using Microsoft.AspNetCore.Identity;

namespace Tuntas.Web.Access;

public static class AccountProtection
{
    /// <summary>How soon a changed security stamp (disabled account, new password, new authenticator key) ends a signed-in session elsewhere.</summary>
    public static readonly TimeSpan StampCheckedEvery = TimeSpan.FromMinutes(1);

    /// <summary>The per-account-and-address count of wrong passwords, and a short security stamp check.</summary>
    public static IServiceCollection AddAccountProtection(this IServiceCollection services)
    {
        services.AddSingleton<SignInThrottle>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = StampCheckedEvery);
        return services;
    }
}
