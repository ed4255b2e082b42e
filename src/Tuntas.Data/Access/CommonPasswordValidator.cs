using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Tuntas.Data.Access;

/// <summary>
/// Refuses passwords that people pick often (the list shipped in <c>Access/Data/common-passwords.txt</c>,
/// compared without regard to case) and passwords that contain the user's own name. Used by every
/// path that sets a password: <c>tuntas user add</c>, <c>tuntas user reset-password</c> and the
/// administrators' users page.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<TuntasUser>
{
    public const string TooCommonCode = "PasswordTooCommon";

    public const string ContainsNameCode = "PasswordContainsUserName";

    /// <summary>The shortest user name that is looked for inside a password (shorter ones match too much by chance).</summary>
    private const int NameCheckedFrom = 3;

    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password) => List.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<TuntasUser> manager, TuntasUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = new List<IdentityError>();
        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = TooCommonCode, Description = "This password is one that many people use; choose a longer passphrase of your own." });
        }

        if (user.UserName is { Length: >= NameCheckedFrom } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = ContainsNameCode, Description = "The password must not contain the user name." });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Tuntas.Access.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
