using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Commands;

public class RegionsCommandTests
{
    [Theory, DatabaseData]
    public async Task Regions_WithoutParent_Lists38Provinces(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var run = await CliRun.RunAsync("regions", "--json", "--db", db.Uri.Display);

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("parent").ValueKind);
        var provinces = json.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(38, provinces.Count);
        Assert.Contains(provinces, p => p.GetProperty("code").GetString() == "64" && p.GetProperty("name").GetString() == "Kalimantan Timur");
        Assert.All(provinces, p => Assert.Equal("province", p.GetProperty("level").GetString()));
    }

    [Theory, DatabaseData]
    public async Task Regions_ParentKaltim_Lists10RegenciesAndCities(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var run = await CliRun.RunAsync("regions", "--parent", "64", "--json", "--db", db.Uri.Display);

        var json = run.Json();
        Assert.Equal("64", json.GetProperty("parent").GetString());
        var regencies = json.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(10, regencies.Count);
        Assert.Contains(regencies, r => r.GetProperty("code").GetString() == "64.74" && r.GetProperty("name").GetString() == "Kota Bontang" && r.GetProperty("level").GetString() == "regency");
    }

    [Theory]
    [InlineData("64.74", 3, "district")]
    [InlineData("6474", 3, "district")]
    [InlineData("64.74.01", 6, "village")]
    [InlineData("647401", 6, "village")]
    public async Task Regions_BontangAndBontangUtara_DottedOrNot(string parent, int count, string level)
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunAsync("regions", "--parent", parent, "--json", "--db", db.Uri.Display);

        var json = run.Json();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(count, json.GetProperty("regions").GetArrayLength());
        Assert.All(json.GetProperty("regions").EnumerateArray(), r => Assert.Equal(level, r.GetProperty("level").GetString()));
        Assert.Contains(".", json.GetProperty("parent").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99.99", "not in the Kemendagri list")]
    [InlineData("64.7", "3 digits")]
    public async Task Regions_BadParent_IsAUsageError(string parent, string reason)
    {
        await using var db = await TestDatabase.CreateAsync(TestProvider.Sqlite);

        var run = await CliRun.RunAsync("regions", "--parent", parent, "--db", db.Uri.Display);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task Init_SecondRun_ChangesNothing(TestProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var run = await CliRun.RunAsync("init", "--json", "--db", db.Uri.Display);

        Assert.Equal(0, run.ExitCode);
        var json = run.Json();
        Assert.Equal(0, json.GetProperty("migrationsApplied").GetArrayLength());
        Assert.Equal(0, json.GetProperty("regions").GetProperty("inserted").GetInt32());
        Assert.Equal(91599, json.GetProperty("regions").GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Init_FreshSqliteFile_CreatesTheSchemaAndRegions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-fresh-{Guid.NewGuid():N}", "tuntas.db");
        try
        {
            var run = await CliRun.RunAsync("init", "--json", "--db", "sqlite:" + path);

            Assert.Equal(0, run.ExitCode);
            await using var db = Tuntas.Data.Database.TuntasDatabase.CreateContext(Tuntas.Data.Database.DatabaseUri.Parse("sqlite:" + path));
            var all = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetMigrations(db.Database).ToList();
            Assert.Equal(all, run.Json().GetProperty("migrationsApplied").EnumerateArray().Select(m => m.GetString()!).ToList());
            Assert.Equal(91599, run.Json().GetProperty("regions").GetProperty("inserted").GetInt32());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Theory]
    [InlineData("mysql://localhost/tuntas", "Unknown database")]
    [InlineData("postgresql://localhost", "names no database")]
    public async Task Db_Malformed_IsAUsageError(string uri, string reason)
    {
        var run = await CliRun.RunAsync("regions", "--db", uri);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(reason, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var run = await CliRun.RunAsync("frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("frobnicate", run.Error, StringComparison.Ordinal);
    }
}
