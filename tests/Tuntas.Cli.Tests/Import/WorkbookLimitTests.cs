using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Import.Reading;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Import;

/// <summary>
/// Workbooks over the reader's limits (zip bombs, a lying zip directory, too many texts or cells)
/// are refused whole (contracts §8): exit 2 with the reason on standard error (in Bahasa Indonesia
/// unless <c>--lang en</c>, contracts §7), nothing in the database, no errors file.
/// </summary>
public class WorkbookLimitTests
{
    /// <summary>Limits that let each case reach the check it is about (the defaults stop most of them earlier, by ratio).</summary>
    private static readonly ImportLimits NoRatio = new() { MaxRatio = int.MaxValue };

    public static TheoryData<string> Cases => ["huge string", "tiny strings", "huge string past the ratio", "tiny strings past the ratio", "lying directory", "cells"];

    private const string RefusedWhole = "Berkas ditolak seluruhnya, tidak ada yang disimpan";

    /// <summary>The reason in English and in Bahasa Indonesia (null where the reader's own words are English only).</summary>
    private static (string Path, ImportLimits Limits, string Reason, string? Alasan) Build(string name) => name switch
    {
        // The finding: one shared string unpacking to far more than the file (50 MB of 'A' in ~50 KB).
        "huge string" => (Workbooks.OneHugeSharedString(50_000_000), new ImportLimits(), "grows", "membesar"),
        "tiny strings" => (Workbooks.ManySharedStrings(2_000_000), new ImportLimits(), "grows", "membesar"),
        "huge string past the ratio" => (Workbooks.OneHugeSharedString(5_000_000), NoRatio, "a cell holds more than 32,767 characters", "ada sel yang berisi lebih dari 32.767 karakter"),
        "tiny strings past the ratio" => (Workbooks.ManySharedStrings(2_000), NoRatio with { MaxSharedStrings = 1_000 }, "more than 1,000 different texts", "lebih dari 1.000 teks berbeda"),

        // The directory says 1,000 bytes; the part unpacks to 3 MB. The unpacking stops at the declared
        // size (and the reader counts what comes out, refusing past its own limit in any case).
        "lying directory" => (Workbooks.LyingHeader(3_000_000, 1_000), NoRatio with { MaxPartBytes = 1024 * 1024 }, "a part of it is damaged or cut short", null),
        "cells" => (Workbooks.ManyCells(200, 10), NoRatio with { MaxCells = 100 }, "the sheet holds more than 100 cells", "lembar kerja ini memuat lebih dari 100 sel"),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_OfAWorkbookOverTheLimits_ExitsTwoWithTheReason_InTheLanguageAsked_AndWritesNothing(string name)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var (path, limits, reason, alasan) = Build(name);
        using var scope = ImportLimits.Use(limits);

        var run = await CliRun.RunAsync("import", path, "--db", database.Uri.Display);
        var dryRun = await CliRun.RunAsync("import", path, "--dry-run", "--json", "--lang", "en", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(alasan is null ? "not a readable .xlsx workbook" : RefusedWhole, run.Error, StringComparison.Ordinal);
        Assert.Contains(alasan ?? reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(2, dryRun.ExitCode);
        var english = dryRun.Json().GetProperty("error").GetString();
        Assert.Contains(alasan is null ? "not a readable .xlsx workbook" : "The whole file was refused and nothing was saved", english, StringComparison.Ordinal);
        Assert.Contains(reason, english, StringComparison.Ordinal);
        Assert.False(File.Exists(path + ".errors.csv"));
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Households.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InterventionsImport_OfAWorkbookOverTheLimits_ExitsTwoWithTheReason_InTheLanguageAsked_AndWritesNothing(string name)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            db.Households.AddRange(Families.ThreeFamilies());
            await db.SaveChangesAsync();
        }

        var (path, limits, reason, alasan) = Build(name);
        using var scope = ImportLimits.Use(limits);

        var run = await CliRun.RunAsync("interventions", "import", path, "--programme", "PKH", "--db", database.Uri.Display);
        var english = await CliRun.RunAsync("interventions", "import", path, "--programme", "PKH", "--lang", "en", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(alasan ?? reason, run.Error, StringComparison.Ordinal);
        Assert.Equal(2, english.ExitCode);
        Assert.Contains(reason, english.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path + ".errors.csv"));
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Deliveries.CountAsync());
    }
}
