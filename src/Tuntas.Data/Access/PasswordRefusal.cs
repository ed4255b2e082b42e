using Microsoft.AspNetCore.Identity;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;

namespace Tuntas.Data.Access;

/// <summary>Turns Identity's refusal of a password into one broken rule, in English and Bahasa Indonesia.</summary>
internal static class PasswordRefusal
{
    public static DomainException From(IEnumerable<IdentityError> errors, PasswordOptions rules)
    {
        var typed = errors.Select(e => e.Code switch
        {
            CommonPasswordValidator.TooCommonCode => PasswordErrors.TooCommon(),
            CommonPasswordValidator.ContainsNameCode => PasswordErrors.ContainsUserName(),
            nameof(IdentityErrorDescriber.PasswordTooShort) => PasswordErrors.TooShort(rules.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => PasswordErrors.FewDifferentCharacters(rules.RequiredUniqueChars),
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
