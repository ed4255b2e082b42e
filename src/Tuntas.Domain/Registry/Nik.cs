using System.Globalization;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.Registry;

/// <summary>
/// Nomor Induk Kependudukan, the 16-digit personal ID: <c>PPKKCC</c> region of first registration,
/// <c>DDMMYY</c> birth date (day + 40 for women), a 4-digit serial. It has no check digit.
/// </summary>
public sealed record Nik
{
    public const int Length = 16;

    private Nik(string digits) => Value = digits;

    /// <summary>The 16 digits.</summary>
    public string Value { get; }

    /// <summary>Accepts the 16 digits after removing spaces, dots, dashes and a leading apostrophe.</summary>
    public static ParseResult<Nik> Parse(string? text)
    {
        var cleaned = DigitString.Clean(text, "NIK", Length);
        return cleaned.IsValid ? ParseResult<Nik>.Ok(new Nik(cleaned.Value!)) : cleaned.As<Nik>();
    }

    /// <summary>Wraps 16 digits already checked (from the database).</summary>
    public static Nik From(string digits) => Parse(digits).GetValueOrThrow();

    /// <summary>The six-digit region of first registration, dotted as a kecamatan code (<c>64.74.01</c>).</summary>
    public RegionCode RegionCode => RegionCode.From(Value[..6]);

    /// <summary>The NIK with the middle hidden, for roles that may not see it: <c>6474**********01</c>.</summary>
    public string Masked => Mask(Value);

    public static string Mask(string nik) =>
        nik.Length == Length ? string.Concat(nik.AsSpan(0, 4), new string('*', 10), nik.AsSpan(14, 2)) : new string('*', nik.Length);

    public override string ToString() => Value;
}

/// <summary>What the digits of a NIK say about its holder.</summary>
public sealed record NikExplanation(
    string Nik,
    bool Valid,
    string? RegionCode,
    DateOnly? BirthDate,
    Sex? Sex,
    string? Serial,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors)
{
    /// <summary>The warnings typed (code and facts), for words in the reader's language.</summary>
    public IReadOnlyList<DomainError> WarningReasons { get; init; } = [];

    /// <summary>The errors typed (code and facts), for words in the reader's language.</summary>
    public IReadOnlyList<DomainError> ErrorReasons { get; init; } = [];
}

public static class NikExplainer
{
    /// <summary>
    /// Reads the region, birth date, sex and serial out of a NIK. The two-digit year takes the
    /// latest century that puts the date on or before <paramref name="today"/>. An impossible date
    /// makes the NIK invalid; an unknown region prefix is only a warning, because codes change when
    /// regions split and the prefix does not change when a person moves.
    /// </summary>
    public static NikExplanation Explain(string? text, DateOnly today, Func<RegionCode, bool>? isKnownDistrict = null)
    {
        var raw = text?.Trim() ?? string.Empty;
        var parsed = Nik.Parse(text);
        if (!parsed.IsValid)
        {
            return new NikExplanation(raw, false, null, null, null, null, [], [parsed.Error!])
            {
                ErrorReasons = parsed.Reason is { } reason ? [reason] : [],
            };
        }

        return Explain(parsed.Value!, today, isKnownDistrict);
    }

    /// <summary>As <see cref="Explain(string?, DateOnly, Func{RegionCode, bool}?)"/>, for a NIK already read.</summary>
    public static NikExplanation Explain(Nik nik, DateOnly today, Func<RegionCode, bool>? isKnownDistrict = null)
    {
        var digits = nik.Value;
        var warnings = new List<DomainError>();
        var errors = new List<DomainError>();

        var region = nik.RegionCode;
        if (isKnownDistrict is not null && !isKnownDistrict(region))
        {
            warnings.Add(ParseErrors.NikUnknownRegion(region.Value));
        }

        var day = int.Parse(digits.AsSpan(6, 2), CultureInfo.InvariantCulture);
        var month = int.Parse(digits.AsSpan(8, 2), CultureInfo.InvariantCulture);
        var year2 = int.Parse(digits.AsSpan(10, 2), CultureInfo.InvariantCulture);
        var serial = digits[12..];

        Sex? sex = null;
        if (day is >= 1 and <= 31)
        {
            sex = Registry.Sex.Male;
        }
        else if (day is >= 41 and <= 71)
        {
            sex = Registry.Sex.Female;
            day -= 40;
        }
        else
        {
            errors.Add(ParseErrors.NikImpossibleDay(digits.Substring(6, 2)));
        }

        DateOnly? birthDate = null;
        if (month is < 1 or > 12)
        {
            errors.Add(ParseErrors.NikImpossibleMonth(digits.Substring(8, 2)));
        }
        else if (errors.Count == 0)
        {
            birthDate = ResolveCentury(day, month, year2, today);
            if (birthDate is null)
            {
                errors.Add(ParseErrors.NikNoSuchDate(string.Create(CultureInfo.InvariantCulture, $"{day:00}-{month:00}-{year2:00}")));
            }
        }

        if (serial == "0000")
        {
            warnings.Add(ParseErrors.NikSerialZero());
        }

        var valid = errors.Count == 0;
        return new NikExplanation(
            digits, valid, region.Value, valid ? birthDate : null, valid ? sex : null, serial,
            [.. warnings.Select(w => ErrorWords.Text(w, ErrorWords.English))], [.. errors.Select(e => ErrorWords.Text(e, ErrorWords.English))])
        {
            WarningReasons = warnings,
            ErrorReasons = errors,
        };
    }

    private static DateOnly? ResolveCentury(int day, int month, int year2, DateOnly today)
    {
        for (var century = today.Year / 100 * 100; century >= 1800; century -= 100)
        {
            var year = century + year2;
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }

            var date = new DateOnly(year, month, day);
            if (date <= today)
            {
                return date;
            }
        }

        return null;
    }
}
