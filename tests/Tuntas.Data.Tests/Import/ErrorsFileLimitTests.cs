using System.Globalization;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;

namespace Tuntas.Data.Tests.Import;

/// <summary>A file of junk cannot leave an errors file many times its own size.</summary>
public class ErrorsFileLimitTests
{
    [Theory]
    [InlineData("id", "10 baris ditolak lainnya tidak dicantumkan (berkas ini memuat paling banyak 50.000 baris)", "more rejected rows")]
    [InlineData("en", "10 more rejected rows are not listed (this file lists at most 50,000)", "tidak dicantumkan")]
    public async Task ErrorsFile_ListsAtMost50000Rows_EachCut_AndSaysHowManyMoreWereLeftOut_InTheReasonsLanguage(string language, string closing, string otherLanguage)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var junk = Enumerable.Range(0, 50_010).Select(i => i == 0 ? "x," + new string('y', 10_000) : "x").Prepend(Header);
        var path = Csv([.. junk]);

        var summary = await ImportAsync(database, path, language: CultureInfo.GetCultureInfo(language));

        var lines = await File.ReadAllLinesAsync(summary.ErrorsFile!);
        Assert.Equal(50_010L, summary.Rejected);
        Assert.Equal(1 + 50_000 + 1, lines.Length);
        Assert.True(lines[1].Length < 3_100, $"the first row is {lines[1].Length} characters long");
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.Contains(closing, lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(otherLanguage, lines[^1], StringComparison.Ordinal);
    }
}
