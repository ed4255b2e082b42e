using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;

namespace Tuntas.Data.Tests.Import;

/// <summary>A file of junk cannot leave an errors file many times its own size.</summary>
public class ErrorsFileLimitTests
{
    [Fact]
    public async Task ErrorsFile_ListsAtMost50000Rows_EachCut_AndSaysHowManyMoreWereLeftOut()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var junk = Enumerable.Range(0, 50_010).Select(i => i == 0 ? "x," + new string('y', 10_000) : "x").Prepend(Header);
        var path = Csv([.. junk]);

        var summary = await ImportAsync(database, path);

        var lines = await File.ReadAllLinesAsync(summary.ErrorsFile!);
        Assert.Equal(50_010L, summary.Rejected);
        Assert.Equal(1 + 50_000 + 1, lines.Length);
        Assert.True(lines[1].Length < 3_100, $"the first row is {lines[1].Length} characters long");
        Assert.EndsWith("…", lines[1], StringComparison.Ordinal);
        Assert.Contains("10 baris ditolak lainnya tidak dicantumkan", lines[^1], StringComparison.Ordinal);
        Assert.Contains("10 more rejected rows are not listed", lines[^1], StringComparison.Ordinal);
    }
}
