using Microsoft.AspNetCore.Identity;
using Tuntas.Domain.Common;

namespace Tuntas.Data.Access;

/// <summary>Turns Identity's refusal of a password into one broken rule, in English and Bahasa Indonesia.</summary>
internal static class PasswordRefusal
{
    public static DomainException From(IEnumerable<IdentityError> errors, PasswordOptions rules)
    {
        var typed = errors.Select(e => e.Code switch
        {
            CommonPasswordValidator.TooCommonCode => new DomainError("PasswordTooCommon"),
            CommonPasswordValidator.ContainsNameCode => new DomainError("PasswordContainsUserName"),
            nameof(IdentityErrorDescriber.PasswordTooShort) => new DomainError("PasswordTooShort", rules.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new DomainError("PasswordFewDifferentCharacters", rules.RequiredUniqueChars),
            _ => null,
        }).ToList();
        if (typed.Any(e => e is null))
        {
            var english = string.Join(" ", errors.Select(e => e.Description));
            return new DomainException(english);
        }

        return new DomainException(
            string.Join(" ", typed.Select(e => ErrorWords.Text(e!, ErrorWords.English))),
            string.Join(" ", typed.Select(e => ErrorWords.Text(e!, ErrorWords.Indonesian))));
    }
}
