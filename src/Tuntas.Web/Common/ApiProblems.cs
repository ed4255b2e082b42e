using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Tuntas.Web.Common;

/// <summary>
/// The API's errors as RFC 7807 problem details, in one place. A record outside the caller's scope
/// is answered exactly like one that does not exist.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string what) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = $"{what} was not found.",
        Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
    });

    public static ValidationProblem BadParameter(string parameter, string reason) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [reason] }, title: "A request parameter is not valid.");
}
