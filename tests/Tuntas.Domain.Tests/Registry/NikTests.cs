using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Registry;

public class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static NikExplanation Explain(string nik) => NikExplainer.Explain(nik, Today);

    [Fact]
    public void Explain_Man_ReadsRegionDateAndSerial()
    {
        var result = Explain("6474011708850002");

        Assert.True(result.Valid);
        Assert.Equal("64.74.01", result.RegionCode);
        Assert.Equal(new DateOnly(1985, 8, 17), result.BirthDate);
        Assert.Equal(Sex.Male, result.Sex);
        Assert.Equal("0002", result.Serial);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Explain_Woman_HasFortyAddedToTheDay()
    {
        var result = Explain("6408015703920001");

        Assert.True(result.Valid);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Equal(new DateOnly(1992, 3, 17), result.BirthDate);
    }

    [Theory]
    [InlineData("6474014112990001", 1999, 12, 1)]
    [InlineData("6474017112990001", 1999, 12, 31)]
    public void Explain_WomanDayBounds_AreReadBack(string nik, int year, int month, int day)
    {
        var result = Explain(nik);

        Assert.True(result.Valid);
        Assert.Equal(Sex.Female, result.Sex);
        Assert.Equal(new DateOnly(year, month, day), result.BirthDate);
    }

    [Theory]
    [InlineData("6474012902000001", 2000)] // 2000 is a leap year
    [InlineData("6474016902040001", 2004)] // a woman born on 29 February 2004
    [InlineData("6474012902960001", 1996)]
    public void Explain_LeapDayInLeapYear_IsValid(string nik, int year)
    {
        var result = Explain(nik);

        Assert.True(result.Valid);
        Assert.Equal(new DateOnly(year, 2, 29), result.BirthDate);
    }

    [Theory]
    [InlineData("6474012902010001")] // 2001 and 1901 are not leap years
    [InlineData("6474016902230001")]
    public void Explain_LeapDayInCommonYear_IsInvalid(string nik)
    {
        var result = Explain(nik);

        Assert.False(result.Valid);
        Assert.Null(result.BirthDate);
        Assert.Contains(result.Errors, e => e.Contains("does not exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("6474011713850001", "month 13")]
    [InlineData("6474011700850001", "month 00")]
    public void Explain_ImpossibleMonth_IsInvalid(string nik, string what)
    {
        var result = Explain(nik);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Contains("month", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Errors, e => e.Contains("day", StringComparison.Ordinal) && !e.Contains("month", StringComparison.Ordinal));
        Assert.NotNull(what);
    }

    [Theory]
    [InlineData("6474010008850001")] // day 00
    [InlineData("6474013208850001")] // day 32: neither a man's nor a woman's day
    [InlineData("6474014008850001")] // day 40
    [InlineData("6474017208850001")] // day 72 = woman's 32
    public void Explain_ImpossibleDay_IsInvalid(string nik)
    {
        var result = Explain(nik);

        Assert.False(result.Valid);
        Assert.Contains(result.Errors, e => e.Contains("Birth day", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_ThirtyFirstOfApril_IsInvalid()
    {
        var result = Explain("6474013104850001");

        Assert.False(result.Valid);
    }

    [Fact]
    public void Explain_TwoDigitYear_TakesTheLatestCenturyInThePast()
    {
        Assert.Equal(new DateOnly(2025, 1, 10), Explain("6474011001250001").BirthDate);
        Assert.Equal(new DateOnly(1930, 1, 10), Explain("6474011001300001").BirthDate);

        // 23 November 2026 is tomorrow, so the person was born in 1926.
        Assert.Equal(new DateOnly(1926, 11, 23), Explain("6474012311260001").BirthDate);
        Assert.Equal(new DateOnly(2026, 11, 22), Explain("6474012211260001").BirthDate);
    }

    [Theory]
    [InlineData("647401170885000", 15)]
    [InlineData("64740117088500021", 17)]
    public void Explain_WrongLength_IsInvalidAndSaysHowManyDigits(string nik, int digits)
    {
        var result = Explain(nik);

        Assert.False(result.Valid);
        Assert.Null(result.BirthDate);
        Assert.Contains(result.Errors, e => e.Contains("16 digits", StringComparison.Ordinal) && e.Contains($"has {digits}", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_UnknownRegionPrefix_IsAWarningNotAnError()
    {
        var result = NikExplainer.Explain("9999011708850002", Today, code => code.Value == "64.74.01");

        Assert.True(result.Valid);
        Assert.Equal("99.99.01", result.RegionCode);
        Assert.Single(result.Warnings);
        Assert.Contains("99.99.01", result.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_KnownRegionPrefix_HasNoWarning()
    {
        var result = NikExplainer.Explain("6474011708850002", Today, code => code.Value == "64.74.01");

        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("6474 0117 0885 0002")]
    [InlineData("6474.0117.0885.0002")]
    [InlineData("6474-0117-0885-0002")]
    [InlineData("'6474011708850002")]
    [InlineData(" 6474011708850002 ")]
    public void Parse_CleansSpacesDotsDashesAndApostrophe(string text)
    {
        var result = Nik.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("6474011708850002", result.Value!.Value);
    }

    [Theory]
    [InlineData("6.47401E+15")]
    [InlineData("6,47401E+15")]
    [InlineData("6.474011708850E+15")]
    public void Parse_ScientificNotation_IsRejectedAsExcelDamage(string text)
    {
        var result = Nik.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains("Excel", result.Error, StringComparison.Ordinal);
        Assert.Contains("Text", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_IsRejected(string? text)
    {
        Assert.Equal("NIK is empty.", Nik.Parse(text).Error);
    }

    [Fact]
    public void Parse_Letters_AreRejectedNamingTheCharacter()
    {
        var result = Nik.Parse("64740117O8850002");

        Assert.False(result.IsValid);
        Assert.Contains("'O'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_ShowsFirstFourAndLastTwo()
    {
        Assert.Equal("6474**********02", Nik.From("6474011708850002").Masked);
    }

    [Fact]
    public void RegionCode_IsTheKecamatanOfFirstRegistration()
    {
        Assert.Equal(RegionCode.From("64.74.01"), Nik.From("6474011708850002").RegionCode);
    }
}
