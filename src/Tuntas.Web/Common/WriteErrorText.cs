using System.Globalization;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Domain.Common;

namespace Tuntas.Web.Common;

/// <summary>The words for a refused write, in the language of the page (the edge's only job with a <see cref="WriteError"/>).</summary>
public static class WriteErrorText
{
    /// <summary>
    /// What to tell the user. <paramref name="conflictKey"/> names a resource that says more about a
    /// concurrent change on this screen (for example <c>ConcurrencyVisit</c>).
    /// </summary>
    public static string Words(this WriteError error, IStringLocalizer<SharedResource> text, string conflictKey = "WriteConflict") => error switch
    {
        WriteError.RuleBroken broken => broken.Rule.Words(text),
        WriteError.Conflict => text[conflictKey],
        WriteError.NotFound => text["WriteNotFound"],
        WriteError.NotAllowed => text["WriteNotAllowed"],
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "An unknown kind of write error."),
    };

    /// <summary>
    /// The words for a broken rule: a typed error from the resources (<c>Error.&lt;Code&gt;</c>, its
    /// arguments that are words given words in the page's language); an untyped one as it was written.
    /// </summary>
    public static string Words(this DomainException rule, IStringLocalizer<SharedResource> text) => rule.Error is { } error
        ? text[error.Key, ErrorWords.Arguments(error, CultureInfo.CurrentUICulture)]
        : rule.Localized;
}
