using Tuntas.Domain.Import;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Registry;

public class DesilTextTests
{
    [Theory]
    [InlineData("1", 1)]
    [InlineData("Desil 1", 1)]
    [InlineData("DESIL 1", 1)]
    [InlineData("desil-4", 4)]
    [InlineData(" Desil 10 ", 10)]
    [InlineData("07", 7)]
    public void Parse_AcceptsTheSpellingsOfRankingFiles(string text, int desil) => Assert.Equal(desil, DesilText.Parse(text));

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    [InlineData("Desil 11")]
    [InlineData("desil")]
    [InlineData("1,5")]
    [InlineData("Miskin")]
    public void Parse_RefusesWhatIsNotADesil(string text) => Assert.Null(DesilText.Parse(text));

    [Fact]
    public void Read_NumberCell_IsADesilWhenWhole_AndEmptyCellIsRefused()
    {
        Assert.Equal(3, DesilText.Read(new SourceCell("3", true, 3), out var none));
        Assert.Null(none);
        Assert.Null(DesilText.Read(new SourceCell("2.5", true, 2.5), out var half));
        Assert.Equal("Desil.NotADesil", half!.Code);
        Assert.Null(DesilText.Read(new SourceCell(null), out var empty));
        Assert.Equal("Desil.Empty", empty!.Code);
    }

    [Fact]
    public void InForce_IsTheLatestVersionNotAfterTheDay()
    {
        var now = new DateTime(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);
        var a = new HouseholdDesil(1, 5, "DTSEN", new DateOnly(2026, 1, 15), "x", now);
        var b = new HouseholdDesil(1, 1, "DTSEN", new DateOnly(2026, 6, 15), "x", now);

        Assert.Null(DesilHistory.InForce([a, b], new DateOnly(2026, 1, 14)));
        Assert.Equal(5, DesilHistory.InForce([a, b], new DateOnly(2026, 6, 14))!.Desil);
        Assert.Equal(1, DesilHistory.InForce([b, a], new DateOnly(2026, 6, 15))!.Desil);
    }

    [Fact]
    public void Row_NikOrNoKkStoredAsANumber_IsExcelDamage()
    {
        var row = DesilRow.Validate(4, c => c switch
        {
            DesilColumn.NoKk => new SourceCell("6474010101200001"),
            DesilColumn.Nik => new SourceCell("6.47401E+15", true, 6474011708850002),
            DesilColumn.Desil => new SourceCell("Desil 1"),
            _ => default,
        });

        Assert.Equal((DesilColumn.Nik, "Import.DigitsStoredAsNumber"), (row.RejectedColumn, row.Reason!.Code));
    }
}
