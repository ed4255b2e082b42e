using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Tuntas.Data.Access;

public static class IdentitySetup
{
    /// <summary>The password rules, the same for the web sign-in and <c>tuntas user add</c>.</summary>
    public static void ConfigurePasswords(PasswordOptions password)
    {
        // Length beats composition rules (NIST SP 800-63B); operators type these on phones.
        password.RequiredLength = 12;
        password.RequiredUniqueChars = 4;
        password.RequireDigit = false;
        password.RequireLowercase = false;
        password.RequireUppercase = false;
        password.RequireNonAlphanumeric = false;
    }

    public static void ConfigureIdentity(IdentityOptions options)
    {
        ConfigurePasswords(options.Password);
        options.User.RequireUniqueEmail = false;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
        // Wrong passwords do not lock an account (anyone who knows a name could lock its owner out);
        // the web counts them per account and address instead (SignInThrottle). Identity's lockout end
        // is kept for what an administrator does: a disabled account is locked until the end of time.
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
    }

    /// <summary>User storage and password hashing without the web sign-in (for the command line).</summary>
    public static IdentityBuilder AddTuntasIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<TuntasUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<TuntasDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>();
}
