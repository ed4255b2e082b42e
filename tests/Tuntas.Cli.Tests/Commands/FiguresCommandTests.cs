using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class FiguresCommandTests
{
    /// <summary>Three families spending below the line, listed by a classification on 30 June 2026.</summary>
    private static async Task<TestDatabase> ListedFamiliesAsync()
    {
        var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            var families = Families.ThreeFamilies();
            foreach (var family in families)
            {
                family.SetSpendingPerCapita(250_000);
            }

            db.Households.AddRange(families);
            await db.SaveChangesAsync();
        }

        var classify = await CliRun.RunAsync("classify", "--region", "64", "--at", "2026-06-30", "--db", database.Uri.Display);
        Assert.True(classify.ExitCode == 0, classify.ToString());
        return database;
    }

    [Fact]
    public async Task FiguresCheck_CountTamperedWith_ExitsThreeNamingTheFigure_AndARebuildMendsIt()
    {
        await using var database = await ListedFamiliesAsync();
        var clean = await CliRun.RunAsync("figures", "check", "--region", "64.74", "--at", "2026-07-01", "--json", "--db", database.Uri.Display);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.True(clean.Json().GetProperty("agree").GetBoolean());
        Assert.True(clean.Json().GetProperty("compared").GetInt32() > 20, clean.ToString());

        // Someone adds a household to Kota Bontang's listed count behind the history's back.
        await using (var db = database.CreateContext())
        {
            var changed = await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"RegionDayCounts\" SET \"Households\" = \"Households\" + 1 WHERE \"Region\" = '64.74' AND \"Measure\" = 'Listed' AND \"Day\" = '2026-06-30'");
            Assert.Equal(1, changed);
        }

        var tampered = await CliRun.RunAsync("figures", "check", "--region", "64.74", "--at", "2026-07-01", "--db", database.Uri.Display);
        Assert.True(tampered.ExitCode == 3, tampered.ToString());
        Assert.Contains("extremePoor.households: published 3, history 2", tampered.Output, StringComparison.Ordinal);
        Assert.Contains("extremePoor.unverified: published 3, history 2", tampered.Output, StringComparison.Ordinal);

        var json = await CliRun.RunAsync("figures", "check", "--region", "64.74", "--at", "2026-07-01", "--json", "--db", database.Uri.Display);
        Assert.Equal(3, json.ExitCode);
        var differences = json.Json().GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("figure").GetString()).ToList();
        Assert.Equal(["extremePoor.households", "extremePoor.unverified"], differences);

        // The day before the listing is untouched, and a rebuild from the history mends the count.
        Assert.Equal(0, (await CliRun.RunAsync("figures", "check", "--region", "64.74", "--at", "2026-06-29", "--db", database.Uri.Display)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("figures", "rebuild", "--db", database.Uri.Display)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("figures", "check", "--region", "64.74", "--at", "2026-07-01", "--db", database.Uri.Display)).ExitCode);
    }

    [Fact]
    public async Task FiguresCheck_TrendCountTamperedWith_NamesTheTrendPointAndTheChildRegion()
    {
        await using var database = await ListedFamiliesAsync();
        await using (var db = database.CreateContext())
        {
            // The caseload measure feeds the trend and the child regions, not the headline.
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(
                "UPDATE \"RegionDayCounts\" SET \"Households\" = \"Households\" - 1 WHERE \"Region\" = '64.74.01' AND \"Measure\" = 'Caseload' AND \"Day\" = '2026-06-30'"));
        }

        var run = await CliRun.RunAsync("figures", "check", "--region", "64.74", "--at", "2026-07-01", "--json", "--db", database.Uri.Display);
        Assert.True(run.ExitCode == 3, run.ToString());
        var differences = run.Json().GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("figure").GetString()).ToList();
        Assert.Contains("children[64.74.01].households", differences);
        Assert.DoesNotContain("extremePoor.households", differences);
    }
}
