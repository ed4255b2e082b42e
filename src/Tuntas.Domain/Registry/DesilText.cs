using System.Globalization;
using System.Text.RegularExpressions;
using Tuntas.Domain.Common;
using Tuntas.Domain.Import;

namespace Tuntas.Domain.Registry;

/// <summary>
/// A desil as ranking files write it: <c>1</c>, <c>Desil 1</c>, <c>DESIL 1</c>, <c>desil-1</c>, or a
/// number cell holding 1 to 10.
/// </summary>
public static partial class DesilText
{
    /// <summary>The desil, or null with the reason (an empty cell, or not a whole number 1 to 10).</summary>
    public static int? Read(SourceCell cell, out DomainError? error)
    {
        error = null;
        if (cell.IsNumber && cell.Number is { } number)
        {
            if (number == Math.Floor(number) && number is >= 1 and <= 10)
            {
                return (int)number;
            }

            error = DesilErrors.NotADesil(cell.Text ?? number.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        var text = CellReading.Clean(cell.Text);
        if (text is null)
        {
            error = DesilErrors.DesilEmpty();
            return null;
        }

        return Parse(text) ?? Refuse(text, out error);
    }

    /// <summary>The desil in <paramref name="text"/>, or null when it is not one.</summary>
    public static int? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = Spelling().Match(text.Trim());
        return match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var desil) && desil is >= 1 and <= 10
            ? desil
            : null;
    }

    private static int? Refuse(string text, out DomainError error)
    {
        error = DesilErrors.NotADesil(text);
        return null;
    }

    [GeneratedRegex(@"^(?:desil[\s\-_]*)?0*(\d{1,2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Spelling();
}

/// <summary>The reasons a row of a desil ranking is refused; words under <c>Error.Desil.*</c>.</summary>
public static class DesilErrors
{
    public static DomainError DesilEmpty() => new("Desil.Empty");

    public static DomainError NotADesil(string text) => new("Desil.NotADesil", text);

    public static DomainError NoKkEmpty() => new("Desil.NoKkEmpty");

    public static DomainError RepeatedNoKk(string noKk, long earlierLine) => new("Desil.RepeatedNoKk", noKk, earlierLine);

    public static DomainError NikOfAnotherFamily(string nik, string noKk) => new("Desil.NikOfAnotherFamily", nik, noKk);

    public static DomainError VersionInFuture(DateOnly version) => new("Desil.VersionInFuture", version);

    public static DomainError SourceLength() => new("Desil.SourceLength");
}
