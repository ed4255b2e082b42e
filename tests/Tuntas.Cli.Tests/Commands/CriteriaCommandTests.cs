using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class CriteriaCommandTests
{
    [Fact]
    public async Task CriteriaLines_ListsTheThreeShippedLines_WithTheOfficialDefault()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunAsync("criteria", "lines", "--json", "--db", database.Uri.Display);

        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();
        Assert.Equal("bps-215-ppp2017", json.GetProperty("default").GetString());
        var lines = json.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["bps-215-ppp2017", "wb-190-ppp2011", "wb-300-ppp2021"], lines.Select(l => l.GetProperty("code").GetString()).Distinct().Order(StringComparer.Ordinal));
        var official = lines.Single(l => l.GetProperty("code").GetString() == "bps-215-ppp2017" && l.GetProperty("year").GetInt32() == 2024);
        Assert.Equal((391_000L, true, "USD 2,15 PPP 2017"), (official.GetProperty("line").GetInt64(), official.GetProperty("official").GetBoolean(), official.GetProperty("basis").GetString()));
        Assert.All(lines.Where(l => l.GetProperty("code").GetString() != "bps-215-ppp2017"), l => Assert.False(l.GetProperty("official").GetBoolean()));
        var legacy = lines.Single(l => l.GetProperty("code").GetString() == "wb-190-ppp2011" && l.GetProperty("year").GetInt32() == 2021);
        Assert.Equal(322_170L, legacy.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task CriteriaSet_WithALineCode_TakesThatYearsValueAndSource_AndStatsNameIt()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var db = database.Uri.Display;

        var set = await CliRun.RunAsync("criteria", "set", "--year", "2025", "--region", "64.74", "--line-code", "wb-300-ppp2021", "--json", "--db", db);
        var unknown = await CliRun.RunAsync("criteria", "set", "--year", "2025", "--line-code", "usd-9-ppp2099", "--db", db);
        var neither = await CliRun.RunAsync("criteria", "set", "--year", "2025", "--db", db);
        var byHand = await CliRun.RunAsync("criteria", "set", "--year", "2026", "--line", "400000", "--source", "Perbup 2026", "--json", "--db", db);
        var bontang = await CliRun.RunAsync("stats", "--region", "64.74", "--at", "2025-06-30", "--json", "--db", db);
        var kutim = await CliRun.RunAsync("stats", "--region", "64.08", "--at", "2025-06-30", "--json", "--db", db);

        Assert.True(set.ExitCode == 0, set.ToString());
        Assert.Equal((546_400L, "wb-300-ppp2021"), (set.Json().GetProperty("line").GetInt64(), set.Json().GetProperty("lineCode").GetString()));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("usd-9-ppp2099", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, neither.ExitCode);
        Assert.True(byHand.ExitCode == 0, byHand.ToString());

        var criteria = bontang.Json().GetProperty("criteria");
        Assert.Equal((2025, "wb-300-ppp2021", "64.74", 546_400L), (criteria.GetProperty("year").GetInt32(), criteria.GetProperty("line").GetString(), criteria.GetProperty("region").GetString(), criteria.GetProperty("linePerCapita").GetInt64()));
        var national = kutim.Json().GetProperty("criteria");
        Assert.Equal((2024, "bps-215-ppp2017", 391_000L), (national.GetProperty("year").GetInt32(), national.GetProperty("line").GetString(), national.GetProperty("linePerCapita").GetInt64()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, national.GetProperty("region").ValueKind);
        Assert.Contains("USD 2,15 PPP 2017", national.GetProperty("source").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_WithoutATargetOfItsOwn_ShowsTheNationalTarget_AndSaysSo()
    {
        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var db = database.Uri.Display;

        var before = await CliRun.RunAsync("stats", "--region", "64.08", "--at", "2026-06-30", "--json", "--db", db);
        await CliRun.RunAsync("targets", "set", "--region", "64.08", "--date", "2025-12-31", "--households", "5", "--db", db);
        var own = await CliRun.RunAsync("stats", "--region", "64.08.01", "--at", "2025-06-30", "--json", "--db", db);

        var national = before.Json().GetProperty("target");
        Assert.Equal(("2026-12-31", 0, "nasional", "Inpres 8/2025"), (national.GetProperty("date").GetString(), national.GetProperty("households").GetInt32(),
            national.GetProperty("source").GetString(), national.GetProperty("basis").GetString()));
        var regional = own.Json().GetProperty("target");
        Assert.Equal(("2025-12-31", 5, "daerah", "64.08"), (regional.GetProperty("date").GetString(), regional.GetProperty("households").GetInt32(),
            regional.GetProperty("source").GetString(), regional.GetProperty("region").GetString()));
    }
}
