using Tuntas.Domain.Common;

namespace Tuntas.Domain.Access;

/// <summary>Why a password is refused; the words are the resource texts <c>Error.Password…</c>.</summary>
public static class PasswordErrors
{
    public static DomainError TooCommon() => new("PasswordTooCommon");

    public static DomainError ContainsUserName() => new("PasswordContainsUserName");

    public static DomainError TooShort(int requiredLength) => new("PasswordTooShort", requiredLength);

    public static DomainError FewDifferentCharacters(int requiredUniqueChars) => new("PasswordFewDifferentCharacters", requiredUniqueChars);
}
