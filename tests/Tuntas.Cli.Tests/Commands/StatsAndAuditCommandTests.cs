using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class StatsAndAuditCommandTests
{
    /// <summary>The three families of <see cref="Families.ThreeFamilies"/>, all spending below the line, and a target for Kota Bontang.</summary>
    private static async Task<TestDatabase> PoorFamiliesAsync()
    {
        var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using var db = database.CreateContext();
        var families = Families.ThreeFamilies();
        foreach (var family in families)
        {
            family.SetSpendingPerCapita(250_000);
        }

        db.Households.AddRange(families);
        db.Targets.Add(new Target(RegionCode.From("64.74"), new DateOnly(2026, 12, 31), 0, "admin", Families.Now));
        await db.SaveChangesAsync();
        return database;
    }

    private static IEnumerable<string> Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    [Fact]
    public async Task Stats_Json_PrintsOneObjectWithTheContractKeys_AsOfTheDay()
    {
        await using var database = await PoorFamiliesAsync();
        var classify = await CliRun.RunAsync("classify", "--region", "64.74", "--at", "2026-06-30", "--json", "--db", database.Uri.Display);
        Assert.True(classify.ExitCode == 0, classify.ToString());
        Assert.Equal(2, classify.Json().GetProperty("listed").GetInt32());

        var run = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2026-07-01", "--json", "--db", database.Uri.Display);
        var before = await CliRun.RunAsync("stats", "--region", "6474", "--at", "2026-06-29", "--json", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal(["region", "regionName", "at", "extremePoor", "exited", "target", "noData", "completeness", "criteria", "desil"], Keys(json));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("noData").ValueKind);
        Assert.Equal("64.74", json.GetProperty("region").GetString());
        Assert.Equal("Kota Bontang", json.GetProperty("regionName").GetString());
        Assert.Equal("2026-07-01", json.GetProperty("at").GetString());
        var poor = json.GetProperty("extremePoor");
        Assert.Equal(["households", "people", "verified", "unverified", "inHandling"], Keys(poor));
        Assert.Equal(0, poor.GetProperty("inHandling").GetInt32());
        Assert.Equal((2, 3, 0, 2), (poor.GetProperty("households").GetInt32(), poor.GetProperty("people").GetInt32(), poor.GetProperty("verified").GetInt32(), poor.GetProperty("unverified").GetInt32()));
        var exited = json.GetProperty("exited");
        Assert.Equal(["graduated", "excluded", "moved", "deceased", "merged"], Keys(exited));
        Assert.All(exited.EnumerateObject(), p => Assert.Equal(0, p.Value.GetInt32()));
        var target = json.GetProperty("target");
        Assert.Equal(["date", "households", "region", "regionName", "inherited", "passed", "missed", "householdsOnDate", "suppressed", "source", "basis"], Keys(target));
        Assert.Equal("daerah", target.GetProperty("source").GetString());
        Assert.False(target.GetProperty("suppressed").GetBoolean());
        Assert.Equal("2026-12-31", target.GetProperty("date").GetString());
        Assert.Equal(0, target.GetProperty("households").GetInt32());

        // The day before the families were loaded and listed, Bontang has no data: null with the reason, not 0.
        Assert.Equal(0, before.ExitCode);
        Assert.Equal("64.74", before.Json().GetProperty("region").GetString());
        Assert.Equal(JsonValueKind.Null, before.Json().GetProperty("extremePoor").GetProperty("households").ValueKind);
        Assert.StartsWith("No data for this region", before.Json().GetProperty("noData").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_Json_ARegencyWithoutData_IsNullWithTheReason_AndTheProvinceSaysWhichAreMissing()
    {
        await using var database = await PoorFamiliesAsync();
        var classify = await CliRun.RunAsync("classify", "--region", "64.74", "--at", "2026-06-30", "--json", "--db", database.Uri.Display);
        Assert.True(classify.ExitCode == 0, classify.ToString());

        // Kutai Timur's one family arrives on 22 November 2026; on 1 July nothing of it was loaded.
        var kutim = await CliRun.RunAsync("stats", "--region", "64.08", "--at", "2026-07-01", "--json", "--db", database.Uri.Display);
        var province = await CliRun.RunAsync("stats", "--region", "64", "--at", "2026-07-01", "--json", "--db", database.Uri.Display);
        var loaded = await CliRun.RunAsync("stats", "--region", "64.08", "--at", "2026-11-22", "--json", "--db", database.Uri.Display);

        Assert.True(kutim.ExitCode == 0, kutim.ToString());
        var poor = kutim.Json().GetProperty("extremePoor");
        Assert.All(["households", "people", "verified", "unverified", "inHandling"], k => Assert.Equal(JsonValueKind.Null, poor.GetProperty(k).ValueKind));
        var noData = kutim.Json().GetProperty("noData");
        Assert.Equal("No data for this region on 2026-07-01: its first households were loaded on 2026-11-22.", noData.GetProperty("reason").GetString());
        Assert.Equal("2026-11-22", noData.GetProperty("firstDataOn").GetString());

        var totals = province.Json();
        Assert.Equal(2, totals.GetProperty("extremePoor").GetProperty("households").GetInt32());
        var completeness = totals.GetProperty("completeness");
        Assert.Equal(("regency", 1, 10), (completeness.GetProperty("level").GetString(), completeness.GetProperty("withData").GetInt32(), completeness.GetProperty("total").GetInt32()));
        var missing = completeness.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(9, missing.Count);
        Assert.Contains("64.08", missing);
        Assert.DoesNotContain("64.74", missing);

        // Once its family is loaded Kutai Timur has data: 0 extreme-poor households is then a real 0.
        Assert.Equal(0, loaded.Json().GetProperty("extremePoor").GetProperty("households").GetInt32());
        Assert.Equal(JsonValueKind.Null, loaded.Json().GetProperty("noData").ValueKind);
    }

    [Fact]
    public async Task Stats_Json_APassedTarget_SaysItWasMissed_WithTheCountOnItsDate()
    {
        await using var database = await PoorFamiliesAsync();
        var classify = await CliRun.RunAsync("classify", "--region", "64.74", "--at", "2026-06-30", "--json", "--db", database.Uri.Display);
        Assert.True(classify.ExitCode == 0, classify.ToString());

        var after = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2027-01-05", "--json", "--db", database.Uri.Display);
        var desa = await CliRun.RunAsync("stats", "--region", "64.74.01.1002", "--at", "2027-01-05", "--json", "--db", database.Uri.Display);
        var text = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2027-01-05", "--db", database.Uri.Display);

        var target = after.Json().GetProperty("target");
        Assert.Equal("2026-12-31", target.GetProperty("date").GetString());
        Assert.True(target.GetProperty("passed").GetBoolean());
        Assert.True(target.GetProperty("missed").GetBoolean());
        Assert.Equal(2, target.GetProperty("householdsOnDate").GetInt32());
        Assert.False(target.GetProperty("inherited").GetBoolean());
        var inherited = desa.Json().GetProperty("target");
        Assert.True(inherited.GetProperty("inherited").GetBoolean());
        Assert.Equal(("64.74", "Kota Bontang"), (inherited.GetProperty("region").GetString(), inherited.GetProperty("regionName").GetString()));
        Assert.Equal(1, inherited.GetProperty("householdsOnDate").GetInt32());
        Assert.Contains("missed: 2 households on 2026-12-31", text.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("64.74", "09-04-2025", "'09-04-2025' is not a date; write it as YYYY-MM-DD")]
    [InlineData("64.74", "2025-02-30", "is not a date")]
    [InlineData("64.99", "2025-04-09", "Region 64.99 is not in the Kemendagri list.")]
    [InlineData("Bontang", "2025-04-09", "Region code 'Bontang' may contain only digits and dots")]
    public async Task Stats_BadDateOrUnknownRegion_IsAUsageError(string region, string at, string message)
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunAsync("stats", "--region", region, "--at", at, "--json", "--db", database.Uri.Display);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Contains(message, run.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditVerify_IntactThenEditedWithSql_Exits0Then3()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        long written;
        await using (var db = database.CreateContext())
        {
            // What tuntas init recorded: the shipped criteria and programme catalogue.
            written = await db.AuditEntries.CountAsync();
        }

        var intact = await CliRun.RunAsync("audit", "verify", "--json", "--db", database.Uri.Display);
        await using (var db = database.CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = {0} WHERE \"Sequence\" = 1", "someone.else");
        }

        var broken = await CliRun.RunAsync("audit", "verify", "--json", "--db", database.Uri.Display);

        Assert.True(intact.ExitCode == 0, intact.ToString());
        var ok = intact.Json();
        Assert.True(ok.GetProperty("intact").GetBoolean());
        Assert.True(written > 0);
        Assert.Equal(written, ok.GetProperty("entries").GetInt64());
        Assert.Equal(64, ok.GetProperty("head").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, ok.GetProperty("firstBroken").ValueKind);

        Assert.True(broken.ExitCode == 3, broken.ToString());
        var bad = broken.Json();
        Assert.False(bad.GetProperty("intact").GetBoolean());
        Assert.Equal(1, bad.GetProperty("firstBroken").GetProperty("sequence").GetInt64());
        Assert.Equal("entry 1 was altered: its content no longer matches its hash", bad.GetProperty("firstBroken").GetProperty("problem").GetString());
        Assert.Contains("audit trail broken", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Classify_AtADateInTheFuture_IsAUsageErrorAndListsNobody()
    {
        await using var database = await PoorFamiliesAsync();
        int written;
        await using (var before = database.CreateContext())
        {
            written = await before.AuditEntries.CountAsync();
        }

        var dayAfterTomorrow = DateTime.UtcNow.AddHours(8).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var run = await CliRun.RunAsync("classify", "--at", dayAfterTomorrow, "--db", database.Uri.Display);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--at {dayAfterTomorrow} is in the future", run.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.StatusEvents.AnyAsync());
        Assert.Equal(written, await db.AuditEntries.CountAsync());
    }
}
