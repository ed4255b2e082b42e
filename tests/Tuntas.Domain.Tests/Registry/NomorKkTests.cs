using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Registry;

public class NomorKkTests
{
    [Theory]
    [InlineData("6474010101200001")]
    [InlineData("'6474010101200001")]
    [InlineData("6474 0101 0120 0001")]
    public void Parse_SixteenDigits_IsAccepted(string text)
    {
        Assert.Equal("6474010101200001", NomorKk.Parse(text).Value!.Value);
    }

    [Fact]
    public void Parse_ScientificNotation_SaysExcelDamagedIt()
    {
        var result = NomorKk.Parse("6.47401E+15");

        Assert.False(result.IsValid);
        Assert.StartsWith("No. KK '6.47401E+15' was turned into a rounded number by Excel", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FifteenDigits_IsRejected()
    {
        Assert.Equal("No. KK must have 16 digits; '647401010120000' has 15.", NomorKk.Parse("647401010120000").Error);
    }
}
