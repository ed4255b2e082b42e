namespace Tuntas.Domain.Common;

/// <summary>Broken rules shared by every feature; their words are under <c>Error.Common.*</c>.</summary>
public static class CommonErrors
{
    public static DomainError NotADate(string? text) => new("Common.NotADate", text ?? "");
}
