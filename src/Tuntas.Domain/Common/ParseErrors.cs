namespace Tuntas.Domain.Common;

/// <summary>
/// Why a typed identifier (NIK, No. KK, region code) cannot be read, or what its digits say that
/// disagrees; words under <c>Error.Digits.*</c>, <c>Error.RegionCode.*</c> and <c>Error.Nik.*</c>.
/// </summary>
public static class ParseErrors
{
    public static DomainError DigitsEmpty(string label) => new("Digits.Empty", label);

    public static DomainError DigitsScientific(string label, string text, int length) => new("Digits.Scientific", label, text, length);

    public static DomainError DigitsNotADigit(string label, string text, string character) => new("Digits.NotADigit", label, text, character);

    public static DomainError DigitsLength(string label, int length, string text, int found) => new("Digits.Length", label, length, text, found);

    public static DomainError RegionCodeEmpty() => new("RegionCode.Empty");

    public static DomainError RegionCodeNotDigits(string text) => new("RegionCode.NotDigits", text);

    public static DomainError RegionCodeLength(string text, int digits) => new("RegionCode.Length", text, digits);

    public static DomainError RegionCodeDots(string text, string expected) => new("RegionCode.Dots", text, expected);

    public static DomainError NikUnknownRegion(string region) => new("Nik.UnknownRegion", region);

    public static DomainError NikImpossibleDay(string day) => new("Nik.ImpossibleDay", day);

    public static DomainError NikImpossibleMonth(string month) => new("Nik.ImpossibleMonth", month);

    public static DomainError NikNoSuchDate(string date) => new("Nik.NoSuchDate", date);

    public static DomainError NikSerialZero() => new("Nik.SerialZero");
}
