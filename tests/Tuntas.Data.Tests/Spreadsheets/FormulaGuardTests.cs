using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Monitoring;
using Tuntas.Data.Spreadsheets;
using Tuntas.Data.Tests.Verification;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Spreadsheets;

/// <summary>Every CSV Tuntas writes for people opens a formula-looking cell as text.</summary>
public class FormulaGuardTests
{
    /// <summary>Fails when a cell of the CSV text starts like a formula.</summary>
    private static void AssertNoFormula(string csv, char delimiter = ',')
    {
        foreach (var line in csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var cell in CsvText.Split(line.TrimStart('\uFEFF'), delimiter))
            {
                Assert.False(FormulaGuard.IsRisky(cell), $"A cell would run as a formula: {cell} (line {line})");
            }
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+62 812", "'+62 812")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-1250", "-1250")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("Budi", "Budi")]
    [InlineData("", "")]
    public void Text_PrefixesFormulasButNotNumbers(string value, string expected) =>
        Assert.Equal(expected, FormulaGuard.Text(value));

    [Fact]
    public void GuardLine_GuardsEveryCellOfARawLine_InItsOwnDelimiter_AndLeavesCleanLinesAsTheyCame()
    {
        Assert.Equal("6474,'=1+1,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5", CsvText.GuardLine("6474,=1+1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-5", ','));
        Assert.Equal("a;'@b;c", CsvText.GuardLine("a;@b;c", ';'));
        Assert.Equal("a,\"b, c\",-5", CsvText.GuardLine("a,\"b, c\",-5", ','));
        Assert.Equal("5,nama,'=bad", CsvText.Row([5L, "nama", "=bad"]));
    }

    [Theory, DatabaseData]
    public async Task PopulationErrorsFile_GuardsTheRowAsItCame(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var folder = Directory.CreateTempSubdirectory("tuntas-population-").FullName;
        var path = Path.Combine(folder, "penduduk.csv");
        await File.WriteAllTextAsync(path, "kode_wilayah,tahun,jiwa\n\"=HYPERLINK(\"\"http://evil\"\",\"\"klik\"\")\",2024,-5\n@SUM(1),2024,10\n");
        await using var services = VervalKit.Services(database);
        await using var scope = services.CreateAsyncScope();
        var summary = (await scope.ServiceProvider.GetRequiredService<ImportPopulation>().RunAsync(path)).Value!;

        var errors = await File.ReadAllTextAsync(summary.ErrorsFile!);
        Assert.Contains("'=HYPERLINK", errors, StringComparison.Ordinal);
        Assert.Contains("'@SUM(1)", errors, StringComparison.Ordinal);
        AssertNoFormula(errors);
    }
}
