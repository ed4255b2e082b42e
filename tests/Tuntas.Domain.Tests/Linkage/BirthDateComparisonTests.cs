using Tuntas.Domain.Linkage;

namespace Tuntas.Domain.Tests.Linkage;

public class BirthDateComparisonTests
{
    private static readonly DateOnly Today = new(2026, 12, 8);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Compare_SameDate_IsExact() => Assert.Equal(BirthDateAgreement.Exact, BirthDateComparison.Compare(D(1985, 3, 12), D(1985, 3, 12)).Level);

    [Fact]
    public void Compare_DayMonthSwapped()
    {
        var result = BirthDateComparison.Compare(D(1985, 3, 12), D(1985, 12, 3));
        Assert.Equal(BirthDateAgreement.DayMonthSwapped, result.Level);
        Assert.Equal("same date with day and month swapped", result.Reason);
    }

    [Fact]
    public void Compare_FirstOfJanuaryPlaceholder_KeepsOnlyTheYear()
    {
        Assert.Equal(BirthDateAgreement.PlaceholderSameYear, BirthDateComparison.Compare(D(1985, 1, 1), D(1985, 3, 12)).Level);
        Assert.Equal(BirthDateAgreement.PlaceholderSameYear, BirthDateComparison.Compare(D(1985, 12, 31), D(1985, 12, 31)).Level);
        Assert.Equal(BirthDateAgreement.Placeholder, BirthDateComparison.Compare(D(1984, 1, 1), D(1985, 3, 12)).Level);
    }

    [Theory]
    [InlineData(1970, 6, 15)]
    [InlineData(1900, 1, 1)]
    public void Compare_DefaultYears_AreUnknown(int y, int m, int d)
    {
        Assert.True(BirthDateComparison.IsPlaceholder(D(y, m, d)));
        Assert.Equal(BirthDateAgreement.Placeholder, BirthDateComparison.Compare(D(y, m, d), D(y, m, d)).Level);
    }

    [Fact]
    public void Compare_Distances()
    {
        Assert.Equal(BirthDateAgreement.SameYearAndMonth, BirthDateComparison.Compare(D(1985, 3, 12), D(1985, 3, 21)).Level);
        Assert.Equal(BirthDateAgreement.WithinOneYear, BirthDateComparison.Compare(D(1985, 3, 12), D(1986, 2, 12)).Level);
        Assert.Equal(BirthDateAgreement.Different, BirthDateComparison.Compare(D(1985, 3, 12), D(1990, 3, 12)).Level);
        Assert.Equal(BirthDateAgreement.Missing, BirthDateComparison.Compare(null, D(1990, 3, 12)).Level);
    }

    [Fact]
    public void AgreesWithNik_UsesTheNiksOwnDate()
    {
        Assert.Equal(BirthDateAgreement.Exact, BirthDateComparison.AgreesWithNik("6408051203850002", D(1985, 3, 12), Today).Level);
        Assert.Equal(BirthDateAgreement.Exact, BirthDateComparison.AgreesWithNik("6408055203850002", D(1985, 3, 12), Today).Level);
        Assert.Equal(BirthDateAgreement.DayMonthSwapped, BirthDateComparison.AgreesWithNik("6408051203850002", D(1985, 12, 3), Today).Level);
        Assert.Equal(BirthDateAgreement.Missing, BirthDateComparison.AgreesWithNik("6408059903850002", D(1985, 12, 3), Today).Level);
    }

    [Fact]
    public void AgreesWithNik_CenturyOfTheTwoYearDigits_FollowsTheGivenDate() =>
        Assert.Equal(BirthDateAgreement.Exact, BirthDateComparison.AgreesWithNik("6408051203240002", D(1924, 3, 12), Today).Level);
}
