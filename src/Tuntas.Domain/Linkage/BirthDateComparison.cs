namespace Tuntas.Domain.Linkage;

/// <summary>How far two birth dates agree, strongest first.</summary>
public enum BirthDateAgreement
{
    Exact,

    /// <summary>Same year, day and month exchanged (12-03 against 03-12).</summary>
    DayMonthSwapped,
    SameYearAndMonth,

    /// <summary>One date is a placeholder whose year is still real (01-01 or 31-12), and the years agree.</summary>
    PlaceholderSameYear,
    WithinOneYear,

    /// <summary>One date is a placeholder: treated as unknown, neither for nor against.</summary>
    Placeholder,
    Different,

    /// <summary>One side has no date.</summary>
    Missing,
}

/// <summary>The agreement of two birth dates and why, in words.</summary>
public sealed record BirthDateResult(BirthDateAgreement Level, string Reason);

/// <summary>Comparison of birth dates from registers and agency lists, where placeholders and swaps are common.</summary>
public static class BirthDateComparison
{
    /// <summary>
    /// True for dates typed when the real one was unknown: 1 January or 31 December of any year, and any
    /// date in 1900 or 1970 (spreadsheet and system defaults).
    /// </summary>
    public static bool IsPlaceholder(DateOnly date) =>
        (date.Month == 1 && date.Day == 1) || (date.Month == 12 && date.Day == 31) || date.Year is 1900 or 1970;

    // 1 January and 31 December keep a real year; 1900 and 1970 dates keep nothing.
    private static bool YearIsReal(DateOnly date) => date.Year is not (1900 or 1970);

    /// <summary>Compares two birth dates.</summary>
    public static BirthDateResult Compare(DateOnly? a, DateOnly? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return new(BirthDateAgreement.Missing, "a birth date is missing");
        }

        if (IsPlaceholder(x) || IsPlaceholder(y))
        {
            return YearIsReal(x) && YearIsReal(y) && x.Year == y.Year
                ? new(BirthDateAgreement.PlaceholderSameYear, "same year; day and month are a placeholder")
                : new(BirthDateAgreement.Placeholder, "a birth date is a placeholder (01-01, 31-12, 1900 or 1970)");
        }

        if (x == y)
        {
            return new(BirthDateAgreement.Exact, "same birth date");
        }

        if (x.Year == y.Year && x.Day == y.Month && x.Month == y.Day)
        {
            return new(BirthDateAgreement.DayMonthSwapped, "same date with day and month swapped");
        }

        if (x.Year == y.Year && x.Month == y.Month)
        {
            return new(BirthDateAgreement.SameYearAndMonth, "same year and month, different day");
        }

        var days = Math.Abs(x.DayNumber - y.DayNumber);
        return days <= 366
            ? new(BirthDateAgreement.WithinOneYear, $"{days} days apart")
            : new(BirthDateAgreement.Different, "different birth dates");
    }

    /// <summary>
    /// Compares a birth date with the date written in a NIK (day + 40 for women). A NIK that cannot be
    /// read gives <see cref="BirthDateAgreement.Missing"/>.
    /// </summary>
    public static BirthDateResult AgreesWithNik(string? nik, DateOnly? birthDate, DateOnly today)
    {
        var (fromNik, _) = IdentityNumber.BirthDateAndSex(nik, today);
        if (fromNik is not { } n)
        {
            return new(BirthDateAgreement.Missing, "the NIK holds no readable date");
        }

        // A NIK has two year digits; its century is a guess, so a date a whole century away is the same year.
        if (birthDate is { } d && d.Year % 100 == n.Year % 100 && d.Year != n.Year && DateTime.IsLeapYear(d.Year) == DateTime.IsLeapYear(n.Year))
        {
            n = n.AddYears(d.Year - n.Year);
        }

        return Compare(n, birthDate);
    }
}
