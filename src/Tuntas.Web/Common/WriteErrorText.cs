using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;

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
        WriteError.RuleBroken broken => broken.Rule.Localized,
        WriteError.Conflict => text[conflictKey],
        WriteError.NotFound => text["WriteNotFound"],
        WriteError.NotAllowed => text["WriteNotAllowed"],
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "An unknown kind of write error."),
    };

}
