using Tuntas.Data.Spreadsheets;

namespace Tuntas.Data.Tests.Monitoring;

public class FormulaGuardTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"klik\")", "'=HYPERLINK(\"http://x\",\"klik\")")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rCR", "'\rCR")]
    public void Text_StartingLikeAFormula_IsPrefixedWithAQuote(string value, string expected) =>
        Assert.Equal(expected, FormulaGuard.Text(value));

    [Theory]
    [InlineData("Budi Santoso")]
    [InlineData("6474011708850002")]
    [InlineData("a=b")]
    [InlineData("")]
    [InlineData(null)]
    public void Text_ThatIsNoFormula_IsLeftAlone(string? value) => Assert.Equal(value, FormulaGuard.Text(value));
}
